package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// client calls one test server and checks every API answer against
// openapi.json.
type client struct {
	t  *testing.T
	ts *httptest.Server
}

func (c client) call(method, path, token string, body io.Reader) (*http.Response, []byte) {
	c.t.Helper()
	resp, b := do(c.t, c.ts, method, path, token, body)
	checkAgainstDoc(c.t, method, path, resp, b)
	return resp, b
}

func (c client) get(path string) (*http.Response, []byte) {
	c.t.Helper()
	return c.call("GET", path, "", nil)
}

// decodeAs decodes a JSON body into T.
func decodeAs[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decoding %T: %v in %.200s", v, err, b)
	}
	return v
}

// ids of the fixture the tests ask about.
type fixtureIDs struct {
	a1, stmt, demirel, aylin, marta, xss, cluster string
}

func (f *fixture) ids(t *testing.T) fixtureIDs {
	t.Helper()
	ctx := context.Background()
	find := func(name string) string {
		sp, err := f.store.Speaker(ctx, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return sp.ID
	}
	h, err := f.store.Statement(ctx, f.docs["a1.txt"].StatementID(0))
	if err != nil || h.Cluster == "" {
		t.Fatalf("the fixture's first statement: %+v, %v; want it in a cluster", h, err)
	}
	return fixtureIDs{a1: f.docs["a1.txt"].ID, stmt: f.docs["a1.txt"].StatementID(0), demirel: find("Yusuf Demirel"),
		aylin: find("Aylin Kaya"), marta: find("Marta Kaya"), xss: f.docs["xss"].ID, cluster: h.Cluster}
}

// apiSubtests counts the subtests of TestAPI that ran: only when all did
// can it tell whether every route was called.
var apiSubtests atomic.Int32

// TestAPI calls every route of the API with good and bad requests, and
// checks each answer against openapi.json; at the end, that every route
// answered with success at least once.
func TestAPI(t *testing.T) {
	subtests := []struct {
		name string
		fn   func(*testing.T)
	}{
		{"Reads", testReads}, {"Pagination", testPagination}, {"Export", testExport}, {"DocumentedParameters", testDocumentedParams},
		{"ReadOnly", testReadOnly}, {"Token", testToken}, {"Review", testReview}, {"Ingest", testIngest}, {"Limits", testLimits},
	}
	apiSubtests.Store(0)
	for _, st := range subtests {
		t.Run(st.name, func(t *testing.T) {
			apiSubtests.Add(1)
			st.fn(t)
		})
	}
	if int(apiSubtests.Load()) == len(subtests) {
		checkCoverage(t)
	}
}

func testReads(t *testing.T) {
	f := newFixture(t)
	id := f.ids(t)
	c := client{t, f.serve(t, Config{})}
	cases := []struct {
		path   string
		status int
		check  func(t *testing.T, b []byte)
	}{
		{"/api/v1/statements?q=strike", 200, func(t *testing.T, b []byte) {
			p := decodeAs[wire.Page[wire.Hit]](t, b)
			if len(p.Items) != 2 || p.Next != nil {
				t.Errorf("strike: %d hits, next %v; want the 2 statements of the strike article on one page", len(p.Items), p.Next)
			}
			for _, h := range p.Items {
				if h.Score == nil || h.Outlet == nil || *h.Outlet != "Daily Harbour" {
					t.Errorf("hit %+v: want a score and the outlet", h)
				}
			}
		}},
		{"/api/v1/statements?speaker=" + url.QueryEscape("Yusuf Demirel") + "&outlet=daily+harbour&kind=direct", 200, func(t *testing.T, b []byte) {
			p := decodeAs[wire.Page[wire.Hit]](t, b)
			if len(p.Items) == 0 {
				t.Fatal("no statement by Demirel in Daily Harbour")
			}
			for _, h := range p.Items {
				if h.Speaker == nil || h.Speaker.ID != id.demirel || h.Kind != "direct" || *h.Outlet != "Daily Harbour" {
					t.Errorf("filters let through %+v", h)
				}
			}
		}},
		{"/api/v1/statements?since=2024-04-01&until=2024-04-30&sort=date", 200, func(t *testing.T, b []byte) {
			p := decodeAs[wire.Page[wire.Hit]](t, b)
			if len(p.Items) == 0 {
				t.Fatal("nothing in April")
			}
			last := "9999"
			for _, h := range p.Items {
				d := day(h.SaidOn)
				if d == "" {
					d = day(h.Published)
				}
				if d < "2024-04-01" || d > "2024-04-30" || d > last {
					t.Errorf("date filter or order broken: %s after %s", d, last)
				}
				last = d
			}
		}},
		{"/api/v1/statements/" + id.stmt, 200, func(t *testing.T, b []byte) {
			if h := decodeAs[wire.Hit](t, b); h.ID != id.stmt || h.Article != id.a1 || h.Content == nil {
				t.Errorf("statement %+v", h)
			}
		}},
		{"/api/v1/speakers?q=kaya", 200, func(t *testing.T, b []byte) {
			p := decodeAs[wire.Page[wire.SpeakerSummary]](t, b)
			if len(p.Items) != 3 {
				t.Errorf("speakers named Kaya: %d, want 3", len(p.Items))
			}
		}},
		{"/api/v1/speakers/" + id.demirel, 200, func(t *testing.T, b []byte) {
			sp := decodeAs[wire.SpeakerSummary](t, b)
			if sp.ID != id.demirel || sp.Statements < 3 || len(sp.Outlets) != 2 || sp.PerMonth["2024-03"] == 0 {
				t.Errorf("speaker %+v", sp)
			}
		}},
		{"/api/v1/speakers/" + url.PathEscape("Marta Kaya"), 200, func(t *testing.T, b []byte) {
			if sp := decodeAs[wire.SpeakerSummary](t, b); sp.ID != id.marta {
				t.Errorf("a speaker by name: %+v", sp)
			}
		}},
		{"/api/v1/speakers/" + id.demirel + "/co-mentioned", 200, func(t *testing.T, b []byte) {
			p := decodeAs[wire.Page[wire.CoMention]](t, b)
			found := false
			for _, c := range p.Items {
				found = found || c.Speaker.ID == id.aylin
			}
			if !found {
				t.Errorf("co-mentions of Demirel %+v lack Aylin Kaya", p.Items)
			}
		}},
		{"/api/v1/articles/" + id.a1, 200, func(t *testing.T, b []byte) {
			a := decodeAs[wire.Article](t, b)
			runes := []rune(a.Text)
			if a.ID != id.a1 || len(a.Statements) == 0 || a.PublishedFrom == nil {
				t.Fatalf("article %+v", a)
			}
			for _, s := range a.Statements {
				if string(runes[s.Content.Start:s.Content.End]) != s.Content.Text {
					t.Errorf("statement %s: its span does not point at its content", s.ID)
				}
			}
		}},
		{"/api/v1/articles/" + id.xss + "/raw", 200, func(t *testing.T, b []byte) {
			if !bytes.Equal(b, f.docs["xss"].Raw) {
				t.Errorf("the raw copy differs from the ingested bytes")
			}
		}},
		{"/api/v1/decisions", 200, func(t *testing.T, b []byte) {
			if d := decodeAs[[]wire.Decision](t, b); len(d) != 0 {
				t.Errorf("decisions %+v in a store without any", d)
			}
		}},
		{"/api/v1/stats", 200, func(t *testing.T, b []byte) {
			if s := decodeAs[wire.Stats](t, b); s.Articles != 6 || s.Statements == 0 || s.Speakers == 0 {
				t.Errorf("stats %+v", s)
			}
		}},
		{"/api/v1/openapi.json", 200, func(t *testing.T, b []byte) {
			if !bytes.Equal(b, openAPIDoc) {
				t.Errorf("openapi.json is not the embedded document")
			}
		}},
		// Bad parameters: 400 with a message naming the parameter.
		{"/api/v1/statements?limit=0", 400, wantError("limit")},
		{"/api/v1/statements?limit=101", 400, wantError("limit")},
		{"/api/v1/statements?limit=ten", 400, wantError("limit")},
		{"/api/v1/statements?since=04/01/2024", 400, wantError("since")},
		{"/api/v1/statements?since=2024-05-01&until=2024-04-01", 400, wantError("before")},
		{"/api/v1/statements?kind=quote", 400, wantError("kind")},
		{"/api/v1/statements?sort=random", 400, wantError("sort")},
		{"/api/v1/statements?all_versions=yes", 400, wantError("all_versions")},
		{"/api/v1/statements?q=%22unclosed", 400, wantError("")},
		{"/api/v1/statements?speaker=Nobody+Atall", 404, wantError("Nobody Atall")},
		{"/api/v1/statements?speker=Demirel", 400, wantError("unknown parameter speker")},
		{"/api/v1/statements?q=a&q=b", 400, wantError("once")},
		{"/api/v1/statements?q=" + strings.Repeat("x", 1001), 400, wantError("at most 1000")},
		{"/api/v1/statements?q=%ff", 400, wantError("UTF-8")},
		{"/api/v1/statements?cursor=not-a-cursor", 400, wantError("cursor")},
		{"/api/v1/speakers?cursor=bm9wZQ", 400, wantError("cursor")},
		{"/api/v1/speakers?limit=-1", 400, wantError("limit")},
		{"/api/v1/statements/" + id.stmt + "?pretty=1", 400, wantError("unknown parameter")},
		{"/api/v1/export?format=xml", 400, wantError("format")},
		{"/api/v1/export?format=csv&limit=5", 400, wantError("unknown parameter limit")},
		// Unknown things: 404; an ambiguous name: 409.
		{"/api/v1/statements/nope-1", 404, wantError("nope-1")},
		{"/api/v1/articles/nope", 404, wantError("nope")},
		{"/api/v1/articles/nope/raw", 404, wantError("nope")},
		{"/api/v1/speakers/spk_nosuch", 404, wantError("spk_nosuch")},
		{"/api/v1/speakers/spk_nosuch/co-mentioned", 404, wantError("spk_nosuch")},
		{"/api/v1/speakers/Kaya", 409, wantError("names 3 speakers")},
		{"/api/v1/statements?speaker=Kaya", 200, func(t *testing.T, b []byte) {
			// A family name filters by every speaker who bears it.
			who := map[string]bool{}
			for _, h := range decodeAs[wire.Page[wire.Hit]](t, b).Items {
				who[h.Speaker.Name] = true
			}
			if len(who) != 3 {
				t.Errorf("speaker=Kaya gave statements of %v, want the three Kayas", who)
			}
		}},
		{"/api/v1/clusters?q=strike", 200, func(t *testing.T, b []byte) {
			p := decodeAs[wire.Page[wire.Cluster]](t, b)
			if len(p.Items) == 0 || p.Items[0].Reports < 1 || p.Items[0].First.Cluster == nil || *p.Items[0].First.Cluster != p.Items[0].ID {
				t.Errorf("clusters %+v", p)
			}
		}},
		{"/api/v1/clusters/" + id.cluster, 200, func(t *testing.T, b []byte) {
			if c := decodeAs[wire.Cluster](t, b); c.ID != id.cluster || len(c.Statements) != c.Reports || c.Speaker == nil {
				t.Errorf("cluster %+v", c)
			}
		}},
		{"/api/v1/clusters/cl_none", 404, wantError("cl_none")},
		{"/api/v1/clusters?independent=x", 400, wantError("independent")},
	}
	for _, tc := range cases {
		t.Run(strings.TrimPrefix(tc.path, "/api/v1/"), func(t *testing.T) {
			c.t = t
			resp, b := c.get(tc.path)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %.300s", resp.StatusCode, tc.status, b)
			}
			tc.check(t, b)
		})
	}
	c.t = t
	// A wrong method: 405 with Allow, as JSON.
	resp, b := c.call("POST", "/api/v1/stats", "", nil)
	if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /api/v1/stats: %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
	wantError("takes GET")(t, b)
	// The raw copy is a download, never a page.
	resp, _ = c.get("/api/v1/articles/" + id.xss + "/raw")
	if ct, cd := resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"); ct != "application/octet-stream" || !strings.HasPrefix(cd, "attachment;") ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "sandbox") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("raw copy headers: %v", resp.Header)
	}
}

