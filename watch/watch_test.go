package watch

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/alert"
	"github.com/whosaid/whosaid/fetch"
	"github.com/whosaid/whosaid/store/sqlite"
)

// newsSite serves a feed and its pages, answering conditional requests
// and counting every request by path.
type newsSite struct {
	t     *testing.T
	srv   *httptest.Server
	mu    sync.Mutex
	items []string // page paths, oldest first
	hits  map[string]int
	// status, when set for a path, is answered instead of the page.
	status map[string]int
	// onPage is called for each page request before it is answered.
	onPage func(path string)
}

var speakers = []string{"Ilse Varga", "Tomas Reyes", "Nadia Okafor", "Pavel Brandt", "Lena Moreau", "Omar Haddad"}

func page(path string, n int) string {
	who := speakers[n%len(speakers)]
	return fmt.Sprintf(`<!DOCTYPE html><html><head><title>Harbour report %d</title>
<meta property="og:site_name" content="Coast News"></head><body><article><h1>Harbour report %d</h1>
<p>The port director %s said on Tuesday that the harbour would reopen after repairs to berth %d were finished.</p>
<p>“We expect the first ships within a week,” %s told reporters at %s.</p></article></body></html>`, n, n, who, n, who, path)
}

func newSite(t *testing.T, items int) *newsSite {
	s := &newsSite{t: t, hits: map[string]int{}, status: map[string]int{}}
	for i := 0; i < items; i++ {
		s.items = append(s.items, fmt.Sprintf("/news/%d", i+1))
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *newsSite) add(path string) {
	s.mu.Lock()
	s.items = append(s.items, path)
	s.mu.Unlock()
}

func (s *newsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *newsSite) pageHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, k := range s.hits {
		if strings.HasPrefix(p, "/news/") {
			n += k
		}
	}
	return n
}

