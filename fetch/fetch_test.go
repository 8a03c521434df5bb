package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

const article = `<!DOCTYPE html><html><head><title>Port reopens</title></head><body><article>
<p>The harbour master said on Monday that the port would reopen next week.</p></article></body></html>`

// site is a web server with one page of each kind a fetcher meets.
func site(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
	})
	page := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, strings.Replace(article, "Monday", r.URL.Path, 1))
	}
	for _, p := range []string{"/ok1", "/ok2", "/private/memo"} {
		mux.HandleFunc(p, page)
	}
	mux.HandleFunc("/gz", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "want gzip", 400)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, article)
		zw.Close()
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "ok1", http.StatusMovedPermanently) })
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", 500) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", 410) })
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/chain/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) { stream(w, r, 1<<30, false) })
	mux.HandleFunc("/huge-length", func(w http.ResponseWriter, r *http.Request) { stream(w, r, 1<<30, true) })
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // the server lies
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// stream writes n bytes of HTML-looking filler, stopping when the client
// goes away.
func stream(w http.ResponseWriter, r *http.Request, n int64, withLength bool) {
	w.Header().Set("Content-Type", "text/html")
	if withLength {
		w.Header().Set("Content-Length", fmt.Sprint(n))
	}
	chunk := []byte(strings.Repeat("<p>filler</p>", 5000))
	for sent := int64(0); sent < n; sent += int64(len(chunk)) {
		if r.Context().Err() != nil {
			return
		}
		if _, err := w.Write(chunk[:min(int64(len(chunk)), n-sent)]); err != nil {
			return
		}
	}
}

func testFetcher(opt Options) *Fetcher {
	if opt.Timeout == 0 {
		opt.Timeout = 400 * time.Millisecond
	}
	if opt.MaxBytes == 0 {
		opt.MaxBytes = 1 << 20
	}
	if opt.Delay == 0 {
		opt.Delay = -1
	}
	return New(opt)
}

// TestDocs: every kind of failure is an error naming the URL, its reason
// and a code; the good pages are yielded with their raw copy.
func TestDocs(t *testing.T) {
	srv := site(t)
	cases := []struct {
		path   string
		reason string // "" for a page yielded
		code   string
	}{
		{"/ok1", "", ""},
		{"/gz", "", ""},
		{"/moved", "", ""},
		{"/private/memo", ReasonRobots, whosaid.EForbidden},
		{"/500", ReasonStatus, whosaid.EUnavailable},
		{"/gone", ReasonStatus, whosaid.ENotFound},
		{"/loop-a", ReasonRedirects, whosaid.EInvalid},
		{"/chain/0", ReasonRedirects, whosaid.EInvalid},
		{"/huge", ReasonTooLarge, whosaid.EInvalid},
		{"/huge-length", ReasonTooLarge, whosaid.EInvalid},
		{"/hang", ReasonTimeout, whosaid.EUnavailable},
		{"/doc.pdf", ReasonNotHTML, whosaid.EInvalid},
		{"/image", ReasonNotHTML, whosaid.EInvalid},
		{"/ok2", "", ""},
	}
	var urls []string
	for _, c := range cases {
		urls = append(urls, srv.URL+c.path)
	}
	urls = append(urls, "ftp://files.example/x")
	f := testFetcher(Options{})
	docs := map[string]*whosaid.Doc{}
	errs := map[string]error{}
	for d, err := range f.Docs(context.Background(), urls, DocsOptions{}) {
		if err != nil {
			var we *whosaid.Error
			if !errors.As(err, &we) || we.Input == "" {
				t.Fatalf("an error without the URL it is about: %v", err)
			}
			errs[we.Input] = err
			continue
		}
		docs[d.Source] = d
	}
	for _, c := range cases {
		u := srv.URL + c.path
		if c.reason == "" {
			d := docs[u]
			if d == nil {
				t.Errorf("%s: no doc (%v)", c.path, errs[u])
				continue
			}
			if d.MediaType != whosaid.MediaHTML || !strings.Contains(string(d.Raw), "harbour master") || d.RawSHA256 != whosaid.RawSHA256(d.Raw) || d.Fetched == nil {
				t.Errorf("%s: doc %+v", c.path, d)
			}
			continue
		}
		err := errs[u]
		if err == nil {
			t.Errorf("%s: no error", c.path)
			continue
		}
		if ReasonOf(err) != c.reason || whosaid.ErrorCode(err) != c.code || !strings.HasPrefix(err.Error(), u+": "+c.reason) {
			t.Errorf("%s: %v (reason %q, code %q), want reason %q code %q", c.path, err, ReasonOf(err), whosaid.ErrorCode(err), c.reason, c.code)
		}
	}
	if d := docs[srv.URL+"/moved"]; d != nil && d.URL != srv.URL+"/ok1" {
		t.Errorf("a redirected page has URL %q, want where it landed", d.URL)
	}
	if err := errs["ftp://files.example/x"]; ReasonOf(err) != ReasonURL {
		t.Errorf("ftp URL: %v", err)
	}
	if !Transient(errs[srv.URL+"/hang"]) || Transient(errs[srv.URL+"/gone"]) {
		t.Errorf("a timeout is worth trying again, a 410 is not")
	}
}