// wantError checks an error body: JSON with a code and a message
// containing part.
func wantError(part string) func(t *testing.T, b []byte) {
	return func(t *testing.T, b []byte) {
		t.Helper()
		e := decodeAs[errorBody](t, b)
		if e.Code == "" || !strings.Contains(e.Error, part) {
			t.Errorf("error %+v: want a code and a message with %q", e, part)
		}
	}
}

// testPagination walks every listing to its end: each item once, in a
// stable order, every page at most its limit, the same items as export.
func testPagination(t *testing.T) {
	f := newFixture(t)
	c := client{t, f.serve(t, Config{})}
	var all []string
	if err := f.store.Export(context.Background(), whosaid.StatementQuery{}, func(h whosaid.StatementHit) error {
		all = append(all, h.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	walk := func(path string, limit int) []string {
		var got []string
		next := ""
		for n := 0; ; n++ {
			p := path + "&limit=" + fmt.Sprint(limit)
			if next != "" {
				p += "&cursor=" + url.QueryEscape(next)
			}
			resp, b := c.get(p)
			if resp.StatusCode != 200 {
				t.Fatalf("%s: %d %s", p, resp.StatusCode, b)
			}
			var page struct {
				Items []struct {
					ID string `json:"id"`
				} `json:"items"`
				Next *string `json:"next"`
			}
			page = decodeAs[struct {
				Items []struct {
					ID string `json:"id"`
				} `json:"items"`
				Next *string `json:"next"`
			}](t, b)
			if len(page.Items) > limit {
				t.Fatalf("%s: a page of %d", p, len(page.Items))
			}
			for _, it := range page.Items {
				got = append(got, it.ID)
			}
			if page.Next == nil {
				return got
			}
			if n > len(all)+2 {
				t.Fatalf("%s: pagination does not end", path)
			}
			next = *page.Next
		}
	}
	for _, q := range []string{"/api/v1/statements?sort=relevance", "/api/v1/statements?sort=date"} {
		got := walk(q, 2)
		if dup := duplicate(got); dup != "" || len(got) != len(all) || !sameSet(got, all) {
			t.Errorf("%s: pages gave %v, the store holds %v", q, got, all)
		}
		if again := walk(q, 2); strings.Join(again, ",") != strings.Join(got, ",") {
			t.Errorf("%s: a second walk gave another order", q)
		}
	}
	ports := walk("/api/v1/statements?q=ports", 1)
	_, b := c.get("/api/v1/statements?q=ports&limit=100")
	var onePage []string
	for _, h := range decodeAs[wire.Page[wire.Hit]](t, b).Items {
		onePage = append(onePage, h.ID)
	}
	if len(ports) < 2 || strings.Join(ports, ",") != strings.Join(onePage, ",") {
		t.Errorf("text search pages of 1: %v; one page of 100: %v", ports, onePage)
	}
	speakers := walk("/api/v1/speakers?q=", 1)
	st, _ := f.store.Stats(context.Background())
	if len(speakers) != st.Speakers || duplicate(speakers) != "" {
		t.Errorf("speaker pages %v, the store holds %d speakers", speakers, st.Speakers)
	}
}

func duplicate(xs []string) string {
	seen := map[string]bool{}
	for _, x := range xs {
		if seen[x] {
			return x
		}
		seen[x] = true
	}
	return ""
}

func sameSet(a, b []string) bool {
	in := map[string]int{}
	for _, x := range a {
		in[x]++
	}
	for _, x := range b {
		in[x]--
	}
	for _, n := range in {
		if n != 0 {
			return false
		}
	}
	return len(a) == len(b)
}

// testExport downloads the filtered statements as CSV and JSON lines.
func testExport(t *testing.T) {
	f := newFixture(t)
	c := client{t, f.serve(t, Config{})}
	var want int
	f.store.Export(context.Background(), whosaid.StatementQuery{Outlet: "Evening Ledger"}, func(whosaid.StatementHit) error { want++; return nil })
	if want == 0 {
		t.Fatal("the fixture has no Evening Ledger statements")
	}
	resp, b := c.get("/api/v1/export?format=csv&outlet=Evening+Ledger")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment;") {
		t.Fatalf("csv export: %d %v", resp.StatusCode, resp.Header)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) != want+1 || rows[0][0] != "id" {
		t.Errorf("csv export: %v, %d rows for %d statements", err, len(rows), want)
	}
	resp, b = c.get("/api/v1/export?format=jsonl&outlet=Evening+Ledger")
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if resp.StatusCode != 200 || len(lines) != want {
		t.Fatalf("jsonl export: %d, %d lines for %d statements", resp.StatusCode, len(lines), want)
	}
	for _, l := range lines {
		validate(t, "export line", map[string]any{"$ref": "#/components/schemas/Hit"}, []byte(l))
	}
	resp, b = c.get("/api/v1/export?format=csv&q=nothingmatchesthis")
	if rows, _ := csv.NewReader(bytes.NewReader(b)).ReadAll(); resp.StatusCode != 200 || len(rows) != 1 {
		t.Errorf("an export matching nothing: %d, %d rows; want the header alone", resp.StatusCode, len(rows))
	}
	if resp, b := c.get("/api/v1/export?format=csv&until=2024-01-01&since=2024-02-01"); resp.StatusCode != 400 || resp.Header.Get("Content-Disposition") != "" {
		t.Errorf("an export with bad dates: %d %s, want 400 before any byte", resp.StatusCode, b)
	}
}

// testDocumentedParams sends each documented parameter of each read
// route with a value its schema allows: none may be refused as unknown,
// so the document and the handlers take the same parameters.
func testDocumentedParams(t *testing.T) {
	f := newFixture(t)
	id := f.ids(t)
	c := client{t, f.serve(t, Config{})}
	doc, _ := apiDoc()
	for p, item := range doc["paths"].(map[string]any) {
		op, ok := item.(map[string]any)["get"].(map[string]any)
		if !ok {
			continue
		}
		path := strings.NewReplacer("/statements/{id}", "/statements/"+id.stmt, "/articles/{id}", "/articles/"+id.a1, "/clusters/{id}", "/clusters/"+id.cluster,
			"/speakers/{id}", "/speakers/"+id.demirel).Replace(p)
		params, _ := op["parameters"].([]any)
		q := url.Values{}
		for _, x := range params {
			prm := x.(map[string]any)
			if prm["in"] != "query" {
				continue
			}
			name := prm["name"].(string)
			schema := prm["schema"].(map[string]any)
			if ref, ok := schema["$ref"].(string); ok {
				schema = doc["components"].(map[string]any)["schemas"].(map[string]any)[strings.TrimPrefix(ref, "#/components/schemas/")].(map[string]any)
			}
			switch {
			case schema["enum"] != nil:
				q.Set(name, fmt.Sprint(schema["enum"].([]any)[0]))
			case schema["type"] == "boolean":
				q.Set(name, "true")
			case schema["type"] == "integer":
				q.Set(name, "5")
			case schema["type"] == "number":
				q.Set(name, "0.5")
			case schema["format"] == "date":
				q.Set(name, "2024-03-01")
			case name == "cursor":
			case name == "speaker":
				q.Set(name, id.demirel)
			case name == "outlet":
				q.Set(name, "Daily Harbour")
			default:
				q.Set(name, "port")
			}
		}
		target := path
		if len(q) > 0 {
			target += "?" + q.Encode()
		}
		resp, b := c.get(target)
		if resp.StatusCode != 200 {
			t.Errorf("GET %s with every documented parameter: %d %.200s", target, resp.StatusCode, b)
		}
	}
}

// testReadOnly: a server started without a token takes no writes, with or
// without an Authorization header.
func testReadOnly(t *testing.T) {
	f := newFixture(t)
	id := f.ids(t)
	c := client{t, f.serve(t, Config{})}
	before, _ := f.store.Stats(context.Background())
	for _, w := range []struct{ path, body string }{
		{"/api/v1/ingest", `{"text": "\"We will win,\" said Mayor Ada Quill."}`},
		{"/api/v1/speakers/" + id.aylin + "/merge", `{"from": "` + id.marta + `", "why": "test"}`},
		{"/api/v1/speakers/" + id.aylin + "/split", `{"variants": ["Kaya"], "why": "test"}`},
	} {
		for _, token := range []string{"", "anything"} {
			resp, b := c.call("POST", w.path, token, strings.NewReader(w.body))
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s (token %q) on a read-only server: %d %s", w.path, token, resp.StatusCode, b)
			}
			wantError("read-only")(t, b)
		}
	}
	if after, _ := f.store.Stats(context.Background()); after != before {
		t.Errorf("a read-only server changed the store: %+v → %+v", before, after)
	}
}

// writeToken: writes need the exact bearer token; 401 otherwise, before
// the body is read.
func testToken(t *testing.T) {
	f := newFixture(t)
	id := f.ids(t)
	c := client{t, f.serve(t, Config{Token: writeToken})}
	body := `{"from": "` + id.marta + `", "why": "test"}`
	for _, h := range []string{"", "Bearer", "Bearer ", "Basic " + writeToken, "Bearer " + writeToken + "x", "Bearer " + writeToken[:len(writeToken)-1], "Bearer TEST-TOKEN-5F3A"} {
		req, _ := http.NewRequest("POST", c.ts.URL+"/api/v1/speakers/"+id.aylin+"/merge", strings.NewReader(body))
		if h != "" {
			req.Header.Set("Authorization", h)
		}
		resp, err := c.ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		checkAgainstDoc(t, "POST", "/api/v1/speakers/"+id.aylin+"/merge", resp, b)
		if resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("Authorization %q: %d %s, want 401 with WWW-Authenticate", h, resp.StatusCode, b)
		}
	}
	if d, _ := f.store.Decisions(context.Background()); len(d) != 0 {
		t.Errorf("a write without the right token went through: %+v", d)
	}
	// Reads need no token on a server that has one.
	if resp, _ := c.get("/api/v1/stats"); resp.StatusCode != 200 {
		t.Errorf("a read on a server with a token: %d", resp.StatusCode)
	}
}

