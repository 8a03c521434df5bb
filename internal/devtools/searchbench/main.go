// Command searchbench measures search latency on a large store. It fills
// the store (if it holds fewer statements than -statements) with
// generated articles whose statements are set directly, without the
// annotation pipeline (this measures the store, not the NLP), then runs
// queries — words, speakers, outlets, dates, combined — and prints p50
// and p95 latency.
//
//	go run ./internal/devtools/searchbench -db /tmp/bench.db -statements 1000000
//	go run ./internal/devtools/searchbench -db postgres://…/bench -statements 1000000
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/internal/gen"
	"github.com/whosaid/whosaid/store/postgres"
	"github.com/whosaid/whosaid/store/sqlite"
)

func main() {
	db := flag.String("db", "/tmp/whosaid-searchbench.db", "store: a SQLite file, or postgres://… for the PostgreSQL store")
	want := flag.Int("statements", 1000000, "statements the store should hold")
	queries := flag.Int("queries", 400, "queries to time")
	flag.Parse()
	ctx := context.Background()
	var st whosaid.Store
	var err error
	if strings.HasPrefix(*db, "postgres://") || strings.HasPrefix(*db, "postgresql://") {
		st, err = postgres.Open(ctx, *db, postgres.Options{})
	} else {
		st, err = sqlite.Open(ctx, *db, sqlite.Options{})
	}
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		log.Fatal(err)
	}
	g := gen.New(int64(stats.Articles)+7, 5000, 100)
	start := time.Now()
	var names, outlets, vocab []string
	for n := stats.Statements; n < *want; {
		d := synthetic(g, stats.Articles)
		stats.Articles++
		if err := st.Update(ctx, func(tx whosaid.Tx) error {
			if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
				return err
			}
			_, err := tx.PutArticle(ctx, d)
			return err
		}); err != nil {
			log.Fatal(err)
		}
		n += len(d.Statements)
		if len(names) < 200 {
			names = append(names, d.Entities[0].Name)
			outlets = append(outlets, d.Meta.Outlet)
		}
		// Query words as users type them: words of stored statements.
		if ws := strings.Fields(d.Text); len(vocab) < 2000 && len(ws) > 0 {
			if w := strings.Trim(ws[g.Intn(len(ws))], ".,“”\""); len(w) >= 5 {
				vocab = append(vocab, w)
			}
		}
		if stats.Articles%10000 == 0 {
			fmt.Fprintf(os.Stderr, "%d statements (%.0f/s)\n", n, float64(n-stats.Statements)/time.Since(start).Seconds())
		}
	}
	if len(names) == 0 {
		// A filled store: sample names, outlets and words from it.
		page, err := st.Search(ctx, whosaid.StatementQuery{Limit: 400})
		if err != nil {
			log.Fatal(err)
		}
		for _, h := range page.Items {
			if h.Speaker != nil {
				names = append(names, h.Speaker.Name)
			}
			outlets = append(outlets, h.Outlet)
			if ws := strings.Fields(h.Content.Text); len(ws) > 0 {
				if w := strings.Trim(ws[g.Intn(len(ws))], ".,“”\""); len(w) >= 5 {
					vocab = append(vocab, w)
				}
			}
		}
	}
	stats, _ = st.Stats(ctx)
	fmt.Printf("store: %d articles, %d statements, %d speakers, %.0f MB (%.2f MB per 1000 articles)\n",
		stats.Articles, stats.Statements, stats.Speakers, float64(stats.Bytes)/1e6, float64(stats.Bytes)/1e6/float64(stats.Articles)*1000)
	words := vocab
	if len(words) == 0 {
		words = []string{"budget", "border", "elections", "ceasefire", "reforms", "strike", "talks", "security", "parliament", "government"}
	}
	rng := rand.New(rand.NewSource(1))
	kinds := map[string][]time.Duration{}
	since := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < *queries; i++ {
		q := whosaid.StatementQuery{Text: words[rng.Intn(len(words))], Limit: 20}
		kind := "text"
		switch i % 4 {
		case 1:
			q.Speaker, kind = names[rng.Intn(len(names))], "text+speaker"
		case 2:
			q.Outlet, q.Since, kind = outlets[rng.Intn(len(outlets))], &since, "text+outlet+since"
		case 3:
			q.Text, q.Speaker, kind = "", names[rng.Intn(len(names))], "speaker only"
		}
		t0 := time.Now()
		if _, err := st.Search(ctx, q); err != nil {
			log.Fatal(err)
		}
		kinds[kind] = append(kinds[kind], time.Since(t0))
		kinds["all"] = append(kinds["all"], time.Since(t0))
	}
	fmt.Printf("%-20s %8s %8s %8s\n", "query", "n", "p50", "p95")
	for _, k := range []string{"text", "text+speaker", "text+outlet+since", "speaker only", "all"} {
		d := kinds[k]
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		fmt.Printf("%-20s %8d %8s %8s\n", k, len(d), d[len(d)/2].Round(10*time.Microsecond), d[len(d)*95/100].Round(10*time.Microsecond))
	}
}

// synthetic makes an annotated Doc from a generated article: each
// sentence of the body becomes a statement of the article's speaker.
func synthetic(g *gen.Generator, n int) *whosaid.Doc {
	a := g.Next()
	body := a.Text
	if i := strings.Index(body, " / "); i >= 0 {
		body = body[i+3:]
	}
	d := &whosaid.Doc{ID: fmt.Sprintf("syn%09d", n), Source: "synthetic", URL: a.URL}
	d.SetText(body)
	pub := a.Published
	d.Meta = whosaid.Meta{Title: strings.SplitN(a.Text, "\n", 4)[2], Outlet: outletOf(a.URL), Published: &pub, PublishedFrom: "generated"}
	name := speakerOf(body)
	d.Mentions = []whosaid.Mention{{Span: whosaid.Span{Start: 0, End: 1}, Kind: whosaid.MentionName, Name: name, Entity: 0}}
	d.Entities = []whosaid.Entity{{Name: name, Type: whosaid.Person, Mentions: []int{0}, SpeakerID: "spk_" + strings.ToLower(strings.ReplaceAll(name, " ", "_"))}}
	start := 0
	for start < len(body) {
		end := strings.IndexAny(body[start:], ".\n")
		if end < 0 {
			end = len(body) - start
		}
		if end > 20 {
			d.Statements = append(d.Statements, whosaid.Statement{Kind: whosaid.Indirect, Content: []whosaid.Span{{Start: start, End: start + end}}, Mention: 0, Entity: 0, Confidence: 0.8})
		}
		start += end + 1
	}
	return d
}

func outletOf(url string) string {
	host := strings.TrimPrefix(url, "https://")
	host, _, _ = strings.Cut(host, ".")
	return strings.ReplaceAll(host, "-", " ")
}

// speakerOf takes the name the generator puts after "the X of the Y, ".
func speakerOf(body string) string {
	if i := strings.Index(body, ", "); i >= 0 {
		rest := body[i+2:]
		if j := strings.Index(rest, ","); j > 0 && j < 40 {
			return rest[:j]
		}
	}
	return "Unknown Speaker"
}
