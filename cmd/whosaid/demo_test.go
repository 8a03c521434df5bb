package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/sqlite"
	"github.com/whosaid/whosaid/wire"
)

var update = flag.Bool("update", false, "rewrite testdata goldens")

const examples = "../../examples/articles"

// extractExamples runs `extract --format jsonl` on the examples.
func extractExamples(t *testing.T) []wire.Article {
	t.Helper()
	code, out, stderr := run(t, "", "extract", "--format", "jsonl", examples)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var arts []wire.Article
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var a wire.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

// TestExamplesGolden holds who says what in the demo articles: one line
// per statement (file, kind, speaker, the words naming the speaker, cue,
// content). testdata/examples.golden was checked by hand against the
// articles; `go test ./cmd/whosaid -run ExamplesGolden -update` rewrites
// it, and the diff is reviewed like code.
func TestExamplesGolden(t *testing.T) {
	var b strings.Builder
	for _, a := range extractExamples(t) {
		for _, s := range a.Statements {
			who, src, cue := "-", "-", "-"
			if s.Speaker != nil {
				who = s.Speaker.Name
			}
			if s.Source != nil {
				src = s.Source.Text
			}
			if s.Cue != nil {
				cue = s.Cue.Text
			}
			fmt.Fprintf(&b, "%s | %s | %s | %s | %s | %s\n", filepath.Base(strings.SplitN(a.Source, "#", 2)[0]), s.Kind, who, src, cue,
				strings.Join(strings.Fields(s.Content.Text), " "))
		}
	}
	path := filepath.Join("testdata", "examples.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(g) || i < len(w); i++ {
			var x, y string
			if i < len(g) {
				x = g[i]
			}
			if i < len(w) {
				y = w[i]
			}
			if x != y {
				t.Errorf("statement %d:\n  got  %s\n  want %s", i+1, x, y)
			}
		}
	}
}

// TestDemoSpeakers: the README's demo as a new user runs it. The store
// keeps the two Kayas apart, and extract and ingest give every statement
// the same speaker id.
func TestDemoSpeakers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errs := run(t, "", "--db", db, "ingest", examples); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	code, out, _ := run(t, "", "--db", db, "speakers", "--format", "jsonl", "--top", "50")
	if code != 0 {
		t.Fatal(out)
	}
	byName := map[string]wire.SpeakerSummary{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var s wire.SpeakerSummary
		json.Unmarshal([]byte(l), &s)
		byName[s.Name] = s
	}
	aylin, mehmet := byName["Aylin Kaya"], byName["Mehmet Kaya"]
	if aylin.ID == "" || mehmet.ID == "" || aylin.ID == mehmet.ID {
		t.Fatalf("Aylin and Mehmet Kaya must be two speakers: %+v", byName)
	}
	for _, v := range aylin.Variants {
		if strings.Contains(v, "Mehmet") {
			t.Errorf("Aylin Kaya carries Mehmet's name: %v", aylin.Variants)
		}
	}
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n := 0
	for _, a := range extractExamples(t) {
		stored, err := st.Article(context.Background(), a.ID)
		if err != nil {
			t.Fatalf("extract's article %s is not the stored one: %v", a.ID, err)
		}
		byID := map[string]whosaid.StatementHit{}
		for _, h := range stored.Statements {
			byID[h.ID] = h
		}
		for _, s := range a.Statements {
			h, ok := byID[s.ID]
			if !ok {
				t.Errorf("%s: extract's statement is not stored", s.ID)
				continue
			}
			if (s.Speaker == nil) != (h.Speaker == nil) || s.Speaker != nil && s.Speaker.ID != h.Speaker.ID {
				t.Errorf("%s: extract says %+v, the store %+v", s.ID, s.Speaker, h.Speaker)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no statements compared")
	}
}

// TestSamePageWithAnotherCommentStoredOnce: the article id comes from the
// cleaned text, so a page that differs by an HTML comment is not a second
// version and search shows each statement once.
func TestSamePageWithAnotherCommentStoredOnce(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join(examples, "04-weekend-talks.html"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.html"), page, 0o644)
	os.WriteFile(filepath.Join(dir, "b.html"), []byte(strings.Replace(string(page), "</body>", "<!-- served by cache 7 --></body>", 1)), 0o644)
	db := filepath.Join(dir, "w.db")
	_, _, errs := run(t, "", "--db", db, "ingest", filepath.Join(dir, "a.html"), filepath.Join(dir, "b.html"))
	if !strings.Contains(errs, "2 articles: 1 new, 1 already stored") {
		t.Errorf("ingest summary: %s", errs)
	}
	_, out, _ := run(t, "", "--db", db, "search", "--format", "jsonl", "Demirel")
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var h wire.Hit
		json.Unmarshal([]byte(l), &h)
		if seen[h.Content.Text] {
			t.Errorf("statement shown twice: %q", h.Content.Text)
		}
		seen[h.Content.Text] = true
	}
}

// TestStoreLocations: --db picks the store by scheme; an unknown or
// unavailable one is refused with a clear message, and nothing is created.
func TestStoreLocations(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	// Nothing listens on port 1: a PostgreSQL address is tried, and refused
	// with a message naming it.
	code, _, errs := run(t, "", "--db", "postgres://user@127.0.0.1:1/whosaid", "stats")
	if code != 2 || !strings.Contains(errs, "PostgreSQL") || !strings.Contains(errs, "127.0.0.1:1") {
		t.Errorf("postgres: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "postgres:")); err == nil {
		t.Errorf("a folder named postgres: was created")
	}
	if code, _, errs := run(t, "", "--db", "mongodb://x/y", "stats"); code != 2 || !strings.Contains(errs, "unknown store scheme") {
		t.Errorf("unknown scheme: exit %d, %q", code, errs)
	}
	for _, loc := range []string{"plain.db", "sqlite://" + filepath.Join(dir, "url.db")} {
		if code, _, errs := run(t, "", "--db", loc, "ingest", filepath.Join(wd, examples, "01-harbour-strike.txt")); code != 0 {
			t.Errorf("ingest into %s: exit %d, %s", loc, code, errs)
		}
		if code, out, errs := run(t, "", "--db", loc, "stats", "--format", "json"); code != 0 || !strings.Contains(out, `"articles": 1`) {
			t.Errorf("%s: exit %d, %s %s", loc, code, out, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "url.db")); err != nil {
		t.Errorf("sqlite:// location: %v", err)
	}
	_ = whosaid.EUnsupported
}