// testReview merges and splits speakers through the API.
func testReview(t *testing.T) {
	f := newFixture(t)
	id := f.ids(t)
	c := client{t, f.serve(t, Config{Token: writeToken, Limits: Limits{MaxBody: 256}})}
	post := func(path, body string) (*http.Response, []byte) {
		return c.call("POST", path, writeToken, strings.NewReader(body))
	}
	merge := "/api/v1/speakers/" + id.aylin + "/merge"
	for _, bad := range []struct {
		body   string
		status int
		part   string
	}{
		{`{"from": "` + id.marta + `"}`, 400, "reason"},
		{`{"why": "x"}`, 400, `"from"`},
		{`{"from": "spk_nosuch", "why": "x"}`, 404, "spk_nosuch"},
		{`{"from": "` + id.aylin + `", "why": "x"}`, 409, "one speaker already"},
		{`{"from": "` + id.marta + `", "why": "x", "force": true}`, 400, "force"},
		{`{"from": "` + id.marta + `", "why": "x"} {}`, 400, "more than one"},
		{`not json`, 400, "JSON"},
		{`{"from": "` + id.marta + `", "why": "` + strings.Repeat("x", 300) + `"}`, 413, "256"},
	} {
		resp, b := post(merge, bad.body)
		if resp.StatusCode != bad.status {
			t.Errorf("merge %.60s: %d %s, want %d", bad.body, resp.StatusCode, b, bad.status)
		}
		wantError(bad.part)(t, b)
	}
	aylin, _ := f.store.Speaker(context.Background(), id.aylin)
	marta, _ := f.store.Speaker(context.Background(), id.marta)
	resp, b := post(merge, `{"from": "`+id.marta+`", "why": "one judge and minister, after review"}`)
	if resp.StatusCode != 200 {
		t.Fatalf("merge: %d %s", resp.StatusCode, b)
	}
	if sp := decodeAs[wire.SpeakerSummary](t, b); sp.Statements != aylin.Statements+marta.Statements || len(sp.Decisions) != 1 {
		t.Errorf("after the merge: %+v", sp)
	}
	resp, b = post("/api/v1/speakers/"+id.aylin+"/split", `{"variants": ["Marta Kaya"], "why": "two people after all"}`)
	if resp.StatusCode != 201 {
		t.Fatalf("split: %d %s", resp.StatusCode, b)
	}
	created := decodeAs[wire.SpeakerSummary](t, b)
	if loc := resp.Header.Get("Location"); loc != "/api/v1/speakers/"+created.ID {
		t.Errorf("split Location %q for %s", loc, created.ID)
	}
	if resp, b := c.get("/api/v1/speakers/" + created.ID); resp.StatusCode != 200 || decodeAs[wire.SpeakerSummary](t, b).Statements != marta.Statements {
		t.Errorf("the split-off speaker: %d %s", resp.StatusCode, b)
	}
	if resp, b := post("/api/v1/speakers/"+id.aylin+"/split", `{"variants": [], "why": "x"}`); resp.StatusCode != 400 {
		t.Errorf("a split without variants: %d %s", resp.StatusCode, b)
	}
	if _, b := c.get("/api/v1/decisions"); len(decodeAs[[]wire.Decision](t, b)) != 2 {
		t.Errorf("decisions after a merge and a split: %s", b)
	}
}

