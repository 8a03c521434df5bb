// Command loadgen measures `whosaid serve` under load: it fills a store
// with generated articles (if it holds fewer than -articles; no NLP, see
// fill.go), serves it on a loopback port in this process (or targets a
// running server at a loopback -url), and runs -clients concurrent
// clients for -duration doing a mix of API searches and page views. It
// prints p50, p95 and p99 latency and requests per second for the API
// and for the HTML pages, and the errors (any status but 200).
//
//	go run ./internal/devtools/loadgen -db /tmp/whosaid-load.db -articles 100000 -clients 50 -duration 30s
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/server"
	"github.com/whosaid/whosaid/store/sqlite"
)

func main() {
	db := flag.String("db", "/tmp/whosaid-loadgen.db", "store file (filled up to -articles)")
	articles := flag.Int("articles", 100000, "articles the store should hold")
	clients := flag.Int("clients", 50, "concurrent clients")
	duration := flag.Duration("duration", 30*time.Second, "how long the clients run (at most 10m)")
	target := flag.String("url", "", "a running server to load (loopback only); default: serve -db in this process")
	seed := flag.Int64("seed", 1, "seed of the request mix")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the load phase (server and clients) to this file")
	flag.Parse()
	if *duration <= 0 || *duration > 10*time.Minute {
		log.Fatalf("-duration %v: want more than 0 and at most 10m", *duration)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, *db, sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	if err := fill(ctx, st, *articles); err != nil {
		log.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("store: %d articles, %d statements, %d speakers, %.0f MB\n", stats.Articles, stats.Statements, stats.Speakers, float64(stats.Bytes)/1e6)
	pool, err := sample(ctx, st)
	if err != nil {
		log.Fatal(err)
	}
	base := *target
	if base == "" {
		srv, err := server.New(server.Config{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			log.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		sctx, stop := context.WithCancel(ctx)
		defer stop()
		go srv.Serve(sctx, ln)
		base = "http://" + ln.Addr().String()
	} else if err := loopbackOnly(base); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("load: %d clients for %v against %s\n", *clients, *duration, base)
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	res := run(base, pool, *clients, *duration, *seed)
	res.print(os.Stdout, *duration)
	if res.errors > 0 {
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

// loopbackOnly refuses a target beyond this machine: a load generator
// must not be pointed at someone else's server.
func loopbackOnly(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("-url %q: %v", raw, err)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-url %q: loopback addresses only (127.0.0.1, ::1, localhost)", raw)
	}
	return nil
}

// pool is what the requests ask about, sampled from the store.
type pool struct {
	words, speakers, outlets, articles, statements []string
	// names are what people type to find a speaker: the start of a
	// family name.
	names []string
}

func sample(ctx context.Context, st whosaid.Store) (*pool, error) {
	p := &pool{}
	sp, err := st.Speakers(ctx, whosaid.SpeakerQuery{Limit: 300})
	if err != nil {
		return nil, err
	}
	for _, s := range sp.Items {
		p.speakers = append(p.speakers, s.ID)
		if f := strings.Fields(s.Name); len(f) > 0 {
			p.names = append(p.names, string([]rune(f[len(f)-1])[:min(5, len([]rune(f[len(f)-1])))]))
		}
	}
	seen := map[string]bool{}
	for _, w := range []string{"", "budget", "border", "elections", "ceasefire", "reforms", "strike", "talks", "railway", "port", "agreement"} {
		page, err := st.Search(ctx, whosaid.StatementQuery{Text: w, Limit: 100})
		if err != nil {
			return nil, err
		}
		for _, h := range page.Items {
			p.statements = append(p.statements, h.ID)
			if !seen[h.ArticleID] {
				seen[h.ArticleID] = true
				p.articles = append(p.articles, h.ArticleID)
			}
			if h.Outlet != "" && !seen["o:"+h.Outlet] {
				seen["o:"+h.Outlet] = true
				p.outlets = append(p.outlets, h.Outlet)
			}
			for _, f := range strings.Fields(h.Content.Text) {
				f = strings.Trim(f, ".,“”\"")
				if len(f) >= 5 && !seen["w:"+f] && len(p.words) < 500 {
					seen["w:"+f] = true
					p.words = append(p.words, f)
				}
			}
		}
	}
	if len(p.speakers) == 0 || len(p.articles) == 0 || len(p.words) == 0 {
		return nil, fmt.Errorf("the store holds too little to sample requests from")
	}
	return p, nil
}

// kinds of request, with their weight in the mix and whether they are
// API calls or pages.
var kinds = []struct {
	name   string
	api    bool
	weight int
	path   func(r *rand.Rand, p *pool) string
}{
	{"api search text", true, 15, func(r *rand.Rand, p *pool) string { return "/api/v1/statements?q=" + url.QueryEscape(pick(r, p.words)) }},
	{"api search text+speaker", true, 5, func(r *rand.Rand, p *pool) string {
		return "/api/v1/statements?q=" + url.QueryEscape(pick(r, p.words)) + "&speaker=" + pick(r, p.speakers)
	}},
	{"api search speaker by date", true, 5, func(r *rand.Rand, p *pool) string {
		return "/api/v1/statements?sort=date&speaker=" + pick(r, p.speakers)
	}},
	{"api search outlet+since", true, 5, func(r *rand.Rand, p *pool) string {
		return "/api/v1/statements?q=" + url.QueryEscape(pick(r, p.words)) + "&outlet=" + url.QueryEscape(pick(r, p.outlets)) + "&since=2022-01-01"
	}},
	{"api statement", true, 5, func(r *rand.Rand, p *pool) string { return "/api/v1/statements/" + pick(r, p.statements) }},
	{"api speaker", true, 5, func(r *rand.Rand, p *pool) string { return "/api/v1/speakers/" + pick(r, p.speakers) }},
	{"api article", true, 5, func(r *rand.Rand, p *pool) string { return "/api/v1/articles/" + pick(r, p.articles) }},
	{"api speakers by name", true, 5, func(r *rand.Rand, p *pool) string { return "/api/v1/speakers?q=" + url.QueryEscape(pick(r, p.names)) }},
	{"page search", false, 20, func(r *rand.Rand, p *pool) string { return "/?q=" + url.QueryEscape(pick(r, p.words)) }},
	{"page speaker", false, 15, func(r *rand.Rand, p *pool) string { return "/speakers/" + pick(r, p.speakers) }},
	{"page article", false, 15, func(r *rand.Rand, p *pool) string { return "/articles/" + pick(r, p.articles) }},
}

func pick(r *rand.Rand, xs []string) string { return xs[r.Intn(len(xs))] }

type sampleT struct {
	kind int
	d    time.Duration
	ok   bool
}

type results struct {
	samples []sampleT
	errors  int
	first   []string
}

// run lets clients send requests from the mix until the time is up.
func run(base string, p *pool, clients int, d time.Duration, seed int64) *results {
	tr := &http.Transport{MaxIdleConns: clients * 2, MaxIdleConnsPerHost: clients * 2, IdleConnTimeout: time.Minute}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	deadline := time.Now().Add(d)
	var mu sync.Mutex
	res := &results{}
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := rand.New(rand.NewSource(seed + int64(c)))
			var local []sampleT
			var errs []string
			for time.Now().Before(deadline) {
				x := r.Intn(total)
				k := 0
				for ; x >= kinds[k].weight; k++ {
					x -= kinds[k].weight
				}
				path := kinds[k].path(r, p)
				t0 := time.Now()
				resp, err := client.Get(base + path)
				ok := err == nil && resp.StatusCode == 200
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				local = append(local, sampleT{kind: k, d: time.Since(t0), ok: ok})
				if !ok {
					msg := fmt.Sprint(err)
					if err == nil {
						msg = resp.Status
					}
					errs = append(errs, path+": "+msg)
				}
			}
			mu.Lock()
			res.samples = append(res.samples, local...)
			res.errors += len(errs)
			if len(res.first) < 10 {
				res.first = append(res.first, errs[:min(len(errs), 10-len(res.first))]...)
			}
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	return res
}

func (r *results) print(w io.Writer, d time.Duration) {
	type row struct {
		name string
		ds   []time.Duration
		errs int
	}
	api, pages := &row{name: "API (all)"}, &row{name: "HTML pages (all)"}
	perKind := make([]*row, len(kinds))
	for i, k := range kinds {
		perKind[i] = &row{name: k.name}
	}
	for _, s := range r.samples {
		for _, rw := range []*row{perKind[s.kind], map[bool]*row{true: api, false: pages}[kinds[s.kind].api]} {
			rw.ds = append(rw.ds, s.d)
			if !s.ok {
				rw.errs++
			}
		}
	}
	fmt.Fprintf(w, "%-28s %8s %8s %9s %9s %9s %7s\n", "requests", "n", "req/s", "p50", "p95", "p99", "errors")
	for _, rw := range append(perKind, api, pages) {
		if len(rw.ds) == 0 {
			continue
		}
		sort.Slice(rw.ds, func(i, j int) bool { return rw.ds[i] < rw.ds[j] })
		q := func(f float64) time.Duration {
			return rw.ds[min(len(rw.ds)-1, int(f*float64(len(rw.ds))))].Round(10 * time.Microsecond)
		}
		fmt.Fprintf(w, "%-28s %8d %8.1f %9s %9s %9s %7d\n", rw.name, len(rw.ds), float64(len(rw.ds))/d.Seconds(), q(.50), q(.95), q(.99), rw.errs)
	}
	fmt.Fprintf(w, "total: %d requests, %.1f req/s, %d errors\n", len(r.samples), float64(len(r.samples))/d.Seconds(), r.errors)
	for _, e := range r.first {
		fmt.Fprintln(w, "error:", e)
	}
}