func (s *newsSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	items := append([]string(nil), s.items...)
	status := s.status[r.URL.Path]
	onPage := s.onPage
	s.mu.Unlock()
	if status != 0 {
		http.Error(w, "no", status)
		return
	}
	switch {
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
	case r.URL.Path == "/feed.xml":
		etag := fmt.Sprintf(`"items-%d"`, len(items))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Coast News</title>`)
		for i := len(items) - 1; i >= 0; i-- { // newest first
			fmt.Fprintf(&b, `<item><title>Harbour report %d</title><link>%s%s</link><guid>%s</guid><pubDate>Tue, 05 Mar 2024 0%d:00:00 +0000</pubDate><description>The harbour master said report %d was ready for the council.</description></item>`,
				i+1, s.srv.URL, items[i], items[i], i%10, i+1)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	default:
		if onPage != nil {
			onPage(r.URL.Path)
		}
		for i, p := range items {
			if p == r.URL.Path {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, page(p, i))
				return
			}
		}
		http.NotFound(w, r)
	}
}

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func openStore(t *testing.T, path string, c *testClock) *sqlite.Store {
	st, err := sqlite.Open(context.Background(), path, sqlite.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newWatcher(t *testing.T, st *sqlite.Store, c *testClock, log *bytes.Buffer, alerts *alert.Engine, sources ...Source) *Watcher {
	w, err := New(st, sources, Options{Every: time.Minute, Now: c.now, Log: log, Alerts: alerts,
		Fetcher: fetch.New(fetch.Options{Delay: -1, Timeout: 500 * time.Millisecond})})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestRounds: three items are ingested; the next round is a 304 and
// fetches nothing; a new item is fetched alone and fires a saved search
// once, also across a restart.
func TestRounds(t *testing.T) {
	ctx := context.Background()
	site := newSite(t, 3)
	c := &testClock{t: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
	path := filepath.Join(t.TempDir(), "w.db")
	st := openStore(t, path, c)
	if err := st.PutSavedSearch(ctx, whosaid.SavedSearch{Name: "berths", Query: whosaid.StatementQuery{Text: "berth"}, Notify: "log"}); err != nil {
		t.Fatal(err)
	}
	c.add(time.Second)
	var log bytes.Buffer
	engine := func(st *sqlite.Store) *alert.Engine {
		e, err := alert.New(st, alert.Options{Now: c.now, Log: &log})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	src := Source{URL: site.srv.URL + "/feed.xml"}
	w := newWatcher(t, st, c, &log, engine(st), src)
	rep, err := w.Round(ctx)
	if err != nil || rep.Stored != 3 || rep.Pages != 3 || rep.NewItems != 3 || rep.Fired != 3 || rep.Sent != 3 {
		t.Fatalf("first round: %+v (%v)\n%s", rep, err, log.String())
	}
	a, err := st.Article(ctx, findArticle(t, st, site.srv.URL+"/news/2"))
	if err != nil || a.Outlet != "Coast News" || a.Fetched == nil || a.RawSHA256 == "" || len(a.Statements) == 0 {
		t.Fatalf("the stored page: %+v (%v)", a, err)
	}
	c.add(time.Minute)
	rep, err = w.Round(ctx)
	if err != nil || rep.Polled != 1 || rep.NotModified != 1 || rep.Pages != 0 || rep.Stored != 0 || rep.Fired != 0 {
		t.Fatalf("second round: %+v (%v)", rep, err)
	}
	if site.pageHits() != 3 {
		t.Errorf("%d page requests after two rounds, want 3", site.pageHits())
	}
	site.add("/news/berth-99")
	c.add(time.Minute)
	rep, err = w.Round(ctx)
	if err != nil || rep.NewItems != 1 || rep.Pages != 1 || rep.Stored != 1 || rep.Fired != 1 {
		t.Fatalf("after a new item: %+v (%v)", rep, err)
	}
	// A restart: a new store handle, fetcher and engine.
	st.Close()
	st = openStore(t, path, c)
	w = newWatcher(t, st, c, &log, engine(st), src)
	c.add(time.Minute)
	rep, err = w.Round(ctx)
	if err != nil || rep.NotModified != 1 || rep.Pages != 0 || rep.Fired != 0 {
		t.Fatalf("after a restart: %+v (%v)", rep, err)
	}
	if site.count("/news/berth-99") != 1 || site.count("/feed.xml") != 4 {
		t.Errorf("the new page was asked %d times, the feed %d", site.count("/news/berth-99"), site.count("/feed.xml"))
	}
	if n := strings.Count(log.String(), `whosaid: alert "berths"`); n != 4 {
		t.Errorf("%d alerts logged, want 4 (3, then 1)\n%s", n, log.String())
	}
}

func findArticle(t *testing.T, st whosaid.Store, url string) string {
	page, err := st.Search(context.Background(), whosaid.StatementQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range page.Items {
		if h.URL == url {
			return h.ArticleID
		}
	}
	t.Fatalf("no article from %s", url)
	return ""
}

// TestFailingFeeds: a feed that is down, one that is not a feed and one
// that does not answer each back off; the good feed goes on.
func TestFailingFeeds(t *testing.T) {
	ctx := context.Background()
	good := newSite(t, 2)
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/down.xml":
			http.Error(w, "down", http.StatusServiceUnavailable)
		case "/broken.xml":
			fmt.Fprint(w, `<?xml version="1.0"?><rss><channel><item><title>cut`)
		case "/slow.xml":
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer bad.Close()
	c := &testClock{t: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), c)
	var log bytes.Buffer
	sources := []Source{{URL: bad.URL + "/down.xml"}, {URL: bad.URL + "/broken.xml"}, {URL: bad.URL + "/slow.xml"}, {URL: good.srv.URL + "/feed.xml"}}
	w := newWatcher(t, st, c, &log, nil, sources...)
	rep, err := w.Round(ctx)
	if err != nil || rep.FeedErrors != 3 || rep.Stored != 2 {
		t.Fatalf("%+v (%v)\n%s", rep, err, log.String())
	}
	for _, want := range []string{"down.xml: status: the server answered 503", "broken.xml: not a readable RSS or Atom feed", "slow.xml: timeout"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log does not say %q:\n%s", want, log.String())
		}
	}
	// A minute on, only the good feed is due; the others wait 2 minutes,
	// then 4 after failing again.
	c.add(time.Minute)
	if rep, _ := w.Round(ctx); rep.Polled != 1 || rep.Waiting != 3 {
		t.Errorf("a minute on: %+v", rep)
	}
	c.add(time.Minute)
	if rep, _ := w.Round(ctx); rep.Polled != 4 || rep.FeedErrors != 3 {
		t.Errorf("two minutes on: %+v", rep)
	}
	s, err := st.SourceState(ctx, bad.URL+"/down.xml")
	if err != nil || s.Failures != 2 || !s.NextPoll.Equal(c.now().Add(4*time.Minute)) || !strings.Contains(s.LastError, "503") {
		t.Errorf("state of the feed that is down: %+v (%v)", s, err)
	}
}

// TestItemPages: a page that will not come is replaced by the feed's
// text; one that may come later is tried again, the feed read whole until
// it is stored.
func TestItemPages(t *testing.T) {
	ctx := context.Background()
	site := newSite(t, 3)
	site.status["/news/1"] = http.StatusNotFound
	site.status["/news/2"] = http.StatusBadGateway
	c := &testClock{t: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), c)
	var log bytes.Buffer
	w := newWatcher(t, st, c, &log, nil, Source{URL: site.srv.URL + "/feed.xml", Outlet: "Coast News Online"})
	rep, err := w.Round(ctx)
	if err != nil || rep.Stored != 2 || rep.Retry != 1 || rep.PageErrors != 2 {
		t.Fatalf("%+v (%v)\n%s", rep, err, log.String())
	}
	if !strings.Contains(log.String(), "/news/1: status: the server answered 404 Not Found; the feed's text of it is taken instead") {
		t.Errorf("log:\n%s", log.String())
	}
	if st, _ := st.SourceState(ctx, site.srv.URL+"/feed.xml"); st.ETag != "" {
		t.Errorf("validators %q recorded with an item waiting", st.ETag)
	}
	site.mu.Lock()
	delete(site.status, "/news/2")
	site.mu.Unlock()
	c.add(time.Minute)
	rep, err = w.Round(ctx)
	if err != nil || rep.NotModified != 0 || rep.NewItems != 1 || rep.Stored != 1 {
		t.Fatalf("second round: %+v (%v)", rep, err)
	}
	c.add(time.Minute)
	if rep, _ := w.Round(ctx); rep.NotModified != 1 {
		t.Errorf("third round: %+v, want a 304 now that every item is stored", rep)
	}
	if site.count("/news/3") != 1 || site.count("/news/2") != 2 {
		t.Errorf("page requests: 3 asked %d times, 2 asked %d", site.count("/news/3"), site.count("/news/2"))
	}
	// The outlet of the sources file names the feed-text article.
	page, _ := st.Search(ctx, whosaid.StatementQuery{Limit: 50})
	outlets := map[string]bool{}
	for _, h := range page.Items {
		outlets[h.Outlet] = true
	}
	if !outlets["Coast News Online"] {
		t.Errorf("outlets %v: the fallback article should carry the sources file's outlet", outlets)
	}
}

// TestStop: stopping in the middle of a round stores what was fetched,
// and the next run fetches only what was not.
func TestStop(t *testing.T) {
	site := newSite(t, 5)
	ctx, cancel := context.WithCancel(context.Background())
	site.onPage = func(path string) {
		if path == "/news/3" {
			cancel() // SIGINT while the third page is on its way
		}
	}
	c := &testClock{t: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), c)
	var log bytes.Buffer
	w := newWatcher(t, st, c, &log, nil, Source{URL: site.srv.URL + "/feed.xml"})
	var reps []RoundReport
	if err := w.Run(ctx, false, func(r RoundReport) { reps = append(reps, r) }); err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || reps[0].Stored != 2 {
		t.Fatalf("stopped run: %+v", reps)
	}
	site.onPage = nil
	c.add(time.Minute)
	if err := w.Run(context.Background(), true, func(r RoundReport) { reps = append(reps, r) }); err != nil {
		t.Fatal(err)
	}
	if reps[1].NewItems != 3 || reps[1].Stored != 3 {
		t.Errorf("the next run: %+v", reps[1])
	}
	for _, p := range []string{"/news/1", "/news/2", "/news/4", "/news/5"} {
		if n := site.count(p); n != 1 {
			t.Errorf("%s asked %d times", p, n)
		}
	}
}

func TestReadSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		return p
	}
	got, err := ReadSources(write("ok.txt", "# feeds\n\nhttps://coast.example/rss.xml   Coast News\nhttp://hill.example/atom\nhttps://coast.example/rss.xml\n"))
	if err != nil || len(got) != 2 || got[0].Outlet != "Coast News" || got[1].URL != "http://hill.example/atom" || got[1].Outlet != "" {
		t.Errorf("%+v %v", got, err)
	}
	if _, err := ReadSources(write("bad.txt", "https://a.example/rss\nfeeds/local.xml\n")); err == nil || !strings.Contains(err.Error(), "bad.txt:2") {
		t.Errorf("a bad line: %v", err)
	}
	if _, err := ReadSources(write("empty.txt", "# nothing\n")); whosaid.ErrorCode(err) != whosaid.EEmpty {
		t.Errorf("empty: %v", err)
	}
	if _, err := ReadSources(filepath.Join(dir, "missing.txt")); whosaid.ErrorCode(err) != whosaid.ENotFound {
		t.Errorf("missing: %v", err)
	}
}
