package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/smtptest"
	"github.com/whosaid/whosaid/wire"
)

// web is a loopback web server standing in for news sites: pages with
// ETags, a feed of them, and every way a fetch can fail.
type web struct {
	srv   *httptest.Server
	mu    sync.Mutex
	items []string // feed item paths, oldest first
	hits  map[string]int
	full  map[string]int // answers with a body
}

var people = []string{"Ilse Varga", "Tomas Reyes", "Nadia Okafor", "Pavel Brandt"}

func (w *web) page(path string) string {
	n := 0
	for _, c := range path {
		n += int(c)
	}
	who := people[n%len(people)]
	topic := "the harbour would reopen after repairs"
	if strings.Contains(path, "lighthouse") {
		topic = "the lighthouse would be restored by the summer"
	}
	return fmt.Sprintf(`<!DOCTYPE html><html><head><title>Report %s</title><meta property="og:site_name" content="Coast News"></head>
<body><article><h1>Report %s</h1><p>The port director %s said on Tuesday that %s.</p>
<p>“We are ready,” %s told reporters.</p></article></body></html>`, path, path, who, topic, who)
}

func newWeb(t *testing.T) *web {
	w := &web{hits: map[string]int{}, full: map[string]int{}}
	w.srv = httptest.NewServer(http.HandlerFunc(w.serve))
	t.Cleanup(w.srv.Close)
	return w
}

func (w *web) count(m map[string]int, path string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return m[path]
}

