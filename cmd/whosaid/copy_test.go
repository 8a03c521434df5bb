package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/pgtest"
)

// TestCopyRoundTrip copies a store with review decisions SQLite →
// PostgreSQL → SQLite and checks the counts, the search results and the
// speakers are the same at each step, and that a second copy adds
// nothing.
func TestCopyRoundTrip(t *testing.T) {
	dir := t.TempDir()
	first, back := filepath.Join(dir, "first.db"), filepath.Join(dir, "back.db")
	pg := pgtest.DB(t)
	must := func(args ...string) (string, string) {
		t.Helper()
		code, out, errs := run(t, "", args...)
		if code != 0 {
			t.Fatalf("whosaid %v: exit %d: %s", args, code, errs)
		}
		return out, errs
	}
	must("--db", first, "ingest", examples)
	// A review decision, so decisions and pins travel too.
	ids := regexp.MustCompile(`spk_[0-9a-f]+`).FindAllString(first2(must("--db", first, "speakers", "--format", "jsonl")), -1)
	if len(ids) < 2 {
		t.Fatalf("want two speakers to merge, have %v", ids)
	}
	must("--db", first, "speakers", "merge", ids[0], ids[1], "--why", "test: one person")
	must("--db", first, "alerts", "add", "ports", "port", "--notify", "log")

	if _, errs := must("copy", "--from", first, "--to", pg); !strings.Contains(errs, "new") {
		t.Errorf("copy said %q", errs)
	}
	if _, errs := must("copy", "--from", first, "--to", pg); !strings.Contains(errs, " 0 new") {
		t.Errorf("a second copy added something: %q", errs)
	}
	must("copy", "--from", pg, "--to", back)
	views := [][]string{
		{"stats", "--format", "json"},
		{"search", "port OR ports OR minister", "--format", "jsonl"},
		{"search", "said", "--limit", "50", "--format", "jsonl"},
		{"export", "--format", "jsonl"},
		{"speakers", "--format", "json"},
		{"speaker", ids[0], "--format", "json"},
		{"alerts", "list", "--format", "json"},
	}
	norm := regexp.MustCompile(`"(location|bytes)": [^,\n]+`)
	for _, v := range views {
		want, _ := must(append([]string{"--db", first}, v...)...)
		want = norm.ReplaceAllString(want, "")
		for _, db := range []string{pg, back} {
			got, _ := must(append([]string{"--db", db}, v...)...)
			if got = norm.ReplaceAllString(got, ""); got != want {
				t.Errorf("whosaid %s on the copy in %s differs:\n%s", strings.Join(v, " "), db, firstLineDiff(want, got))
			}
		}
	}
}

func first2(out, _ string) string { return out }