func TestIgnoreRobots(t *testing.T) {
	srv := site(t)
	for _, ignore := range []bool{false, true} {
		f := testFetcher(Options{IgnoreRobots: ignore})
		_, _, err := f.Page(context.Background(), Request{URL: srv.URL + "/private/memo"})
		if (err == nil) != ignore {
			t.Errorf("ignore robots %v: %v", ignore, err)
		}
	}
}

// TestHugeBodyStreamed: a 1 GiB body without a length is refused having
// read little more than the limit.
func TestHugeBodyStreamed(t *testing.T) {
	srv := site(t)
	f := testFetcher(Options{Timeout: 20 * time.Second})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := f.Get(context.Background(), Request{URL: srv.URL + "/huge"})
	runtime.ReadMemStats(&after)
	if ReasonOf(err) != ReasonTooLarge {
		t.Fatalf("%v, want too large", err)
	}
	// The client reads at most the limit (1 MiB) plus transport buffers.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("%d MiB allocated for a body refused at 1 MiB: it is being held", alloc>>20)
	}
}

func TestConditional(t *testing.T) {
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 04 Mar 2024 10:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Mon, 04 Mar 2024 10:00:00 GMT" {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		fmt.Fprint(w, article)
	}))
	defer srv.Close()
	f := testFetcher(Options{})
	ctx := context.Background()
	r, err := f.Get(ctx, Request{URL: srv.URL + "/a"})
	if err != nil || r.NotModified || r.ETag != `"v1"` || r.LastModified == "" {
		t.Fatalf("first get: %+v %v", r, err)
	}
	for _, req := range []Request{{URL: srv.URL + "/a", ETag: r.ETag}, {URL: srv.URL + "/a", LastModified: r.LastModified}} {
		r2, err := f.Get(ctx, req)
		if err != nil || !r2.NotModified || len(r2.Body) != 0 {
			t.Errorf("conditional get %+v: %+v %v", req, r2, err)
		}
	}
	if full.Load() != 1 || notModified.Load() != 2 {
		t.Errorf("%d full answers, %d 304s", full.Load(), notModified.Load())
	}
	if s := f.Stats(); s.NotModified != 2 || s.Requests != 4 { // robots.txt once, then the three
		t.Errorf("stats %+v", s)
	}
}

// TestPoliteness: many URLs on three hosts: never two requests to one
// host at once, a pause between two, and the hosts asked side by side.
func TestPoliteness(t *testing.T) {
	const delay = 30 * time.Millisecond
	var mu sync.Mutex
	inFlight := map[string]int{}
	maxPerHost, total, maxTotal := 0, 0, 0
	lastEnd := map[string]time.Time{}
	minGap := time.Hour
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if end, ok := lastEnd[r.Host]; ok {
			minGap = min(minGap, time.Since(end))
		}
		inFlight[r.Host]++
		total++
		maxPerHost, maxTotal = max(maxPerHost, inFlight[r.Host]), max(maxTotal, total)
		mu.Unlock()
		time.Sleep(10 * time.Millisecond)
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
		} else {
			fmt.Fprint(w, article)
		}
		mu.Lock()
		inFlight[r.Host]--
		total--
		lastEnd[r.Host] = time.Now()
		mu.Unlock()
	})
	var urls []string
	for h := 0; h < 3; h++ {
		srv := httptest.NewServer(handler)
		defer srv.Close()
		for i := 0; i < 6; i++ {
			urls = append(urls, fmt.Sprintf("%s/page-%d", srv.URL, i))
		}
	}
	// Interleave the hosts, as a list of URLs from many feeds would.
	f := testFetcher(Options{Delay: delay, Hosts: 8})
	n := 0
	for _, err := range f.Docs(context.Background(), urls, DocsOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != len(urls) {
		t.Fatalf("%d pages, want %d", n, len(urls))
	}
	if maxPerHost != 1 {
		t.Errorf("%d requests to one host at once", maxPerHost)
	}
	if maxTotal < 2 {
		t.Errorf("the hosts were not asked in parallel")
	}
	// The server sees the end of a request a little after the client's
	// release; allow for that.
	if minGap < delay-5*time.Millisecond {
		t.Errorf("%v between two requests to one host, want at least %v", minGap, delay)
	}
}

// TestDNS classifies a failed lookup (no resolver can run here, so a
// dialer fails the way a resolver does).
func TestDNS(t *testing.T) {
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
	}}
	f := testFetcher(Options{Transport: tr, IgnoreRobots: true})
	_, err := f.Get(context.Background(), Request{URL: "http://news.invalid/a"})
	if ReasonOf(err) != ReasonDNS || whosaid.ErrorCode(err) != whosaid.ENotFound || !strings.Contains(err.Error(), "news.invalid") {
		t.Errorf("%v (reason %q)", err, ReasonOf(err))
	}
}

// TestStop: the stream stops when its consumer does, and a cancelled
// context ends it with the context's error.
func TestStop(t *testing.T) {
	srv := site(t)
	f := testFetcher(Options{})
	urls := []string{srv.URL + "/ok1", srv.URL + "/ok2", srv.URL + "/gz"}
	n := 0
	for range f.Docs(context.Background(), urls, DocsOptions{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last error
	n = 0
	for d, err := range f.Docs(ctx, urls, DocsOptions{}) {
		if d != nil {
			n++
			cancel()
		}
		last = err
	}
	if n != 1 || !errors.Is(last, context.Canceled) {
		t.Errorf("after cancel: %d docs, last %v", n, last)
	}
}
