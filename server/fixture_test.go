package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/cluster"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/store/sqlite"
	"github.com/whosaid/whosaid/store/storetest"
)

// writeToken is the write token of the test servers that take writes.
const writeToken = "test-token-5f3a"

// fixture is a SQLite store under t.TempDir() holding the conformance
// suite's articles (annotated by the real pipeline, from its checked-in
// fixture) and the hostile article, linked and stored as ingest does.
type fixture struct {
	store *sqlite.Store
	docs  map[string]*whosaid.Doc // by name; "xss" is the hostile one
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "whosaid.db"), sqlite.Options{Now: storetest.Clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	docs, err := storetest.Docs()
	if err != nil {
		t.Fatal(err)
	}
	docs["xss"] = hostileDoc()
	for _, name := range []string{"a1.txt", "a2.txt", "a3.txt", "a4.txt", "a2v2.txt", "xss"} {
		d := docs[name]
		err := st.Update(ctx, func(tx whosaid.Tx) error {
			if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
				return err
			}
			if err := (cluster.Clusterer{}).Cluster(ctx, tx, d); err != nil {
				return err
			}
			_, err := tx.PutArticle(ctx, d)
			return err
		})
		if err != nil {
			t.Fatalf("storing %s: %v", name, err)
		}
	}
	return &fixture{store: st, docs: docs}
}

// Sentinels the hostile article's scripts would set if any ran.
const hostileSentinel = "__whosaidXSS"

// hostileText is an article from a hostile page: markup, event handlers,
// a javascript: link, a right-to-left override, and a 1 MB line.
var hostileText = `Hostile page

"<script>window.` + hostileSentinel + `=1</script>We will <img src=x onerror="window.` + hostileSentinel + `=2"> win," said Mayor Ada Quill.

Read <a href="javascript:window.` + hostileSentinel + `=3">the report</a> and open invoice` + "\u202e" + `gpj.exe today.

` + strings.Repeat("long line ", 1<<20/10) + "\n"

// hostileDoc is the hostile article annotated by hand: one statement
// whose source, cue and content hold the markup, a speaker whose name is
// markup, and metadata that is markup or a javascript: URL.
func hostileDoc() *whosaid.Doc {
	text := hostileText
	d := &whosaid.Doc{Source: "hostile.html", URL: "javascript:window." + hostileSentinel + "=4", MediaType: whosaid.MediaText, Raw: []byte("<html><script>window." + hostileSentinel + "=9</script>" + text)}
	d.RawSHA256 = whosaid.RawSHA256(d.Raw)
	d.SetText(text)
	at := func(s string) whosaid.Span {
		i := strings.Index(text, s)
		return whosaid.Span{Start: i, End: i + len(s)}
	}
	pub := time.Date(2024, 4, 20, 0, 0, 0, 0, time.UTC)
	d.Meta = whosaid.Meta{Title: `</title><script>window.` + hostileSentinel + `=5</script>Hostile`, Outlet: `<svg onload="window.` + hostileSentinel + `=6">`,
		Byline: `"><img src=x onerror="window.` + hostileSentinel + `=7">`, Published: &pub, PublishedFrom: `<b onclick="x()">meta</b>`}
	src, cue := at("Mayor Ada Quill"), at("said Mayor")
	cue.End = cue.Start + len("said")
	content := at(`<script>window.` + hostileSentinel + `=1</script>We will <img src=x onerror="window.` + hostileSentinel + `=2"> win,`)
	name := `Ada <i onmouseover="window.` + hostileSentinel + `=8">Quill</i>`
	d.Mentions = []whosaid.Mention{{Span: src, Kind: whosaid.MentionName, Type: whosaid.Person, Name: name, Entity: 0, Person: 3, Apposition: -1}}
	d.Entities = []whosaid.Entity{{Name: name, Type: whosaid.Person, Mentions: []int{0}}}
	d.Statements = []whosaid.Statement{{Kind: whosaid.Direct, Source: &src, Cue: &cue, Content: []whosaid.Span{content}, Mention: 0, Entity: 0, Confidence: 0.9}}
	return d
}

// serve starts a test server over f's store with cfg (its Store set).
func (f *fixture) serve(t testing.TB, cfg Config) *httptest.Server {
	t.Helper()
	cfg.Store = f.store
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// get fetches path from ts.
func get(t testing.TB, ts *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	return do(t, ts, "GET", path, "", nil)
}

// do sends a request with an optional bearer token and body.
func do(t testing.TB, ts *httptest.Server, method, path, token string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading: %v", method, path, err)
	}
	return resp, b
}
