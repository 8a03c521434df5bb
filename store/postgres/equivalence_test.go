package postgres

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/store/sqlite"
	"github.com/whosaid/whosaid/store/storetest"
)

// TestQueryEquivalence stores the suite's fixture in both stores and
// checks that every query gives the same statements in the same order
// with the same scores: the BM25 this store computes is FTS5's.
func TestQueryEquivalence(t *testing.T) {
	ctx := context.Background()
	pg := open(t, storetest.Clock)
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "ref.db"), sqlite.Options{Now: storetest.Clock})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	for _, s := range []whosaid.Store{lite, pg} {
		docs, err := storetest.Docs()
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"a1.txt", "a2.txt", "a3.txt", "a4.txt", "a2v2.txt"} {
			d := docs[name]
			if err := s.Update(ctx, func(tx whosaid.Tx) error {
				if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
					return err
				}
				_, err := tx.PutArticle(ctx, d)
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	queries := []whosaid.StatementQuery{
		{Text: "ports"},
		{Text: "port"},
		{Text: "port contract"},
		{Text: `"port contract"`},
		{Text: "strike OR court"},
		{Text: "port -contract"},
		{Text: "negot*"},
		{Text: "the"},
		{Text: "kaya"},
		{Text: "said OR would OR ports"},
		{Text: "ports", Speaker: "Yusuf Demirel"},
		{Text: "port OR ports", Outlet: "evening"},
		{Text: "ports", AllVersions: true},
		{Text: "ports", Sort: whosaid.SortDate},
		{Text: "port", Kind: whosaid.Indirect},
		{Text: "kaya OR aylin OR mehmet"},
		{Text: "port", Speaker: "Aylin Kaya"},
		{Speaker: "Kaya"},
		{Outlet: "Daily Harbour"},
		{},
	}
	// The same searches after a merge and after a split, made in both.
	decide := []func(s whosaid.Store) error{
		func(whosaid.Store) error { return nil },
		func(s whosaid.Store) error {
			a, err := s.Speaker(ctx, "Aylin Kaya")
			if err != nil {
				return err
			}
			m, err := s.Speaker(ctx, "Mehmet Kaya")
			if err != nil {
				return err
			}
			return s.MergeSpeakers(ctx, whosaid.Merge{Into: a.ID, From: m.ID, Why: "test"})
		},
		func(s whosaid.Store) error {
			a, err := s.Speaker(ctx, "Aylin Kaya")
			if err != nil {
				return err
			}
			_, err = s.SplitSpeaker(ctx, whosaid.Split{ID: a.ID, Variants: []string{"Mehmet Kaya"}, Why: "test"})
			return err
		},
	}
	for step, d := range decide {
		for _, s := range []whosaid.Store{lite, pg} {
			if err := d(s); err != nil {
				t.Fatalf("decision %d: %v", step, err)
			}
		}
		compareSearches(t, ctx, lite, pg, queries)
	}
}

func compareSearches(t *testing.T, ctx context.Context, lite, pg whosaid.Store, queries []whosaid.StatementQuery) {
	t.Helper()
	for _, q := range queries {
		q.Limit = 50
		want, err := lite.Search(ctx, q)
		if err != nil {
			t.Fatalf("sqlite %+v: %v", q, err)
		}
		got, err := pg.Search(ctx, q)
		if err != nil {
			t.Fatalf("postgres %+v: %v", q, err)
		}
		if len(got.Items) != len(want.Items) {
			t.Errorf("%+v: postgres %d hits %v, sqlite %d %v", q, len(got.Items), hitIDs(got.Items), len(want.Items), hitIDs(want.Items))
			continue
		}
		for i := range want.Items {
			w, g := want.Items[i], got.Items[i]
			if w.ID != g.ID || math.Abs(w.Score-g.Score) > 1e-9 {
				t.Errorf("%+v: hit %d is %s (score %.6f) in postgres, %s (%.6f) in sqlite", q, i+1, g.ID, g.Score, w.ID, w.Score)
			}
		}
	}
}

func hitIDs(hits []whosaid.StatementHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// TestPhraseWithinColumn: a phrase whose words end one column and begin
// the next (content, then speaker) does not match, as in SQLite.
func TestPhraseWithinColumn(t *testing.T) {
	ctx := context.Background()
	s := open(t, storetest.Clock)
	docs, err := storetest.Docs()
	if err != nil {
		t.Fatal(err)
	}
	d := docs["a3.txt"] // "… review the port contract", said by Marta Kaya
	if err := s.Update(ctx, func(tx whosaid.Tx) error {
		if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
			return err
		}
		_, err := tx.PutArticle(ctx, d)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{`"port contract"`: 1, `"contract marta"`: 0, `"marta kaya"`: 1} {
		page, err := s.Search(ctx, whosaid.StatementQuery{Text: q})
		if err != nil || len(page.Items) != want {
			t.Errorf("%s: %d hits (%v), want %d", q, len(page.Items), err, want)
		}
	}
}