// testIngest stores JSONL articles through the real pipeline and reports
// each record; bad bodies are refused before anything is stored.
func testIngest(t *testing.T) {
	f := newFixture(t)
	c := client{t, f.serve(t, Config{Token: writeToken, Limits: Limits{MaxIngest: 4096}})}
	post := func(body string) (*http.Response, []byte) {
		return c.call("POST", "/api/v1/ingest", writeToken, strings.NewReader(body))
	}
	before, _ := f.store.Stats(context.Background())
	for _, bad := range []struct {
		body   string
		status int
		part   string
	}{
		{"", 400, "empty"},
		{"  \n ", 400, "empty"},
		{"Just some text, not JSON lines.", 415, "JSON lines"},
		{`{"text": "` + strings.Repeat("x", 5000) + `"}`, 413, "4096"},
	} {
		resp, b := post(bad.body)
		if resp.StatusCode != bad.status {
			t.Errorf("ingest %.40q: %d %s, want %d", bad.body, resp.StatusCode, b, bad.status)
		}
		wantError(bad.part)(t, b)
	}
	// A body sent without a length (chunked) is cut at the limit too.
	req, _ := http.NewRequest("POST", c.ts.URL+"/api/v1/ingest", io.MultiReader(strings.NewReader(`{"text": "`), strings.NewReader(strings.Repeat("y", 5000)+`"}`)))
	req.Header.Set("Authorization", "Bearer "+writeToken)
	req.ContentLength = -1
	resp, err := c.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 413 {
		t.Errorf("a chunked body over the limit: %d %s", resp.StatusCode, b)
	}
	if after, _ := f.store.Stats(context.Background()); after.Articles != before.Articles {
		t.Fatalf("refused bodies stored articles: %+v → %+v", before, after)
	}

	article := `{"url": "https://news.example/ingest-1", "published": "2024-05-02", "text": "Bridge Talks Resume\n\nHarbour Times / Mayor Lena Brandt said on Thursday that the bridge would reopen in June.\n\n\"We have the money now,\" Brandt told reporters."}`
	body := article + "\n" + `{"url": "https://news.example/broken", "text": ` + "\n" + article + "\n"
	resp, b = post(body)
	if resp.StatusCode != 200 {
		t.Fatalf("ingest: %d %s", resp.StatusCode, b)
	}
	rep := decodeAs[wire.IngestReport](t, b)
	if len(rep.Records) != 3 || rep.Stored != 1 || rep.Known != 1 || rep.Failed != 1 {
		t.Fatalf("ingest report %+v: want one stored, one failed, the same article known", rep)
	}
	first, broken, again := rep.Records[0], rep.Records[1], rep.Records[2]
	if first.Status != "stored" || first.Input != "request.jsonl:1" || first.Article == nil || first.Statements == 0 {
		t.Errorf("first record %+v", first)
	}
	if broken.Status != "failed" || broken.Input != "request.jsonl:2" || broken.Error == nil || broken.Article != nil {
		t.Errorf("broken record %+v", broken)
	}
	if again.Status != "known" || again.Input != "request.jsonl:3" || again.Article == nil || *again.Article != *first.Article {
		t.Errorf("repeated record %+v", again)
	}
	resp, b = c.get("/api/v1/articles/" + *first.Article)
	if a := decodeAs[wire.Article](t, b); resp.StatusCode != 200 || len(a.Statements) != first.Statements || a.Published == nil {
		t.Errorf("the ingested article: %d %+v", resp.StatusCode, a)
	}
	resp, b = c.get("/api/v1/statements?q=bridge&speaker=" + url.QueryEscape("Lena Brandt"))
	if p := decodeAs[wire.Page[wire.Hit]](t, b); len(p.Items) == 0 {
		t.Errorf("the ingested statements are not searchable: %s", b)
	}
	// The same body again: everything known, nothing new.
	resp, b = post(article + "\n")
	if rep := decodeAs[wire.IngestReport](t, b); resp.StatusCode != 200 || rep.Known != 1 || rep.Stored != 0 {
		t.Errorf("re-ingest: %d %+v", resp.StatusCode, rep)
	}
}

