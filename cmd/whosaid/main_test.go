package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the program in-process and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := a.run(context.Background(), args)
	return code, out.String(), errb.String()
}

func TestExtractJSONLShape(t *testing.T) {
	code, out, stderr := run(t, "", "extract", "--format", "jsonl", "../../examples/articles")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 4 {
		t.Fatalf("%d articles, want the 4 examples", len(lines))
	}
	speakerIDs := map[string]map[string]bool{} // name -> ids
	for _, l := range lines {
		var a map[string]any
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"source", "id", "title", "outlet", "byline", "published", "published_from", "text", "statements", "speakers"} {
			if _, ok := a[k]; !ok {
				t.Errorf("%s: key %q missing", a["source"], k)
			}
		}
		text := []rune(a["text"].(string))
		for _, s := range a["statements"].([]any) {
			st := s.(map[string]any)
			c := st["content"].(map[string]any)
			start, end := int(c["start"].(float64)), int(c["end"].(float64))
			if start < 0 || end > len(text) || string(text[start:end]) != c["text"] {
				t.Errorf("content offsets [%d,%d) do not give its text %q", start, end, c["text"])
			}
			if sp, ok := st["speaker"].(map[string]any); ok && sp != nil {
				name := sp["name"].(string)
				if speakerIDs[name] == nil {
					speakerIDs[name] = map[string]bool{}
				}
				speakerIDs[name][sp["id"].(string)] = true
			}
		}
	}
	for name, ids := range speakerIDs {
		if len(ids) > 1 {
			t.Errorf("speaker %q has %d ids in one run", name, len(ids))
		}
	}
	if len(speakerIDs["Yusuf Demirel"]) != 1 {
		t.Errorf("the union leader, spelled Demirel and Demirell, should be one speaker: %v", speakerIDs)
	}
}

func TestExtractBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("The mayor said that the bridge would reopen on Monday.\n"), 0o644)
	bin := filepath.Join(dir, "image.png")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	code, out, stderr := run(t, "", "extract", "--format", "jsonl", bin, good, filepath.Join(dir, "missing.txt"), empty)
	if code != 1 {
		t.Errorf("exit %d, want 1 when some inputs fail", code)
	}
	if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != 1 || !strings.Contains(out, "good.txt") {
		t.Errorf("want the one good article on stdout, got %q", out)
	}
	for _, name := range []string{"image.png", "missing.txt", "empty.txt"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s: %q", name, stderr)
		}
	}
	if strings.Count(strings.TrimSpace(stderr), "\n")+1 != 3 {
		t.Errorf("want one line per bad input, got %q", stderr)
	}
}

// TestExtractNothingReadable: when no input could be read, extract exits 2
// (nothing could be done), as ingest does, not 1.
func TestExtractNothingReadable(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "image.png")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	code, out, stderr := run(t, "", "extract", "--format", "jsonl", bin, filepath.Join(dir, "missing.txt"))
	if code != 2 {
		t.Errorf("exit %d, want 2 when no input is readable", code)
	}
	if strings.TrimSpace(out) != "" || !strings.Contains(stderr, "image.png") {
		t.Errorf("stdout %q, stderr %q", out, stderr)
	}
}

func TestExtractStdinAndUsage(t *testing.T) {
	code, out, _ := run(t, "“We are ready,” the coach said.", "extract", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var arts []map[string]any
	if err := json.Unmarshal([]byte(out), &arts); err != nil || len(arts) != 1 {
		t.Fatalf("json output: %v %q", err, out)
	}
	if n := len(arts[0]["statements"].([]any)); n != 1 {
		t.Errorf("%d statements from stdin, want 1", n)
	}
	if code, _, _ := run(t, "", "extract", "--format", "yaml", "-"); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "extract", "--as-of", "yesterday", "-"); code != 2 {
		t.Errorf("bad --as-of: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "extract"); code != 2 {
		t.Errorf("no path: exit %d, want 2", code)
	}
}
