// Package storetest is the conformance suite every whosaid.Store passes:
// idempotent puts, versions, search filters, speakers across articles,
// review decisions that survive re-ingest, export, stats. A store's own
// test calls Run with a function that opens an empty store.
package storetest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract"
)

// Articles are small articles written for the suite; Docs annotates them.
var Articles = map[string]string{
	"a1.txt": `Harbour Strike Ends After Pay Deal
By Staff Reporter - March 4 2024

Daily Harbour / The head of the dockworkers' union, Yusuf Demirel, said on Monday that the strike would end once wages were paid.

"We have waited four months," Demirel told reporters at the port gates.
`,
	"a2.txt": `Minister Rejects Union Demands
By Desk - March 6 2024

Evening Ledger / Transport Minister Aylin Kaya said the government would not negotiate under pressure.

Union leader Yusuf Demirell warned that the ports would stay closed.
`,
	"a3.txt": `Court Delays Ruling on Port Contract
By Desk - April 2 2024

Daily Harbour / Judge Marta Kaya said the court needed more time to review the port contract.
`,
}

// Docs writes the suite's articles to a folder and annotates them;
// changed replaces the text of a2.txt (a new version of its URL).
func Docs(t testing.TB, changed bool) []*whosaid.Doc {
	t.Helper()
	dir := t.TempDir()
	for name, text := range Articles {
		if changed && name == "a2.txt" {
			text = strings.Replace(text, "would not negotiate", "would never negotiate", 1)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := extract.Run(context.Background(), []string{dir}, extract.Options{KeepRaw: true})
	if err != nil || len(res.Docs) != len(Articles) {
		t.Fatalf("annotating the suite's articles: %v (%d docs)", err, len(res.Docs))
	}
	for _, d := range res.Docs {
		d.URL = "https://news.example/" + filepath.Base(d.Source)
	}
	return res.Docs
}

// Run runs the suite; open returns a new, empty store.
func Run(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	put := func(t *testing.T, s whosaid.Store, docs []*whosaid.Doc) []whosaid.ArticleRef {
		var refs []whosaid.ArticleRef
		for _, d := range docs {
			ref, err := s.PutArticle(ctx, d)
			if err != nil {
				t.Fatalf("put %s: %v", d.Source, err)
			}
			refs = append(refs, ref)
		}
		return refs
	}
	stats := func(t *testing.T, s whosaid.Store) whosaid.StoreStats {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}

	t.Run("Idempotent", func(t *testing.T) {
		s := open(t)
		docs := Docs(t, false)
		put(t, s, docs)
		first := stats(t, s)
		for _, ref := range put(t, s, docs) {
			if ref.New {
				t.Errorf("%s stored twice", ref.ID)
			}
		}
		if again := stats(t, s); again.Articles != first.Articles || again.Statements != first.Statements || again.Speakers != first.Speakers {
			t.Errorf("a second put changed the counts: %+v then %+v", first, again)
		}
		if first.Articles != 3 || first.Statements == 0 || first.Bytes == 0 {
			t.Errorf("stats %+v", first)
		}
		if ok, err := s.Has(ctx, docs[0].ID); !ok || err != nil {
			t.Errorf("Has(stored) = %v, %v", ok, err)
		}
		if ok, _ := s.Has(ctx, "no-such-id"); ok {
			t.Errorf("Has(unknown) = true")
		}
	})

	t.Run("Versions", func(t *testing.T) {
		s := open(t)
		put(t, s, Docs(t, false))
		refs := put(t, s, Docs(t, true))
		news := 0
		for _, r := range refs {
			if r.New {
				news++
				if r.Version != 2 {
					t.Errorf("changed article stored as version %d, want 2", r.Version)
				}
			}
		}
		if news != 1 || stats(t, s).Articles != 4 {
			t.Errorf("want one new version and 4 articles kept, got %d new, %+v", news, stats(t, s))
		}
	})

	t.Run("SpeakersAcrossArticles", func(t *testing.T) {
		s := open(t)
		put(t, s, Docs(t, false))
		sp, err := s.Speaker(ctx, "Yusuf Demirel")
		if err != nil {
			t.Fatal(err)
		}
		if sp.Statements < 3 || len(sp.Outlets) != 2 {
			t.Errorf("Demirel and Demirell are one speaker with statements in two outlets: %+v", sp)
		}
		if _, err := s.Speaker(ctx, "Kaya"); whosaid.ErrorCode(err) != whosaid.EConflict {
			t.Errorf("two Kayas (Aylin, Marta) must stay two speakers: %v", err)
		}
		list, err := s.Speakers(ctx, whosaid.SpeakerQuery{Top: 10})
		if err != nil || len(list) < 3 || !strings.HasPrefix(list[0].Name, "Yusuf Demirel") {
			t.Errorf("speakers by statement count: %+v %v", list, err)
		}
	})

	t.Run("SearchFilters", func(t *testing.T) {
		s := open(t)
		put(t, s, Docs(t, false))
		search := func(q whosaid.StatementQuery) []whosaid.StatementHit {
			hits, err := s.Search(ctx, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			return hits
		}
		if hits := search(whosaid.StatementQuery{Text: "strike"}); len(hits) == 0 || !strings.Contains(hits[0].Content, "strike") {
			t.Errorf("text search: %+v", hits)
		}
		for _, h := range search(whosaid.StatementQuery{Speaker: "Demirel"}) {
			if !strings.HasPrefix(h.SpeakerName, "Yusuf Demirel") { // either spelling
				t.Errorf("speaker filter let through %q", h.SpeakerName)
			}
		}
		if hits := search(whosaid.StatementQuery{Outlet: "evening ledger"}); len(hits) == 0 {
			t.Errorf("outlet filter (any case) found nothing")
		} else {
			for _, h := range hits {
				if h.Outlet != "Evening Ledger" {
					t.Errorf("outlet filter let through %q", h.Outlet)
				}
			}
		}
		since := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
		for _, h := range search(whosaid.StatementQuery{Since: &since}) {
			if h.Published < "2024-04" && h.SaidOn < "2024-04" {
				t.Errorf("since filter let through %+v", h)
			}
		}
		combined := search(whosaid.StatementQuery{Speaker: "Demirel", Outlet: "Daily Harbour", Kind: whosaid.Direct})
		for _, h := range combined {
			if h.Kind != whosaid.Direct || h.Outlet != "Daily Harbour" {
				t.Errorf("combined filters let through %+v", h)
			}
		}
		if len(combined) == 0 {
			t.Errorf("combined filters found nothing")
		}
		if hits := search(whosaid.StatementQuery{Speaker: "Nobody Atall"}); len(hits) != 0 {
			t.Errorf("unknown speaker matched %d statements", len(hits))
		}
		if hits := search(whosaid.StatementQuery{Limit: 1}); len(hits) != 1 {
			t.Errorf("limit 1 gave %d", len(hits))
		}
		if hits := search(whosaid.StatementQuery{Text: `"AND OR ( *`}); hits == nil {
			_ = hits // operators in a query are words, not syntax: no error
		}
	})

	t.Run("MergeSplitSurviveReingest", func(t *testing.T) {
		s := open(t)
		docs := Docs(t, false)
		put(t, s, docs)
		aylin, err := s.Speaker(ctx, "Aylin Kaya")
		if err != nil {
			t.Fatal(err)
		}
		marta, err := s.Speaker(ctx, "Marta Kaya")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MergeSpeakers(ctx, aylin.ID, marta.ID, ""); err == nil {
			t.Errorf("a merge without a reason was accepted")
		}
		if err := s.MergeSpeakers(ctx, aylin.ID, marta.ID, "test: same person"); err != nil {
			t.Fatal(err)
		}
		merged, err := s.Speaker(ctx, aylin.ID)
		if err != nil || merged.Statements != aylin.Statements+marta.Statements || len(merged.Decisions) != 1 {
			t.Fatalf("after merge: %+v %v", merged, err)
		}
		// Re-ingesting the same articles, and a new version, keeps the decision.
		put(t, s, docs)
		put(t, s, Docs(t, true))
		if again, _ := s.Speaker(ctx, "Marta Kaya"); again == nil || again.ID != aylin.ID {
			t.Errorf("the merge did not survive re-ingest: %+v", again)
		}
		newID, err := s.SplitSpeaker(ctx, aylin.ID, []string{"Marta Kaya"}, "test: two people after all")
		if err != nil {
			t.Fatal(err)
		}
		put(t, s, Docs(t, true))
		split, err := s.Speaker(ctx, "Marta Kaya")
		if err != nil || split.ID != newID || split.Statements == 0 {
			t.Errorf("after split: %+v %v", split, err)
		}
	})

	t.Run("ExportAndArticle", func(t *testing.T) {
		s := open(t)
		docs := Docs(t, false)
		put(t, s, docs)
		n := 0
		if err := s.Export(ctx, whosaid.StatementQuery{Limit: 1}, func(h whosaid.StatementHit) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		if n != stats(t, s).Statements {
			t.Errorf("export gave %d of %d statements (limit must not cap it)", n, stats(t, s).Statements)
		}
		a, err := s.Article(ctx, docs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(a.Text)
		for _, h := range a.Statements {
			if h.End > len(runes) || string(runes[h.Start:h.End]) != h.Content {
				t.Errorf("statement offsets do not point at its content: %+v", h)
			}
		}
		if _, err := s.Article(ctx, "nope"); whosaid.ErrorCode(err) != whosaid.ENotFound {
			t.Errorf("unknown article: %v", err)
		}
	})
}
