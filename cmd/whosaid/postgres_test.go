package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/pgtest"
)

// TestSameOutputsBothStores ingests the examples into a SQLite file and a
// PostgreSQL database and checks every read command prints the same in
// both (stats differ only in where the store is and its size).
func TestSameOutputsBothStores(t *testing.T) {
	lite := filepath.Join(t.TempDir(), "w.db")
	pg := pgtest.DB(t)
	for _, db := range []string{lite, pg} {
		if code, _, errs := run(t, "", "--db", db, "ingest", examples); code != 0 {
			t.Fatalf("ingest into %s: exit %d: %s", db, code, errs)
		}
	}
	out := func(db string, args ...string) string {
		t.Helper()
		code, o, errs := run(t, "", append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("%s %v: exit %d: %s", db, args, code, errs)
		}
		return o
	}
	// An article id and a speaker to ask about.
	first := strings.SplitN(out(lite, "export", "--format", "csv"), "\n", 3)
	if len(first) < 3 {
		t.Fatalf("export gave %q", first)
	}
	ids := regexp.MustCompile(`[0-9a-f]{16}`).FindString(first[1])
	speaker := regexp.MustCompile(`spk_[0-9a-f]+`).FindString(out(lite, "speakers", "--format", "jsonl"))
	if ids == "" || speaker == "" {
		t.Fatalf("no article id or speaker id in the outputs")
	}
	commands := [][]string{
		{"search", "port", "--format", "json"},
		{"search", "ports OR strike", "--format", "jsonl"},
		{"search", "minister", "--format", "table"},
		{"search", "--outlet", "harbour", "--format", "csv"},
		{"search", "said", "--kind", "direct", "--limit", "3", "--format", "json"},
		{"speakers", "--format", "json"},
		{"speakers"},
		{"speaker", speaker, "--format", "json"},
		{"article", ids, "--format", "json"},
		{"article", ids},
		{"export", "--format", "jsonl"},
		{"export", "talks", "--format", "csv"},
	}
	for _, c := range commands {
		if a, b := out(lite, c...), out(pg, c...); a != b {
			t.Errorf("whosaid %s differs:\n%s", strings.Join(c, " "), firstLineDiff(a, b))
		}
	}
	norm := regexp.MustCompile(`"(location|bytes)": [^,\n]+`)
	a := norm.ReplaceAllString(out(lite, "stats", "--format", "json"), "")
	b := norm.ReplaceAllString(out(pg, "stats", "--format", "json"), "")
	if a != b {
		t.Errorf("stats differ: sqlite %s, postgres %s", a, b)
	}
}

func firstLineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(x) || i < len(y); i++ {
		var p, q string
		if i < len(x) {
			p = x[i]
		}
		if i < len(y) {
			q = y[i]
		}
		if p != q {
			return "  sqlite:   " + p + "\n  postgres: " + q
		}
	}
	return ""
}

// TestSameSearchesGeneratedCorpus ingests 100 generated articles into
// both stores and compares searches over their vocabulary: every hit, in
// order, with its score.
func TestSameSearchesGeneratedCorpus(t *testing.T) {
	paths := corpus(t, 4, 25)
	lite := filepath.Join(t.TempDir(), "g.db")
	pg := pgtest.DB(t)
	for _, db := range []string{lite, pg} {
		if code, _, errs := run(t, "", append([]string{"--db", db, "ingest", "--quiet"}, paths...)...); code != 0 {
			t.Fatalf("ingest into %s: exit %d: %s", db, code, errs)
		}
	}
	queries := []string{"budget", "border OR elections", `"national security"`, "reform*", "talks -ceasefire", "parliament",
		"agreed", "agreement", "decided next month", "government", "water", "the", "said", "delay*", "would OR could OR must",
		"port OR railway", `"previous government"`, "help", "supply", "fuel -water", "elections -budget"}
	for _, q := range queries {
		args := []string{"search", q, "--limit", "100", "--format", "jsonl"}
		_, a, _ := run(t, "", append([]string{"--db", lite}, args...)...)
		_, b, _ := run(t, "", append([]string{"--db", pg}, args...)...)
		if a != b {
			t.Errorf("search %s differs:\n%s", q, firstLineDiff(a, b))
		}
		if a == "" {
			t.Errorf("search %s found nothing: pick words the corpus has", q)
		}
	}
}
