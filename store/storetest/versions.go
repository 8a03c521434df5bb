package storetest

import (
	"context"
	"testing"

	"github.com/whosaid/whosaid"
)

// newestVersion checks that a changed article stored again at its URL
// answers queries alone, each statement once, and that AllVersions
// brings the older version back.
func newestVersion(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	s := open(t)
	put(t, s, docsNamed(t, "a1.txt", "a2.txt", "a3.txt", "a4.txt")...)
	put(t, s, docsNamed(t, "a2v2.txt")...)
	v1, v2 := docsNamed(t, "a2.txt")[0].ID, docsNamed(t, "a2v2.txt")[0].ID
	articles := func(q whosaid.StatementQuery) map[string]int {
		t.Helper()
		out := map[string]int{}
		page, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range page.Items {
			out[h.ArticleID]++
		}
		return out
	}
	for _, q := range []whosaid.StatementQuery{
		{Text: "negotiate"},
		{Text: "ports", Limit: 50},
		{Speaker: "Aylin Kaya", Limit: 50},
		{Outlet: "Evening Ledger", Limit: 50, Sort: whosaid.SortDate},
	} {
		got := articles(q)
		if got[v1] != 0 || got[v2] == 0 {
			t.Errorf("%+v: statements per article %v; want the newest version %s only", q, got, v2)
		}
		q.AllVersions = true
		if all := articles(q); all[v1] == 0 || all[v2] == 0 {
			t.Errorf("%+v: statements per article %v; want both versions", q, all)
		}
	}
	n, nAll := 0, 0
	s.Export(ctx, whosaid.StatementQuery{}, func(h whosaid.StatementHit) error {
		if h.ArticleID == v1 {
			t.Errorf("export gave %s of the older version", h.ID)
		}
		n++
		return nil
	})
	s.Export(ctx, whosaid.StatementQuery{AllVersions: true}, func(whosaid.StatementHit) error { nAll++; return nil })
	if v1stmts := len(docsNamed(t, "a2.txt")[0].Statements); nAll != n+v1stmts {
		t.Errorf("export of all versions: %d statements, newest only %d; want %d more", nAll, n, v1stmts)
	}
	// The older version stays readable by its id.
	if a, err := s.Article(ctx, v1); err != nil || a.Version != 1 {
		t.Errorf("the older version: %+v, %v", a, err)
	}
}