// testLimits: an ingest while another runs gets 429, a request with no
// free slot 503, a request over its time 503; all with Retry-After.
func testLimits(t *testing.T) {
	f := newFixture(t)
	s, err := New(Config{Store: f.store, Token: writeToken, Limits: Limits{MaxInFlight: 1, QueueWait: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	c := client{t, ts}

	s.ingesting <- struct{}{} // an ingest is running
	resp, b := c.call("POST", "/api/v1/ingest", writeToken, strings.NewReader(`{"text": "x"}`))
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a second ingest: %d %s", resp.StatusCode, b)
	}
	<-s.ingesting

	s.slots <- struct{}{} // every slot taken
	resp, b = c.get("/api/v1/stats")
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
		t.Errorf("no free slot: %d %s", resp.StatusCode, b)
	}
	wantError("busy")(t, b)
	if resp, _ := do(t, ts, "GET", "/static/app.css", "", nil); resp.StatusCode != 200 {
		t.Errorf("static files need no slot: %d", resp.StatusCode)
	}
	<-s.slots
	if resp, _ := c.get("/api/v1/stats"); resp.StatusCode != 200 {
		t.Errorf("after the slot freed: %d", resp.StatusCode)
	}

	slow := client{t, f.serve(t, Config{Limits: Limits{Timeout: time.Nanosecond}})}
	resp, b = slow.get("/api/v1/statements?q=strike")
	if resp.StatusCode != 503 {
		t.Errorf("a request over its time: %d %s", resp.StatusCode, b)
	}
	wantError("longer than")(t, b)
}