func (w *web) serve(rw http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	w.mu.Lock()
	w.hits[p]++
	items := append([]string(nil), w.items...)
	w.mu.Unlock()
	answer := func(etag, ctype, body string) {
		rw.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			rw.WriteHeader(http.StatusNotModified)
			return
		}
		w.mu.Lock()
		w.full[p]++
		w.mu.Unlock()
		rw.Header().Set("Content-Type", ctype)
		io.WriteString(rw, body)
	}
	switch {
	case p == "/robots.txt":
		io.WriteString(rw, "User-agent: *\nDisallow: /private/\n")
	case p == "/feed.xml":
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Coast News</title>`)
		for i := len(items) - 1; i >= 0; i-- {
			fmt.Fprintf(&b, `<item><title>Report %s</title><link>%s%s</link><guid>%s</guid><description>Summary.</description></item>`, items[i], w.srv.URL, items[i], items[i])
		}
		b.WriteString(`</channel></rss>`)
		answer(fmt.Sprintf(`"feed-%d"`, len(items)), "application/rss+xml", b.String())
	case strings.HasPrefix(p, "/news/") || strings.HasPrefix(p, "/private/"):
		answer(`"`+p+`"`, "text/html; charset=utf-8", w.page(p))
	case p == "/500":
		http.Error(rw, "broken", 500)
	case p == "/loop":
		http.Redirect(rw, r, "/loop", http.StatusFound)
	case p == "/huge":
		rw.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>more</p>", 6000))
		for sent := 0; sent < 1<<30 && r.Context().Err() == nil; sent += len(chunk) {
			if _, err := rw.Write(chunk); err != nil {
				return
			}
		}
	case p == "/hang":
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	case p == "/report.pdf":
		rw.Header().Set("Content-Type", "application/pdf")
		io.WriteString(rw, "%PDF-1.7\n")
	case p == "/blob":
		rw.Header().Set("Content-Type", "text/html")
		rw.Write([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0})
	default:
		http.NotFound(rw, r)
	}
}

// TestIngestURLs: pages are fetched and stored; each failure is one line
// naming the URL and the reason, and the others go on; fetched again,
// unchanged pages answer 304.
func TestIngestURLs(t *testing.T) {
	w := newWeb(t)
	db := filepath.Join(t.TempDir(), "w.db")
	failing := map[string]string{
		"/private/memo": "robots.txt", "/500": "status: the server answered 500", "/loop": "redirects: redirect loop",
		"/huge": "too large", "/hang": "timeout", "/report.pdf": "not HTML: the server says it is application/pdf", "/blob": "not HTML: an executable",
		"/gone": "status: the server answered 404",
	}
	args := []string{"--db", db, "ingest", "--timeout", "500ms", "--delay", "0", w.srv.URL + "/news/a"}
	for p := range failing {
		args = append(args, w.srv.URL+p)
	}
	list := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(list, []byte("# the second page\n"+w.srv.URL+"/news/b\n"), 0o644)
	args = append(args, "--urls", list)
	code, _, stderr := run(t, "", args...)
	if code != exitPartial || !strings.Contains(stderr, "2 new, 0 already stored; 8 inputs failed") {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for p, why := range failing {
		if !strings.Contains(stderr, "whosaid: "+w.srv.URL+p+": "+why) {
			t.Errorf("no line for %s saying %q", p, why)
		}
	}
	if a, _, _ := storeStats(t, db); a != 2 {
		t.Errorf("%d articles stored", a)
	}
	// Again: both pages answer 304, nothing is stored twice.
	code, _, stderr = run(t, "", "--db", db, "ingest", "--delay", "0", w.srv.URL+"/news/a", w.srv.URL+"/news/b")
	if code != 0 || !strings.Contains(stderr, "0 new, 2 already stored; 0 inputs failed") {
		t.Fatalf("again: exit %d:\n%s", code, stderr)
	}
	if w.count(w.full, "/news/a") != 1 || w.count(w.hits, "/news/a") != 2 {
		t.Errorf("/news/a: %d full answers of %d requests, want 1 of 2", w.count(w.full, "/news/a"), w.count(w.hits, "/news/a"))
	}
	code, _, stderr = run(t, "", "--db", db, "ingest", "--delay", "0", "--ignore-robots", w.srv.URL+"/private/memo")
	if code != 0 || !strings.Contains(stderr, "1 new,") {
		t.Errorf("--ignore-robots: exit %d:\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "", "--db", db, "ingest"); code != exitFailed || !strings.Contains(stderr, "nothing to ingest") {
		t.Errorf("no input: exit %d %s", code, stderr)
	}
}

// TestWatchAndAlerts is the walkthrough: a feed of three items and a
// saved search with a webhook. The first watch ingests three articles;
// the second asks the feed, gets a 304 and fires nothing; a new item
// fires the search once, and a restart fires nothing more.
func TestWatchAndAlerts(t *testing.T) {
	w := newWeb(t)
	w.items = []string{"/news/1", "/news/2", "/news/3"}
	var mu sync.Mutex
	var received []wire.Alert
	hook := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		var a wire.Alert
		if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
			t.Errorf("webhook body: %v", err)
		}
		mu.Lock()
		received = append(received, a)
		mu.Unlock()
	}))
	defer hook.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	sources := filepath.Join(dir, "sources.txt")
	os.WriteFile(sources, []byte("# the outlets to follow\n"+w.srv.URL+"/feed.xml  Coast News\n"), 0o644)
	if code, _, stderr := run(t, "", "--db", db, "alerts", "add", "lighthouse", "restored", "--notify", "webhook:"+hook.URL+"/in"); code != 0 {
		t.Fatalf("alerts add: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "", "--db", db, "alerts", "add", "lighthouse", "--notify", "log"); code == 0 || !strings.Contains(stderr, "exists already") {
		t.Errorf("a second search of the same name: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "", "--db", db, "alerts", "add", "x", "--notify", "pager:5"); code == 0 || !strings.Contains(stderr, "want webhook:URL, mail:ADDRESS or log") {
		t.Errorf("a bad --notify: exit %d %s", code, stderr)
	}
	watchOnce := func(what string) string {
		t.Helper()
		code, _, stderr := run(t, "", "--db", db, "watch", "--sources", sources, "--once", "--delay", "0")
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", what, code, stderr)
		}
		return stderr
	}
	log := watchOnce("first watch")
	if !strings.Contains(log, "3 new items, 3 pages fetched (0 failed, 0 to retry), 3 articles stored") || !strings.Contains(log, "0 alerts fired") {
		t.Fatalf("first watch:\n%s", log)
	}
	log = watchOnce("second watch")
	if !strings.Contains(log, "1 feeds polled (1 unchanged") || !strings.Contains(log, "0 pages fetched") || !strings.Contains(log, "0 alerts fired") {
		t.Errorf("second watch:\n%s", log)
	}
	if w.count(w.full, "/feed.xml") != 1 || w.count(w.hits, "/feed.xml") != 2 {
		t.Errorf("feed: %d full answers, %d requests", w.count(w.full, "/feed.xml"), w.count(w.hits, "/feed.xml"))
	}
	w.mu.Lock()
	w.items = append(w.items, "/news/lighthouse")
	w.mu.Unlock()
	log = watchOnce("third watch")
	if !strings.Contains(log, "1 new items, 1 pages fetched") || !strings.Contains(log, "1 alerts fired, 1 sent") {
		t.Errorf("third watch:\n%s", log)
	}
	log = watchOnce("restart")
	if !strings.Contains(log, "0 alerts fired") {
		t.Errorf("restart:\n%s", log)
	}
	// An ingest of the same page fires nothing either.
	if code, _, stderr := run(t, "", "--db", db, "ingest", "--delay", "0", w.srv.URL+"/news/lighthouse"); code != 0 || strings.Contains(stderr, "alerts fired") {
		t.Errorf("ingest of the page again: exit %d\n%s", code, stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(received) != 1 {
		t.Fatalf("webhook received %d alerts, want 1", len(received))
	}
	a := received[0]
	if a.Alert != "lighthouse" || a.Statement.URL == nil || *a.Statement.URL != w.srv.URL+"/news/lighthouse" || a.Statement.Speaker == nil ||
		a.Statement.Content == nil || !strings.Contains(a.Statement.Content.Text, "lighthouse would be restored") || a.Statement.Outlet == nil || *a.Statement.Outlet != "Coast News" {
		t.Errorf("alert %+v", a)
	}
	for _, p := range []string{"/news/1", "/news/2", "/news/3", "/news/lighthouse"} {
		if n := w.count(w.hits, p); n != 1 && !(p == "/news/lighthouse" && n == 2) {
			t.Errorf("%s asked %d times", p, n)
		}
	}
	// The list shows the search and what it fired; test shows what it
	// would have fired; remove removes it.
	code, out, _ := run(t, "", "--db", db, "alerts", "list", "--format", "jsonl")
	var s wire.SavedSearch
	if code != 0 || json.Unmarshal([]byte(out), &s) != nil || s.Name != "lighthouse" || s.Fired != 1 || len(s.Latest) != 1 || s.Latest[0].Delivered == nil {
		t.Errorf("alerts list: exit %d %q", code, out)
	}
	code, out, stderr := run(t, "", "--db", db, "alerts", "test", "lighthouse", "--format", "jsonl")
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(stderr, "would have fired 1 times") {
		t.Errorf("alerts test: exit %d %q %s", code, out, stderr)
	}
	if code, _, _ := run(t, "", "--db", db, "alerts", "remove", "lighthouse"); code != 0 {
		t.Errorf("remove: exit %d", code)
	}
	if code, _, stderr := run(t, "", "--db", db, "alerts", "remove", "lighthouse"); code != exitFailed || !strings.Contains(stderr, "no saved search") {
		t.Errorf("remove twice: exit %d %s", code, stderr)
	}
}

// TestTelegramAndMail: a Telegram export is ingested, one article per
// post with the channel as outlet and a forward's origin as via; a saved
// search with a mail alert sends one through the SMTP server.
func TestTelegramAndMail(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	mail := smtptest.Start(t)
	if code, _, stderr := run(t, "", "--db", db, "alerts", "add", "fees", "fees", "--notify", "mail:desk@news.example"); code != 0 ||
		!strings.Contains(stderr, "mail alerts need an SMTP server") {
		t.Fatalf("alerts add: exit %d %s", code, stderr)
	}
	code, _, stderr := run(t, "", "--db", db, "ingest", "--smtp", mail.Addr, "../../ingest/testdata/telegram-result.json")
	if code != 0 || !strings.Contains(stderr, "4 new,") || !strings.Contains(stderr, "1 alerts fired, 1 delivered") {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	if msgs := mail.Messages(); len(msgs) != 1 || msgs[0].To[0] != "desk@news.example" || !strings.Contains(msgs[0].Data, "Harbour Wire") {
		t.Errorf("mail %+v", msgs)
	}
	code, out, _ := run(t, "", "--db", db, "export", "--format", "jsonl")
	if code != 0 {
		t.Fatal(code)
	}
	articles := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var h wire.Hit
		json.Unmarshal([]byte(l), &h)
		articles[h.Article] = true
	}
	vias := map[string]string{}
	for id := range articles {
		code, out, _ := run(t, "", "--db", db, "article", "--format", "jsonl", id)
		var a wire.Article
		if code != 0 || json.Unmarshal([]byte(out), &a) != nil {
			t.Fatalf("article %s: %d %q", id, code, out)
		}
		if a.Outlet == nil || *a.Outlet != "Harbour Wire" || a.Medium == nil || *a.Medium != "telegram" || a.Published == nil ||
			a.URL == nil || !strings.HasPrefix(*a.URL, "https://t.me/c/1700000001/") {
			t.Errorf("article %s: outlet %v medium %v published %v url %v", id, a.Outlet, a.Medium, a.Published, a.URL)
		}
		if a.Via != nil {
			vias[*a.URL] = *a.Via
		}
	}
	if len(vias) != 1 || vias["https://t.me/c/1700000001/4"] != "Coast Ministry" {
		t.Errorf("via %v, want the forwarded post only", vias)
	}
}
