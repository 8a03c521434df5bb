// Command watchbench measures `whosaid watch` against a loopback web of
// many feeds: articles stored per second, the most requests ever under way
// to one host (politeness says one), and memory over a long run. It
// serves -feeds hosts (one listener each on 127.0.0.1, so each is a host
// of its own) with a feed of -items items and their pages (generated
// articles, internal/gen), adds an item to every feed each -grow, and runs
// the watcher of package watch — the code `whosaid watch` runs — on a
// fresh SQLite store for -duration, printing a row every -sample:
//
//	go run ./internal/devtools/watchbench -feeds 200 -items 20 -duration 10m
//	go run ./internal/devtools/watchbench -upto text   # fetching and storing only, no NLP
//
// Every request goes to 127.0.0.1, and the run stops by itself.
package main

import (
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/fetch"
	"github.com/whosaid/whosaid/internal/gen"
	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/store/sqlite"
	"github.com/whosaid/whosaid/watch"
)

// web is the loopback web: hosts with growing feeds, and what it saw.
type web struct {
	items int
	pages []string // generated article pages, reused with a mark that makes each page unique
	hosts map[string]*host
	// What the server saw.
	requests, feeds, notModified, pageReqs atomic.Int64
	maxInFlight                            atomic.Int64 // the most requests ever under way to one host
}

type host struct {
	mu       sync.Mutex
	first    int // number of the oldest item in the feed
	next     int // number of the next item to add
	inFlight atomic.Int64
	name     string
}

func (w *web) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	w.requests.Add(1)
	h := w.hosts[r.Host]
	if h == nil {
		http.Error(rw, "unknown host", http.StatusMisdirectedRequest)
		return
	}
	n := h.inFlight.Add(1)
	defer h.inFlight.Add(-1)
	for {
		m := w.maxInFlight.Load()
		if n <= m || w.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	h.mu.Lock()
	first, next := h.first, h.next
	h.mu.Unlock()
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		http.NotFound(rw, r)
	case p == "/feed.xml":
		w.feeds.Add(1)
		etag := `"` + strconv.Itoa(next) + `"`
		rw.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.notModified.Add(1)
			rw.WriteHeader(http.StatusNotModified)
			return
		}
		rw.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`, h.name)
		for k := next - 1; k >= first; k-- {
			fmt.Fprintf(&b, `<item><title>Story %d</title><link>http://%s/news/%d</link><guid>%s/%d</guid><description>Story %d.</description></item>`,
				k, r.Host, k, r.Host, k, k)
		}
		b.WriteString(`</channel></rss>`)
		rw.Write([]byte(b.String()))
	case strings.HasPrefix(p, "/news/"):
		w.pageReqs.Add(1)
		k, err := strconv.Atoi(strings.TrimPrefix(p, "/news/"))
		if err != nil || k >= next {
			http.NotFound(rw, r)
			return
		}
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.Write([]byte(w.page(r.Host, k)))
	default:
		http.NotFound(rw, r)
	}
}

// page is one generated article, made unique to its host and number.
func (w *web) page(hostName string, k int) string {
	f := fnv.New32a()
	fmt.Fprintf(f, "%s/%d", hostName, k)
	base := w.pages[int(f.Sum32())%len(w.pages)]
	mark := fmt.Sprintf("<p>Story %d of %s.</p></body>", k, hostName)
	return strings.Replace(base, "</body>", mark, 1)
}

// grow adds an item to every feed, dropping the oldest past items.
func (w *web) grow() {
	for _, h := range w.hosts {
		h.mu.Lock()
		h.next++
		if h.next-h.first > w.items {
			h.first = h.next - w.items
		}
		h.mu.Unlock()
	}
}

func rssMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

