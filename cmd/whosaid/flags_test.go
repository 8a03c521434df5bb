package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/wire"
)

// TestFlagsMeanOneThing: the filters find what a person means by a part of
// a name, say so when they name nothing, malformed queries are refused,
// --limit 0 and --top 0 both mean all, and --db is refused where no store
// is used.
func TestFlagsMeanOneThing(t *testing.T) {
	db := exampleStore(t)
	hits := func(args ...string) []wire.Hit {
		t.Helper()
		code, out, errs := run(t, "", append([]string{"--db", db, "--format", "jsonl"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, errs)
		}
		var hs []wire.Hit
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var h wire.Hit
			if l != "" && json.Unmarshal([]byte(l), &h) == nil {
				hs = append(hs, h)
			}
		}
		return hs
	}
	// A given name alone, and an outlet by the start of a word, any case.
	for _, c := range []struct {
		args        []string
		speaker     string
		outlet      string
		atLeast     int
		wantOutlets bool
	}{
		{[]string{"search", "--speaker", "Yusuf", "--limit", "0"}, "Yusuf Demirel", "", 5, false},
		{[]string{"search", "--speaker", "nadia"}, "Nadia Ferraro", "", 1, false},
		{[]string{"search", "--outlet", "harb", "strike"}, "", "Harbour Post", 1, true},
		{[]string{"export", "--outlet", "COASTLINE"}, "", "Coastline Courier", 1, true},
	} {
		hs := hits(c.args...)
		if len(hs) < c.atLeast {
			t.Errorf("%v: %d hits, want at least %d", c.args, len(hs), c.atLeast)
		}
		for _, h := range hs {
			if c.speaker != "" && (h.Speaker == nil || h.Speaker.Name != c.speaker) {
				t.Errorf("%v let through %+v", c.args, h.Speaker)
			}
			if c.wantOutlets && (h.Outlet == nil || *h.Outlet != c.outlet) {
				t.Errorf("%v let through outlet %v", c.args, h.Outlet)
			}
		}
	}
	// What names nothing, or cannot be read, is an error like `speaker Nobody`.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "--speaker", "Nobody", "strike"}, `no speaker "Nobody"`},
		{[]string{"export", "--speaker", "Nobody"}, `no speaker "Nobody"`},
		{[]string{"speaker", "Nobody"}, `no speaker "Nobody"`},
		{[]string{"search", "--outlet", "Nowhere Gazette"}, `no outlet "Nowhere Gazette"`},
		{[]string{"search", "("}, `"(" is not closed`},
		{[]string{"search", "strike", "OR"}, "OR needs a word"},
		{[]string{"export", "NOT strike"}, "only excludes"},
		{[]string{"search"}, "needs a QUERY or a filter"},
		{[]string{"search", "--limit", "-1", "strike"}, "--limit -1"},
		{[]string{"speakers", "--top", "-1"}, "--top -1"},
		{[]string{"statement", "nope-1"}, `no statement "nope-1"`},
		{[]string{"statement", "nope-1", "--speaker", "Demirel"}, "needs --why"},
	} {
		code, out, errs := run(t, "", append([]string{"--db", db}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errs, c.want)
		}
	}
	// A -word excludes, in a quoted query and unquoted among the flags.
	strike := len(hits("search", "strike", "--limit", "0"))
	for _, args := range [][]string{{"search", "strike -talks", "--limit", "0"}, {"search", "strike", "-talks", "--limit", "0"},
		{"search", "--limit", "0", "strike", "-talks"}} {
		got := hits(args...)
		for _, h := range got {
			if strings.Contains(strings.ToLower(h.Content.Text+*h.Title), "talks") {
				t.Errorf("%q found %q (%s)", args, h.Content.Text, *h.Title)
			}
		}
		if len(got) == 0 || len(got) >= strike {
			t.Errorf("%q: %d hits of %d for strike; want some, fewer", args, len(got), strike)
		}
	}
	// One meaning of 0: all.
	_, stats, _ := run(t, "", "--db", db, "stats", "--format", "jsonl")
	var st wire.Stats
	json.Unmarshal([]byte(stats), &st)
	// Stats count every attribution stored: search --all shows them all.
	if n := len(hits("search", "--all", "--limit", "0", "--kind", "direct")) + len(hits("search", "--all", "--limit", "0", "--kind", "indirect")) + len(hits("search", "--all", "--limit", "0", "--kind", "mixed")); n != st.Statements {
		t.Errorf("search --limit 0 by kind: %d statements of %d", n, st.Statements)
	}
	_, out, _ := run(t, "", "--db", db, "speakers", "--top", "0", "--format", "jsonl")
	if n := strings.Count(out, "\n"); n != st.Speakers {
		t.Errorf("speakers --top 0: %d of %d speakers", n, st.Speakers)
	}
	// --db only where a store is used; help without placeholders.
	for _, args := range [][]string{{"extract", examples}, {"names", "compare"}, {"train", "attrib"}, {"eval", "attrib"}, {"version"}} {
		code, _, errs := run(t, "", append([]string{"--db", db}, args...)...)
		if code != 2 || !strings.Contains(errs, "uses no store") {
			t.Errorf("--db %v: exit %d, %q", args, code, errs)
		}
		_, help, _ := run(t, "", append(args[:1:1], "--help")...)
		if strings.Contains(help, "--db") {
			t.Errorf("%s --help shows --db", args[0])
		}
	}
	_, help, _ := run(t, "", "extract", "--help")
	if !strings.Contains(help, "--attrib-model FILE") {
		t.Errorf("extract --help: %q", help)
	}
	_, help, _ = run(t, "", "export", "--help")
	if !strings.Contains(help, "a table on a terminal") || strings.Contains(help, "[--format jsonl|json|csv|table]") {
		t.Errorf("export --help: %q", help)
	}
}
