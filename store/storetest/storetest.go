// Package storetest is the conformance suite every whosaid.Store passes:
// idempotent puts, versions, the speaker index the linker works through,
// search filters and pagination, review decisions that survive re-ingest,
// export, raw copies, error codes, concurrent writers and cancellation.
// A store's own test calls Run with a Config that opens an empty store.
//
// The suite's articles come annotated from a checked-in fixture
// (testdata/docs.json), so a store is tested on the same input whatever
// the NLP does; text search is checked as a set of results, since each
// backend ranks in its own way.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/cluster"
	"github.com/whosaid/whosaid/identity"
)

var update = flag.Bool("update", false, "rewrite the suite's golden files (and, in ./store/storetest, its fixture)")

// Config is what the suite needs from a backend, and what backends may do
// differently.
type Config struct {
	// Open returns a new, empty store whose clock is now.
	Open func(t *testing.T, now func() time.Time) whosaid.Store
	// Ranking, when set, also checks which statement a text query ranks
	// first (the backend ranks like the reference store); otherwise only
	// which statements match.
	Ranking bool
}

// Clock is the suite's fixed clock.
var Clock = func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }

// Run runs the suite.
func Run(t *testing.T, cfg Config) {
	ctx := context.Background()
	open := func(t *testing.T) whosaid.Store { return cfg.Open(t, Clock) }
	docs := func(t *testing.T, names ...string) []*whosaid.Doc {
		all, err := Docs()
		if err != nil {
			t.Fatal(err)
		}
		var out []*whosaid.Doc
		for _, n := range names {
			out = append(out, all[n])
		}
		return out
	}
	first := []string{"a1.txt", "a2.txt", "a3.txt", "a4.txt"}

	t.Run("Idempotent", func(t *testing.T) {
		s := open(t)
		put(t, s, docs(t, first...)...)
		before := stats(t, s)
		for _, ref := range put(t, s, docs(t, first...)...) {
			if ref.New {
				t.Errorf("%s stored twice", ref.ID)
			}
		}
		if after := stats(t, s); after.Articles != before.Articles || after.Statements != before.Statements || after.Speakers != before.Speakers {
			t.Errorf("a second put changed the counts: %+v then %+v", before, after)
		}
		if before.Articles != 4 || before.Statements == 0 || before.Bytes == 0 || before.Location == "" {
			t.Errorf("stats %+v", before)
		}
		d := docs(t, "a1.txt")[0]
		if ok, err := s.HasRaw(ctx, d.RawSHA256); !ok || err != nil {
			t.Errorf("HasRaw(stored) = %v, %v", ok, err)
		}
		if ok, err := s.HasRaw(ctx, strings.Repeat("0", 64)); ok || err != nil {
			t.Errorf("HasRaw(unknown) = %v, %v", ok, err)
		}
	})

	t.Run("Versions", func(t *testing.T) {
		s := open(t)
		put(t, s, docs(t, first...)...)
		refs := put(t, s, docs(t, "a2v2.txt")...)
		if !refs[0].New || refs[0].Version != 2 {
			t.Errorf("the changed article at a known URL: %+v, want a new version 2", refs[0])
		}
		if st := stats(t, s); st.Articles != 5 {
			t.Errorf("%d articles, want both versions kept (5)", st.Articles)
		}
	})

	t.Run("GoldenArticle", func(t *testing.T) {
		s := open(t)
		put(t, s, docs(t, first...)...)
		for _, name := range []string{"a1.txt", "a2.txt"} {
			d := docs(t, name)[0]
			a, err := s.Article(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			runes := []rune(a.Text)
			for _, h := range a.Statements {
				if h.Content.End > len(runes) || string(runes[h.Content.Start:h.Content.End]) != h.Content.Text {
					t.Errorf("statement %s: offsets do not point at its content", h.ID)
				}
			}
			golden(t, "article-"+strings.TrimSuffix(name, ".txt")+".golden.json", a)
		}
	})

	t.Run("IdentityRules", func(t *testing.T) { identityRules(t, open) })

	t.Run("SpeakerIndex", func(t *testing.T) {
		s := open(t)
		put(t, s, docs(t, first...)...)
		demirel, err := s.Speaker(ctx, "Yusuf Demirel")
		if err != nil {
			t.Fatal(err)
		}
		if demirel.Statements < 3 || len(demirel.Outlets) != 2 {
			t.Errorf("Demirel and Demirell are one speaker with statements in two outlets: %+v", demirel)
		}
		for _, who := range []string{"Aylin Kaya", "Marta Kaya", "Mehmet Kaya"} {
			sp, err := s.Speaker(ctx, who)
			if err != nil {
				t.Errorf("%s: %v", who, err)
				continue
			}
			for _, v := range sp.Variants {
				if strings.Contains(v, " ") && !strings.HasSuffix(who, v) && !strings.HasSuffix(v, who) {
					t.Errorf("%s carries another person's name %q: %+v", who, v, sp.Variants)
				}
			}
		}
		if _, err := s.Speaker(ctx, "Kaya"); whosaid.ErrorCode(err) != whosaid.EConflict {
			t.Errorf("a bare family name of three people: %v, want EConflict", err)
		}
		// Linking through the store's index again finds the same ids.
		d := docs(t, "a1.txt")[0]
		if err := s.Update(ctx, func(tx whosaid.Tx) error { return (identity.Linker{}).Link(ctx, tx, d) }); err != nil {
			t.Fatal(err)
		}
		if sp := d.SpeakerOf(0); sp == nil || sp.ID != demirel.ID {
			t.Errorf("relinking a stored article gave %+v, want %s", sp, demirel.ID)
		}
		page, err := s.Speakers(ctx, whosaid.SpeakerQuery{Limit: 10})
		if err != nil || len(page.Items) < 4 || page.Items[0].ID != demirel.ID {
			t.Errorf("speakers by statement count: %+v %v", page.Items, err)
		}
	})

	t.Run("SearchFilters", func(t *testing.T) {
		s := open(t)
		put(t, s, docs(t, first...)...)
		search := func(q whosaid.StatementQuery) []whosaid.StatementHit {
			page, err := s.Search(ctx, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			return page.Items
		}
		// A word matches in the content, the speaker's name and the title.
		hits := search(whosaid.StatementQuery{Text: "strike"})
		if len(hits) != 2 {
			t.Errorf("text search for strike: %d hits, want the two statements of the article about the strike", len(hits))
		}
		for _, h := range hits {
			if !strings.Contains(strings.ToLower(h.Content.Text+h.Title), "strike") {
				t.Errorf("text search for strike found %q (%s)", h.Content.Text, h.Title)
			}
		}
		if got := ids(search(whosaid.StatementQuery{Text: "ports", Limit: 50})); len(got) != 4 {
			t.Errorf("text search for ports: %v, want the four statements about ports or a port", got)
		} else if cfg.Ranking {
			// "ports" in the content of both; the reference ranking puts
			// the shorter content first.
			best := search(whosaid.StatementQuery{Text: "ports"})[0]
			if !strings.Contains(best.Content.Text, "reopen") {
				t.Errorf("best hit for ports: %q", best.Content.Text)
			}
		}
		for _, h := range search(whosaid.StatementQuery{Speaker: "Demirel", Limit: 50}) {
			if h.Speaker == nil || !strings.HasPrefix(h.Speaker.Name, "Yusuf Demirel") {
				t.Errorf("speaker filter let through %+v", h.Speaker)
			}
		}
		if hits := search(whosaid.StatementQuery{Outlet: "evening ledger", Limit: 50}); len(hits) == 0 {
			t.Errorf("outlet filter (any case) found nothing")
		} else {
			for _, h := range hits {
				if h.Outlet != "Evening Ledger" {
					t.Errorf("outlet filter let through %q", h.Outlet)
				}
			}
		}
		since := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
		for _, h := range search(whosaid.StatementQuery{Since: &since, Limit: 50}) {
			if d := day(h); d < "2024-04-01" {
				t.Errorf("since filter let through %s", d)
			}
		}
		combined := search(whosaid.StatementQuery{Speaker: "Demirel", Outlet: "Daily Harbour", Kind: whosaid.Direct})
		if len(combined) == 0 {
			t.Errorf("combined filters found nothing")
		}
		for _, h := range combined {
			if h.Kind != whosaid.Direct || h.Outlet != "Daily Harbour" {
				t.Errorf("combined filters let through %+v", h)
			}
		}
		h := search(whosaid.StatementQuery{Text: "strike"})[0]
		got, err := s.Statement(ctx, h.ID)
		if err != nil || got.ID != h.ID || got.Content != h.Content || got.Speaker == nil {
			t.Errorf("Statement(%s) = %+v, %v", h.ID, got, err)
		}
	})

	t.Run("QueryLanguage", func(t *testing.T) { queryLanguage(t, open) })
	t.Run("NewestVersion", func(t *testing.T) { newestVersion(t, open) })
	t.Run("SpeechOnly", func(t *testing.T) { speechOnly(t, open) })
	t.Run("Clusters", func(t *testing.T) { clusters(t, open) })
	t.Run("Duplicates", func(t *testing.T) { duplicates(t, open) })
	t.Run("NameFilters", func(t *testing.T) { nameFilters(t, open) })
	t.Run("Corrections", func(t *testing.T) { corrections(t, open) })

	t.Run("Pagination", func(t *testing.T) {
		s := open(t)
		put(t, s, docs(t, first...)...)
		var all []string
		if err := s.Export(ctx, whosaid.StatementQuery{}, func(h whosaid.StatementHit) error { all = append(all, h.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		for _, q := range []whosaid.StatementQuery{{Limit: 2}, {Limit: 1, Sort: whosaid.SortDate}, {Text: "ports", Limit: 1}} {
			var got []string
			var dates []string
			for page, n := (whosaid.Page[whosaid.StatementHit]{}), 0; n == 0 || page.Next != ""; n++ {
				q.Cursor = page.Next
				var err error
				if page, err = s.Search(ctx, q); err != nil {
					t.Fatalf("%+v: %v", q, err)
				}
				if len(page.Items) > q.Limit {
					t.Fatalf("page of %d for limit %d", len(page.Items), q.Limit)
				}
				for _, h := range page.Items {
					got = append(got, h.ID)
					dates = append(dates, day(h))
				}
				if n > len(all)+1 {
					t.Fatalf("pagination does not end")
				}
			}
			if q.Text == "" && !sameSet(got, all) {
				t.Errorf("%+v: pages gave %v, the store holds %v", q, got, all)
			}
			if dup := duplicate(got); dup != "" {
				t.Errorf("%+v: %s on two pages", q, dup)
			}
			if q.Text == "" && !sort.IsSorted(sort.Reverse(sort.StringSlice(dates))) {
				t.Errorf("%+v: not newest first: %v", q, dates)
			}
		}
		if _, err := s.Search(ctx, whosaid.StatementQuery{Cursor: "not a cursor"}); whosaid.ErrorCode(err) != whosaid.EInvalid {
			t.Errorf("bad cursor: %v, want EInvalid", err)
		}
		var speakers []string
		for page, n := (whosaid.Page[whosaid.SpeakerSummary]{}), 0; n == 0 || page.Next != ""; n++ {
			var err error
			if page, err = s.Speakers(ctx, whosaid.SpeakerQuery{Limit: 1, Cursor: page.Next}); err != nil {
				t.Fatal(err)
			}
			for _, sp := range page.Items {
				speakers = append(speakers, sp.ID)
			}
			if n > 50 {
				t.Fatal("speaker pagination does not end")
			}
		}
		if st := stats(t, s); len(speakers) != st.Speakers || duplicate(speakers) != "" {
			t.Errorf("speaker pages %v, stats say %d speakers", speakers, st.Speakers)
		}
	})

	t.Run("MergeSplitSurviveReingest", func(t *testing.T) {
		s := open(t)
		put(t, s, docs(t, first...)...)
		aylin, err := s.Speaker(ctx, "Aylin Kaya")
		if err != nil {
			t.Fatal(err)
		}
		marta, err := s.Speaker(ctx, "Marta Kaya")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MergeSpeakers(ctx, whosaid.Merge{Into: aylin.ID, From: marta.ID}); whosaid.ErrorCode(err) != whosaid.EInvalid {
			t.Errorf("a merge without a reason: %v, want EInvalid", err)
		}
		if err := s.MergeSpeakers(ctx, whosaid.Merge{Into: aylin.ID, From: aylin.ID, Why: "x"}); whosaid.ErrorCode(err) != whosaid.EConflict {
			t.Errorf("a merge of a speaker with itself: %v, want EConflict", err)
		}
		if err := s.MergeSpeakers(ctx, whosaid.Merge{Into: aylin.ID, From: "spk_nosuch", Why: "x"}); whosaid.ErrorCode(err) != whosaid.ENotFound {
			t.Errorf("a merge with an unknown speaker: %v, want ENotFound", err)
		}
		if err := s.MergeSpeakers(ctx, whosaid.Merge{Into: aylin.ID, From: marta.ID, Why: "test: same person"}); err != nil {
			t.Fatal(err)
		}
		merged, err := s.Speaker(ctx, aylin.ID)
		if err != nil || merged.Statements != aylin.Statements+marta.Statements || len(merged.Decisions) != 1 {
			t.Fatalf("after merge: %+v %v", merged, err)
		}
		d := merged.Decisions[0]
		if d.Kind != whosaid.DecisionMerge || d.Speaker != aylin.ID || d.Other != marta.ID || !d.At.Equal(Clock()) || d.Why != "test: same person" {
			t.Errorf("decision %+v", d)
		}
		// Re-ingesting the same articles, and a new version, keeps the decision.
		put(t, s, docs(t, first...)...)
		put(t, s, docs(t, "a2v2.txt")...)
		if again, _ := s.Speaker(ctx, "Marta Kaya"); again == nil || again.ID != aylin.ID {
			t.Errorf("the merge did not survive re-ingest: %+v", again)
		}
		newID, err := s.SplitSpeaker(ctx, whosaid.Split{ID: aylin.ID, Variants: []string{"Marta Kaya"}, Why: "test: two people after all"})
		if err != nil {
			t.Fatal(err)
		}
		// The same story at another address is a new article to link.
		put(t, s, atURL(docs(t, "a3.txt")[0], "https://mirror.example/a3"))
		split, err := s.Speaker(ctx, "Marta Kaya")
		if err != nil || split.ID != newID || split.Statements != 2 {
			t.Errorf("after split and a new article: %+v %v", split, err)
		}
		decisions, err := s.Decisions(ctx)
		if err != nil || len(decisions) != 2 || decisions[1].Kind != whosaid.DecisionSplit || len(decisions[1].Variants) != 1 {
			t.Errorf("decisions %+v %v", decisions, err)
		}
	})

	t.Run("ExportArticleRaw", func(t *testing.T) {
		s := open(t)
		ds := docs(t, first...)
		put(t, s, ds...)
		n := 0
		if err := s.Export(ctx, whosaid.StatementQuery{Limit: 1}, func(h whosaid.StatementHit) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		if n != stats(t, s).Statements {
			t.Errorf("export gave %d of %d statements (limit must not cap it)", n, stats(t, s).Statements)
		}
		stop := errors.New("stop")
		if err := s.Export(ctx, whosaid.StatementQuery{}, func(whosaid.StatementHit) error { return stop }); err != stop {
			t.Errorf("an error from fn must stop the export and come back: %v", err)
		}
		raw, err := s.RawCopy(ctx, ds[0].ID)
		if err != nil || string(raw.Bytes) != string(ds[0].Raw) || raw.SHA256 != ds[0].RawSHA256 {
			t.Errorf("raw copy: %v", err)
		}
		for what, err := range map[string]error{
			"article":   second(s.Article(ctx, "nope")),
			"raw copy":  second(s.RawCopy(ctx, "nope")),
			"statement": second(s.Statement(ctx, "nope-1")),
			"speaker":   second(s.Speaker(ctx, "Nobody Atall")),
		} {
			if whosaid.ErrorCode(err) != whosaid.ENotFound {
				t.Errorf("unknown %s: %v, want ENotFound", what, err)
			}
		}
	})

	t.Run("CoMentions", func(t *testing.T) {
		s := open(t)
		coMentions(t, s, func(names ...string) { put(t, s, docs(t, names...)...) })
	})

	t.Run("ConcurrentWriters", func(t *testing.T) {
		s := open(t)
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for w := 0; w < 4; w++ {
			wg.Add(1)
			ds := docs(t, first...)
			go func(seed int64) {
				defer wg.Done()
				rand.New(rand.NewSource(seed)).Shuffle(len(ds), func(i, j int) { ds[i], ds[j] = ds[j], ds[i] })
				for _, d := range ds {
					if _, err := linkAndPut(ctx, s, d); err != nil {
						errs <- err
						return
					}
				}
			}(int64(w))
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		ref := open(t)
		put(t, ref, docs(t, first...)...)
		if got, want := stats(t, s), stats(t, ref); got.Articles != want.Articles || got.Statements != want.Statements || got.Speakers != want.Speakers {
			t.Errorf("four writers over the same articles: %+v, one writer: %+v", got, want)
		}
		if _, err := s.Speaker(ctx, "Yusuf Demirel"); err != nil {
			t.Errorf("one Demirel after concurrent writes: %v", err)
		}
	})

	t.Run("Cancellation", func(t *testing.T) {
		s := open(t)
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		_, err := linkAndPut(cancelled, s, docs(t, "a1.txt")[0])
		if !errors.Is(err, context.Canceled) {
			t.Errorf("a write with a cancelled context: %v", err)
		}
		if _, err := s.Search(cancelled, whosaid.StatementQuery{Text: "strike"}); !errors.Is(err, context.Canceled) {
			t.Errorf("a search with a cancelled context: %v", err)
		}
		if st := stats(t, s); st.Articles != 0 {
			t.Errorf("a cancelled write stored %d articles", st.Articles)
		}
		// A failing transaction leaves nothing behind.
		boom := errors.New("boom")
		err = s.Update(ctx, func(tx whosaid.Tx) error {
			d := docs(t, "a1.txt")[0]
			if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
				return err
			}
			if _, err := tx.PutArticle(ctx, d); err != nil {
				return err
			}
			return boom
		})
		if err != boom || stats(t, s).Articles != 0 || stats(t, s).Speakers != 0 {
			t.Errorf("a failed transaction: %v, %+v", err, stats(t, s))
		}
	})
}

// linkAndPut links doc's speakers through the store and stores it, in one
// transaction, as ingest does.
func linkAndPut(ctx context.Context, s whosaid.Store, d *whosaid.Doc) (whosaid.ArticleRef, error) {
	var ref whosaid.ArticleRef
	err := s.Update(ctx, func(tx whosaid.Tx) error {
		if has, err := tx.Has(ctx, d.ID); err != nil || has {
			ref = whosaid.ArticleRef{ID: d.ID}
			return err
		}
		if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
			return err
		}
		if err := (cluster.Clusterer{}).Cluster(ctx, tx, d); err != nil {
			return err
		}
		var err error
		ref, err = tx.PutArticle(ctx, d)
		return err
	})
	return ref, err
}

// atURL is d as found at another address (another article id).
func atURL(d *whosaid.Doc, url string) *whosaid.Doc {
	c := *d
	c.URL = url
	c.SetText(d.Text)
	c.Paragraphs, c.Sentences, c.Tokens, c.Quotes = d.Paragraphs, d.Sentences, d.Tokens, d.Quotes
	c.Mentions, c.Statements, c.Entities = d.Mentions, d.Statements, d.Entities
	return &c
}

func put(t *testing.T, s whosaid.Store, docs ...*whosaid.Doc) []whosaid.ArticleRef {
	t.Helper()
	var refs []whosaid.ArticleRef
	for _, d := range docs {
		ref, err := linkAndPut(context.Background(), s, d)
		if err != nil {
			t.Fatalf("put %s: %v", d.Source, err)
		}
		refs = append(refs, ref)
	}
	return refs
}

func stats(t *testing.T, s whosaid.Store) whosaid.StoreStats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// golden compares v, as indented JSON, with testdata/name; -update
// rewrites the file.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(testdataDir(), name)
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
		t.Errorf("%s differs from what the store gives back:\n%s", name, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + a + "\n  got  " + b
		}
	}
	return ""
}

func ids(hits []whosaid.StatementHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// day is the date a statement is filed under: said on, else published.
func day(h whosaid.StatementHit) string {
	switch {
	case h.SaidOn != nil:
		return h.SaidOn.Format("2006-01-02")
	case h.Published != nil:
		return h.Published.Format("2006-01-02")
	}
	return ""
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
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

func second[T any](_ T, err error) error { return err }
