package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

// nameFilters checks that speaker and outlet filters find what a person
// typing a part of the name means: a speaker by any spelling, a family
// name or a given name alone (all its bearers); an outlet by the start of
// any of its words, in any case. A name that fits nothing is ENotFound,
// for Search and Export alike, as Speaker says for an unknown speaker.
func nameFilters(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	s := open(t)
	put(t, s, docsNamed(t, "a1.txt", "a2.txt", "a3.txt", "a4.txt")...)
	speakers := func(q whosaid.StatementQuery) map[string]bool {
		t.Helper()
		q.Limit = 50
		page, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		out := map[string]bool{}
		for _, h := range page.Items {
			name := "-"
			if h.Speaker != nil {
				name = h.Speaker.Name
			}
			out[name+" @ "+h.Outlet] = true
		}
		return out
	}
	cases := []struct {
		q    whosaid.StatementQuery
		want []string // speaker @ outlet of every hit
	}{
		{whosaid.StatementQuery{Speaker: "Yusuf"}, []string{"Yusuf Demirel @ Daily Harbour", "Yusuf Demirel @ Evening Ledger"}},
		{whosaid.StatementQuery{Speaker: "yusuf demirel"}, []string{"Yusuf Demirel @ Daily Harbour", "Yusuf Demirel @ Evening Ledger"}},
		{whosaid.StatementQuery{Speaker: "Marta"}, []string{"Marta Kaya @ Daily Harbour"}},
		{whosaid.StatementQuery{Speaker: "MEHMET"}, []string{"Mehmet Kaya @ Evening Ledger"}},
		{whosaid.StatementQuery{Outlet: "ledger", Speaker: "Mehmet"}, []string{"Mehmet Kaya @ Evening Ledger"}},
		{whosaid.StatementQuery{Outlet: "even", Text: "reopen OR closed"}, []string{"Aylin Kaya @ Evening Ledger", "Yusuf Demirel @ Evening Ledger", "Mehmet Kaya @ Evening Ledger"}},
		{whosaid.StatementQuery{Outlet: "DAILY", Text: "court"}, []string{"Marta Kaya @ Daily Harbour"}},
	}
	for _, c := range cases {
		got := speakers(c.q)
		if len(got) != len(c.want) {
			t.Errorf("%+v: %v, want %v", c.q, keys(got), c.want)
			continue
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%+v: %v, want %v", c.q, keys(got), c.want)
			}
		}
	}
	for _, q := range []whosaid.StatementQuery{
		{Speaker: "Nobody Atall"},
		{Speaker: "Nobody Atall", Text: "strike"},
		{Outlet: "Nowhere Gazette"},
		{Outlet: "Nowhere Gazette", Text: "strike"},
	} {
		_, err := s.Search(ctx, q)
		if whosaid.ErrorCode(err) != whosaid.ENotFound || !strings.Contains(err.Error(), q.Speaker+q.Outlet) {
			t.Errorf("search %+v: %v, want ENotFound naming it", q, err)
		}
		err = s.Export(ctx, q, func(whosaid.StatementHit) error { return nil })
		if whosaid.ErrorCode(err) != whosaid.ENotFound {
			t.Errorf("export %+v: %v, want ENotFound", q, err)
		}
	}
}
