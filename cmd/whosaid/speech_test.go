package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/wire"
)

// TestSpeechByDefault: extract, search and export show what was said;
// --all adds every other attribution, each with its class.
func TestSpeechByDefault(t *testing.T) {
	dir := t.TempDir()
	text := "Harbour Vote Delayed\n\nCouncillor Petra Lind said on Monday that the vote on the harbour plan would be delayed.\n\n" +
		"Lind believes the council rushed the plan through last year.\n\nThe council voted against a second inquiry in March.\n"
	in := filepath.Join(dir, "lind.txt")
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	classes := func(args ...string) map[string]string {
		t.Helper()
		code, out, errs := run(t, "", append([]string{"extract", "--format", "jsonl"}, append(args, in)...)...)
		if code != 0 {
			t.Fatalf("extract %v: exit %d: %s", args, code, errs)
		}
		var a wire.Article
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("extract output: %v: %q", err, out)
		}
		got := map[string]string{}
		for _, s := range a.Statements {
			got[s.Content.Text] = s.Class
		}
		return got
	}
	said := "that the vote on the harbour plan would be delayed"
	belief := "the council rushed the plan through last year"
	def := classes()
	if def[said] != "speech" || len(def) != 1 {
		t.Errorf("extract: %v; want only the speech statement %q", def, said)
	}
	all := classes("--all")
	if all[said] != "speech" || all[belief] != "thought" {
		t.Errorf("extract --all: %v; want the speech and the belief (thought)", all)
	}

	db := filepath.Join(dir, "s.db")
	if code, _, errs := run(t, "", "--db", db, "ingest", in); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	count := func(args ...string) int {
		t.Helper()
		code, out, errs := run(t, "", append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		n := 0
		for _, c := range out {
			if c == '\n' {
				n++
			}
		}
		return n
	}
	// --min-confidence filters by the calibrated confidence, and refuses
	// a number outside 0..1.
	if n, high := count("export", "--all", "--format", "jsonl"), count("export", "--all", "--format", "jsonl", "--min-confidence", "0.999"); high >= n {
		t.Errorf("export --min-confidence 0.999: %d of %d statements; want fewer", high, n)
	}
	if code, _, errs := run(t, "", "--db", db, "search", "plan", "--min-confidence", "1.5"); code != 2 || !strings.Contains(errs, "min-confidence") {
		t.Errorf("--min-confidence 1.5: exit %d, %q; want exit 2 naming the flag", code, errs)
	}
	for _, cmd := range [][]string{{"search", "--format", "jsonl", "plan"}, {"export", "--format", "jsonl"}} {
		if n, nAll := count(cmd...), count(append(cmd, "--all")...); n != 1 || nAll < 2 {
			t.Errorf("%v: %d statements, with --all %d; want 1 and 2 or more", cmd, n, nAll)
		}
	}
}