func main() {
	feeds := flag.Int("feeds", 200, "feeds, each on a host of its own")
	items := flag.Int("items", 20, "items in each feed")
	duration := flag.Duration("duration", 10*time.Minute, "how long the watcher runs")
	every := flag.Duration("every", time.Minute, "watch --every")
	grow := flag.Duration("grow", 2*time.Minute, "an item is added to every feed this often (0: never)")
	delay := flag.Duration("delay", fetch.DefaultDelay, "pause between two requests to one host")
	sample := flag.Duration("sample", 30*time.Second, "a row this often")
	upto := flag.String("upto", "", "annotate only up to this layer (text: fetching, cleaning and storing, no NLP)")
	workers := flag.Int("workers", 0, "articles annotated at once (0: GOMAXPROCS)")
	flag.Parse()

	// The web.
	g := gen.New(7, 400, 40)
	w := &web{items: *items, hosts: map[string]*host{}}
	for i := 0; i < 500; i++ {
		w.pages = append(w.pages, g.Next().HTML)
	}
	srv := &http.Server{Handler: w, ReadHeaderTimeout: 10 * time.Second}
	var sources []watch.Source
	for i := 0; i < *feeds; i++ {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		name := ln.Addr().String()
		w.hosts[name] = &host{next: *items, name: fmt.Sprintf("Outlet %d", i+1)}
		go srv.Serve(ln)
		sources = append(sources, watch.Source{URL: "http://" + name + "/feed.xml"})
	}
	defer srv.Close()

	// The watcher, on a fresh store.
	dir, err := os.MkdirTemp("", "watchbench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "w.db"), sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	var stored atomic.Int64
	jopt := job.Options{Workers: *workers, OnDoc: func(*whosaid.Doc) { stored.Add(1) }}
	if *upto != "" {
		if jopt.Stages, err = pipeline.Upto(whosaid.Layer(*upto), pipeline.Options{}); err != nil {
			log.Fatal(err)
		}
	}
	fetcher := fetch.New(fetch.Options{Delay: *delay})
	var feedErrors atomic.Int64
	wt, err := watch.New(st, sources, watch.Options{Every: *every, Fetcher: fetcher, Job: jopt, Log: logCounter{&feedErrors}})
	if err != nil {
		log.Fatal(err)
	}
	runCtx, cancel := context.WithTimeout(ctx, *duration)
	defer cancel()
	var rounds atomic.Int64
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		done <- wt.Run(runCtx, false, func(watch.RoundReport) { rounds.Add(1) })
	}()
	if *grow > 0 {
		go func() {
			t := time.NewTicker(*grow)
			defer t.Stop()
			for {
				select {
				case <-runCtx.Done():
					return
				case <-t.C:
					w.grow()
				}
			}
		}()
	}

	fmt.Printf("watchbench: %d feeds × %d items on %d loopback hosts, --every %s, an item added to each feed every %s, delay %s, GOMAXPROCS %d, %s\n\n",
		*feeds, *items, *feeds, *every, *grow, *delay, runtime.GOMAXPROCS(0), pipelineName(*upto))
	fmt.Println("| time | articles stored | articles/s (since last row) | rounds | requests | feed 304s | most in flight to one host | heap MiB | RSS MiB | goroutines |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	tick := time.NewTicker(*sample)
	defer tick.Stop()
	lastN, lastT := int64(0), start
	var rss []float64
	row := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		now := time.Now()
		n := stored.Load()
		r := rssMiB()
		rss = append(rss, r)
		fmt.Printf("| %s | %d | %.1f | %d | %d | %d | %d | %.0f | %.0f | %d |\n", now.Sub(start).Round(time.Second), n,
			float64(n-lastN)/now.Sub(lastT).Seconds(), rounds.Load(), w.requests.Load(), w.notModified.Load(), w.maxInFlight.Load(),
			float64(m.HeapInuse)/(1<<20), r, runtime.NumGoroutine())
		lastN, lastT = n, now
	}
	var runErr error
loop:
	for {
		select {
		case <-tick.C:
			row()
		case runErr = <-done:
			break loop
		}
	}
	row()
	if runErr != nil {
		log.Fatal(runErr)
	}
	total := stored.Load()
	secs := time.Since(start).Seconds()
	fmt.Printf("\n%d articles in %.0fs: %.1f articles/s; %d requests (%d pages, %d feed polls, %d answered 304); most requests under way to one host: %d; %d feed or page failures logged\n",
		total, secs, float64(total)/secs, w.requests.Load(), w.pageReqs.Load(), w.feeds.Load(), w.notModified.Load(), w.maxInFlight.Load(), feedErrors.Load())
	if len(rss) > 2 {
		lo, hi := rss[1], rss[1]
		for _, r := range rss[1:] {
			lo, hi = min(lo, r), max(hi, r)
		}
		fmt.Printf("RSS after the first row: %.0f–%.0f MiB (first row %.0f, last %.0f)\n", lo, hi, rss[0], rss[len(rss)-1])
	}
}

func pipelineName(upto string) string {
	if upto == "" {
		return "the full pipeline"
	}
	return "the pipeline up to " + upto
}

// logCounter counts the watcher's log lines of failures.
type logCounter struct{ n *atomic.Int64 }

func (l logCounter) Write(p []byte) (int, error) {
	l.n.Add(int64(strings.Count(string(p), "\n")))
	return len(p), nil
}
