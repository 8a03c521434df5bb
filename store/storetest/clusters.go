package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

// reportedBy is d as another outlet (or the same one at another address)
// carried it a day later: its own statements, so clustering one copy
// leaves the others alone.
func reportedBy(d *whosaid.Doc, url, outlet string, days int) *whosaid.Doc {
	c := atURL(d, url)
	c.Statements = append([]whosaid.Statement(nil), d.Statements...)
	for i := range c.Statements {
		c.Statements[i].Cluster = ""
	}
	c.Entities = append([]whosaid.Entity(nil), d.Entities...)
	c.Meta.Outlet = outlet
	if d.Meta.Published != nil {
		p := d.Meta.Published.AddDate(0, 0, days)
		c.Meta.Published = &p
	}
	return c
}

// clusters checks statement clusters: one statement carried by three
// outlets (and reprinted by one of them) is one cluster of four reports
// and three independent outlets, first reported by the earliest; the
// filters Independent and First, and Cluster's reports in order.
func clusters(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	s := open(t)
	put(t, s, docsNamed(t, "a1.txt", "a2.txt", "a3.txt", "a4.txt")...)
	a2 := docsNamed(t, "a2.txt")[0]
	// Stored before the original would be, by date: the original stays
	// first because it was published first.
	later := reportedBy(a2, "https://coast.example/a2", "Coast Times", 2)
	put(t, s, later,
		reportedBy(a2, "https://wire.example/a2", "Island Wire", 1),
		reportedBy(a2, "https://news.example/a2-reprint", "Evening Ledger", 1))
	page, err := s.Clusters(ctx, whosaid.ClusterQuery{StatementQuery: whosaid.StatementQuery{Text: "negotiate"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) == 0 {
		t.Fatal("no cluster says negotiate")
	}
	c := page.Items[0]
	if c.Reports != 4 || c.Independent != 3 || len(c.Outlets) != 3 {
		t.Errorf("cluster %s: %d reports, %d independent outlets %v; want 4, 3", c.ID, c.Reports, c.Independent, c.Outlets)
	}
	if c.First.ArticleID != a2.ID || c.Speaker == nil || c.Speaker.Name != "Aylin Kaya" {
		t.Errorf("cluster %s: first report %s by %+v; want %s's by Aylin Kaya", c.ID, c.First.ArticleID, c.Speaker, a2.ID)
	}
	d, err := s.Cluster(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Statements) != 4 || d.Statements[0].ArticleID != a2.ID || d.Statements[3].ArticleID != later.ID {
		t.Errorf("cluster %s reports %d, first %s, last %s; want 4 from %s to %s", c.ID, len(d.Statements), d.Statements[0].ArticleID, d.Statements[len(d.Statements)-1].ArticleID, a2.ID, later.ID)
	}
	var last time.Time
	for _, h := range d.Statements {
		if h.Cluster != c.ID {
			t.Errorf("report %s names cluster %q, want %s", h.ID, h.Cluster, c.ID)
		}
		if h.Published != nil && h.Published.Before(last) {
			t.Errorf("reports out of order at %s", h.ID)
		}
		if h.Published != nil {
			last = *h.Published
		}
	}
	count := func(q whosaid.StatementQuery) int {
		n := 0
		if err := s.Export(ctx, q, func(whosaid.StatementHit) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n, all := count(whosaid.StatementQuery{Text: "negotiate", Independent: 3}), count(whosaid.StatementQuery{Text: "negotiate"}); n != 4 || all < n {
		t.Errorf("Independent 3: %d statements of %d; want the cluster's 4", n, all)
	}
	if n := count(whosaid.StatementQuery{Text: "negotiate", Independent: 4}); n != 0 {
		t.Errorf("Independent 4: %d statements; want none (a reprint is not an outlet)", n)
	}
	if n := count(whosaid.StatementQuery{Text: "negotiate", Independent: 3, First: true}); n != 1 {
		t.Errorf("Independent 3, First: %d statements; want the first report only", n)
	}
	if _, err := s.Cluster(ctx, "cl_none"); whosaid.ErrorCode(err) != whosaid.ENotFound {
		t.Errorf("unknown cluster: %v, want ENotFound", err)
	}
}
