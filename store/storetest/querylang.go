package storetest

import (
	"context"
	"testing"

	"github.com/whosaid/whosaid"
)

// docsNamed returns fresh copies of the fixture's docs by name.
func docsNamed(t *testing.T, names ...string) []*whosaid.Doc {
	t.Helper()
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

// queryLanguage checks the search query language (package textquery) as
// sets of matching statements: OR, NOT and -, prefixes, phrases, English
// stemming, and EInvalid for a query that cannot be read.
func queryLanguage(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	s := open(t)
	put(t, s, docsNamed(t, "a1.txt", "a2.txt", "a3.txt", "a4.txt")...)
	contents := func(q string) map[string]bool {
		t.Helper()
		page, err := s.Search(ctx, whosaid.StatementQuery{Text: q, Limit: 50})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		out := map[string]bool{}
		for _, h := range page.Items {
			out[h.Content.Text] = true
		}
		return out
	}
	const (
		strike   = "that the strike would end once wages were paid"
		waited   = `"We have waited four months,"`
		pressure = "the government would not negotiate under pressure"
		reopen   = "that the ports would reopen"
		closed   = "that the ports would stay closed"
		court    = "the court needed more time to review the port contract"
		doors    = "the port contract had been signed behind closed doors"
	)
	cases := []struct {
		q    string
		want []string
	}{
		{"court", []string{court}},
		{"strike OR court", []string{strike, waited, court}}, // a1's title says strike
		{"ports", []string{reopen, closed, court, doors}},    // stemmed: port, ports
		{"port NOT contract", []string{reopen, closed}},
		{"port -contract", []string{reopen, closed}},
		{"negotiating", []string{pressure}}, // stemmed: negotiate
		{"reviewed", []string{court}},
		{"wait", []string{waited}},
		{"negot*", []string{pressure}},
		{"negotiat*", []string{pressure}}, // longer than the stem "negoti"
		{"revie*", []string{court}},
		{"reopening*", []string{reopen}}, // as "reopening" does: stemmed
		{"reopenx*", nil},
		{"Negotiat*", []string{pressure}},
		{`"port contract"`, []string{court, doors}},
		{`"contract port"`, nil},
		{"(court OR doors) -review", []string{doors}},
		{"ports reopen", []string{reopen}},
		{"PORTS Reopen", []string{reopen}},
	}
	for _, c := range cases {
		got := contents(c.q)
		if len(got) != len(c.want) {
			t.Errorf("%q: %d statements %v, want %d %v", c.q, len(got), keys(got), len(c.want), c.want)
			continue
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%q: %q missing from %v", c.q, w, keys(got))
			}
		}
	}
	for _, bad := range []string{"(", `"AND OR ( *`, "court OR", "-court", "court)"} {
		if _, err := s.Search(ctx, whosaid.StatementQuery{Text: bad}); whosaid.ErrorCode(err) != whosaid.EInvalid {
			t.Errorf("search %q: %v, want EInvalid", bad, err)
		}
		err := s.Export(ctx, whosaid.StatementQuery{Text: bad}, func(whosaid.StatementHit) error { return nil })
		if whosaid.ErrorCode(err) != whosaid.EInvalid {
			t.Errorf("export %q: %v, want EInvalid", bad, err)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
