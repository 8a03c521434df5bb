package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid/wire"
)

// fakeClock advances by step at every reading, so rates and times left
// in progress reports are deterministic.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

// TestIngestProgress: on a terminal, ingest of a folder shows the files
// done of the total counted beforehand and the time left; no rate is shown
// before a second has passed; the summary says how many were new and how
// many stored already; --quiet prints nothing but errors.
func TestIngestProgress(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	ingest := func(step time.Duration, args ...string) string {
		var out, errb bytes.Buffer
		a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, stderrTTY: true, clock: fakeClock(step)}
		if code := a.run(context.Background(), append([]string{"--db", db, "ingest"}, args...)); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return errb.String()
	}
	files, _ := os.ReadDir(examples)
	total := strconv.Itoa(len(files))
	first := ingest(400*time.Millisecond, examples)
	frames := strings.Split(first, "\r")
	if len(frames) < 3 {
		t.Fatalf("no progress drawn: %q", first)
	}
	if !strings.Contains(frames[1], "/"+total+" files") || strings.Contains(frames[1], "/s") {
		t.Errorf("first frame %q: want the files of %s and no rate yet", frames[1], total)
	}
	if !regexp.MustCompile(`/` + total + ` files .*/s, about \d+s left`).MatchString(first) {
		t.Errorf("no frame with a rate and the time left: %q", first)
	}
	if !strings.Contains(first, "6 articles: 6 new, 0 already stored; 0 inputs failed") {
		t.Errorf("summary: %q", first)
	}
	again := ingest(200*time.Millisecond, examples)
	if !strings.Contains(again, "6 articles: 0 new, 6 already stored") {
		t.Errorf("summary of a second ingest: %q", again)
	}
	if quiet := ingest(time.Second, "--quiet", examples); quiet != "" {
		t.Errorf("--quiet printed %q", quiet)
	}
}

// TestExtractProgressOnTerminalOnly: extract draws progress on a terminal
// and keeps standard error for failures in a pipeline.
func TestExtractProgressOnTerminalOnly(t *testing.T) {
	for _, tty := range []bool{true, false} {
		var out, errb bytes.Buffer
		a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, stderrTTY: tty, clock: fakeClock(300 * time.Millisecond)}
		if code := a.run(context.Background(), []string{"extract", "--format", "jsonl", examples}); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		drawn := strings.Contains(errb.String(), "files") && strings.Contains(errb.String(), "6 articles")
		if drawn != tty {
			t.Errorf("terminal %v: stderr %q", tty, errb.String())
		}
	}
}

// TestStrayBytesStayUTF8: an article of UTF-8 with four stray bytes is
// read as UTF-8 — names and quotation marks intact, the four bytes
// replaced — with one warning naming it; the charset and how it was
// known are kept with the article.
func TestStrayBytesStayUTF8(t *testing.T) {
	clean, err := os.ReadFile(filepath.Join(examples, "02-minister-interview.txt"))
	if err != nil {
		t.Fatal(err)
	}
	damaged := bytes.Replace(clean, []byte(" the "), []byte(" the \x97"), 4)
	dir := t.TempDir()
	path := filepath.Join(dir, "damaged.txt")
	os.WriteFile(path, damaged, 0o644)
	extract := func(file string) (wire.Article, string) {
		code, out, errs := run(t, "", "extract", "--format", "jsonl", file)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var a wire.Article
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatal(err)
		}
		return a, errs
	}
	want, _ := extract(filepath.Join(examples, "02-minister-interview.txt"))
	got, errs := extract(path)
	if strings.Count(got.Text, "\uFFFD") != 4 || strings.Contains(got.Text, "â€") {
		t.Errorf("text not UTF-8 with four replacements: %q", got.Text[:200])
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "damaged.txt") || !strings.Contains(lines[0], "4 bytes") {
		t.Errorf("want one warning naming the input: %q", errs)
	}
	if len(got.Statements) != len(want.Statements) {
		t.Fatalf("%d statements, %d without the damage", len(got.Statements), len(want.Statements))
	}
	for i, s := range got.Statements {
		if (s.Speaker == nil) != (want.Statements[i].Speaker == nil) || s.Speaker != nil && s.Speaker.Name != want.Statements[i].Speaker.Name {
			t.Errorf("statement %d: speaker %+v, without the damage %+v", i, s.Speaker, want.Statements[i].Speaker)
		}
	}
	if got.Charset == nil || *got.Charset != "utf-8" || got.CharsetFrom == nil || !strings.Contains(*got.CharsetFrom, "replaced") {
		t.Errorf("charset %v from %v", got.Charset, got.CharsetFrom)
	}
	// Stored, the article keeps its charset provenance.
	db := filepath.Join(dir, "w.db")
	if code, _, errs := run(t, "", "--db", db, "ingest", "-q", path); code != 0 || !strings.Contains(errs, "warning") {
		t.Fatalf("ingest: exit %d, %s", code, errs)
	}
	code, out, _ := run(t, "", "--db", db, "article", got.ID, "--format", "json")
	if code != 0 || !strings.Contains(out, `"charset": "utf-8"`) || !strings.Contains(out, `"charset_from": "UTF-8 with bytes`) {
		t.Errorf("stored article: exit %d, %.300s", code, out)
	}
}
