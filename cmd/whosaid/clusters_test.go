package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/wire"
)

// page is an article page of an outlet, as a JSONL record.
func page(url, site, published, title string, paras ...string) string {
	var body strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&body, "\n<p>%s</p>", p)
	}
	html := fmt.Sprintf(`<html><head><meta property="og:site_name" content="%s"><title>%s</title></head><body><article>%s</article></body></html>`,
		site, title, body.String())
	b, _ := json.Marshal(map[string]string{"url": url, "published": published, "html": html})
	return string(b) + "\n"
}

// TestClusters: one statement carried by three outlets, cut differently
// and paraphrased, is one cluster of three independent outlets; a reprint
// by one of them does not make it four; a denial and another statement of
// the same day stay apart; a report ingested later joins the cluster.
func TestClusters(t *testing.T) {
	dir := t.TempDir()
	const full = `"The harbour will stay closed until every worker has been paid in full. We will not sign any deal before that," union leader Petra Lind said on Tuesday.`
	first := page("https://ledger.example/a", "Harbour Ledger", "2024-05-07", "Harbour to stay shut",
		full, "The port authority has offered half of the arrears.")
	reprint := page("https://ledger.example/b", "Harbour Ledger", "2024-05-08", "Lind: harbour stays shut until pay",
		full, "The port authority has offered half of the arrears.", "Read more from the Harbour Ledger.")
	cut := page("https://coast.example/n1", "Coast Times", "2024-05-08", "Union keeps harbour closed",
		`"The harbour will stay closed until every worker has been paid in full," Petra Lind told reporters.`,
		`Petra Lind also said that the ferry company had lost two million in fares this month.`)
	paraphrase := page("https://star.example/x", "Evening Star", "2024-05-08", "Harbour strike goes on",
		`Union leader Petra Lind said the harbour would stay closed until every worker had been paid in full.`,
		"Ships have been waiting outside the port for a week.")
	denial := page("https://post.example/d", "Morning Post", "2024-05-09", "Union leader denies blockade order",
		`Petra Lind denied that the union had ordered the blockade of the harbour entrance.`,
		`Earlier, Petra Lind said the union had ordered the blockade of the harbour entrance.`)
	if err := os.WriteFile(filepath.Join(dir, "day1.jsonl"), []byte(first+reprint+cut+paraphrase+denial), 0o644); err != nil {
		t.Fatal(err)
	}
	later := page("https://wire.example/z", "Island Wire", "2024-05-10", "Harbour strike: union stands firm",
		`Petra Lind said again that the harbour would stay closed until every worker had been paid in full.`,
		"The strike began six weeks ago.")
	if err := os.WriteFile(filepath.Join(dir, "day2.jsonl"), []byte(later), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "c.db")
	if code, _, errs := run(t, "", "--db", db, "ingest", filepath.Join(dir, "day1.jsonl")); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	clusters := func() []wire.Cluster {
		t.Helper()
		code, out, errs := run(t, "", "--db", db, "search", "--clusters", "--format", "jsonl", "harbour")
		if code != 0 {
			t.Fatalf("search --clusters: exit %d: %s", code, errs)
		}
		var cs []wire.Cluster
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var c wire.Cluster
			if err := json.Unmarshal([]byte(l), &c); err != nil {
				t.Fatalf("%v: %q", err, l)
			}
			cs = append(cs, c)
		}
		return cs
	}
	cs := clusters()
	if len(cs) == 0 {
		t.Fatal("no clusters")
	}
	if len(cs) == 0 || cs[0].Independent != 3 || cs[0].Reports != 4 || !strings.Contains(cs[0].Wording, "every worker") {
		t.Fatalf("best cluster %+v; want the closed-harbour statement: 4 reports, 3 independent outlets", cs)
	}
	top := cs[0]

	if top.First.Outlet == nil || *top.First.Outlet != "Harbour Ledger" || top.First.Published == nil || !strings.HasPrefix(*top.First.Published, "2024-05-07") {
		t.Errorf("first report %+v; want the Harbour Ledger's of 2024-05-07", top.First)
	}
	// The denial and the statement it denies, and the fares statement, are
	// clusters of their own.
	byWords := map[string]wire.Cluster{}
	for _, c := range cs[1:] {
		byWords[c.Wording] = c
	}
	var denied, affirmed int
	for w, c := range byWords {
		if strings.Contains(w, "blockade") {
			if c.ID == top.ID {
				t.Errorf("blockade statement %q joined the harbour cluster", w)
			}
			if strings.Contains(w, "had ordered") {
				if c.First.Cue != nil && strings.Contains(c.First.Cue.Text, "denied") {
					denied++
				} else {
					affirmed++
				}
			}
		}
	}
	if denied != 1 || affirmed != 1 {
		t.Errorf("denial and affirmation: %d and %d clusters, want one each: %v", denied, affirmed, byWords)
	}
	code, out, _ := run(t, "", "--db", db, "export", "--format", "jsonl", "fares")
	var fares wire.Hit
	json.Unmarshal([]byte(strings.TrimSpace(out)), &fares)
	if code != 0 || fares.Cluster == nil || *fares.Cluster == top.ID {
		t.Errorf("the fares statement: cluster %v; want one apart from %s", fares.Cluster, top.ID)
	}
	// --independent and --first filter statements by their cluster.
	code, out, _ = run(t, "", "--db", db, "export", "--format", "jsonl", "--independent", "3")
	if n := strings.Count(out, "\n"); code != 0 || n != 4 {
		t.Errorf("export --independent 3: exit %d, %d statements; want the cluster's 4", code, n)
	}
	code, out, _ = run(t, "", "--db", db, "export", "--format", "jsonl", "--independent", "3", "--first")
	if n := strings.Count(out, "\n"); code != 0 || n != 1 || !strings.Contains(out, top.First.ID) {
		t.Errorf("export --independent 3 --first: exit %d, %d statements %q; want the first report %s", code, n, out, top.First.ID)
	}
	// A report ingested later joins the cluster: four independent outlets.
	if code, _, errs := run(t, "", "--db", db, "ingest", filepath.Join(dir, "day2.jsonl")); code != 0 {
		t.Fatalf("ingest later: %s", errs)
	}
	code, out, errs := run(t, "", "--db", db, "cluster", top.ID, "--format", "json")
	if code != 0 {
		t.Fatalf("cluster %s: exit %d: %s", top.ID, code, errs)
	}
	var got []wire.Cluster
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 {
		t.Fatalf("cluster --format json: %v: %q", err, out)
	}
	c := got[0]
	if c.Independent != 4 || len(c.Statements) != 5 {
		t.Errorf("after the later report: %d independent outlets, %d reports; want 4 and 5", c.Independent, len(c.Statements))
	}
	for i := 1; i < len(c.Statements); i++ {
		if p, q := c.Statements[i-1].Published, c.Statements[i].Published; p != nil && q != nil && *p > *q {
			t.Errorf("reports out of order: %s before %s", *p, *q)
		}
	}
	if code, _, errs := run(t, "", "--db", db, "cluster", "cl_nothing"); code != 2 || !strings.Contains(errs, "cl_nothing") {
		t.Errorf("unknown cluster: exit %d, %q; want exit 2 naming it", code, errs)
	}
}
