package server

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/wire"
)

func TestHighlight(t *testing.T) {
	// Code points, not bytes: the curly quotes and the é are multi-byte.
	text := "“Café first,” she said, “then work.” Later the mayor said that she agreed."
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return start, start + len([]rune(s))
	}
	span := func(s string) *wire.Span {
		a, b := at(s)
		return &wire.Span{Text: s, Start: a, End: b}
	}
	c1a, c1b := at("“Café first,”")
	c2a, c2b := at("“then work.”")
	content := &wire.Span{Text: "…", Start: c1a, End: c2b, Fragments: [][2]int{{c1a, c1b}, {c2a, c2b}}}
	sts := []wire.Statement{
		{ID: "a-1", Source: span("she"), Cue: span("said"), Content: content},
		{ID: "a-2", Source: span("the mayor"), Cue: span("said that"), Content: span("she agreed")},
		{ID: "a-3", Content: &wire.Span{Start: 500, End: 600}}, // past the end: clipped, its anchor kept
	}
	runs := highlight(text, sts)
	var joined strings.Builder
	parts := map[string]string{}
	var starts []string
	for _, r := range runs {
		joined.WriteString(r.Text)
		key := ""
		if r.Source {
			key += "S"
		}
		if r.Cue {
			key += "C"
		}
		if r.Content {
			key += "W"
		}
		if key != "" {
			parts[r.Text] = key
		}
		for _, s := range r.Starts {
			starts = append(starts, s.ID)
		}
	}
	if joined.String() != text {
		t.Fatalf("runs do not add up to the text: %q", joined.String())
	}
	for s, want := range map[string]string{"“Café first,”": "W", "she": "S", "said": "C", "“then work.”": "W", "the mayor": "S", "said that": "C", "she agreed": "W"} {
		if parts[s] != want {
			t.Errorf("%q marked %q, want %q (all: %v)", s, parts[s], want, parts)
		}
	}
	// The reporting clause between two fragments is not content.
	for _, r := range runs {
		if strings.Contains(r.Text, ", she said,") && r.Content {
			t.Errorf("the clause between fragments is marked as content")
		}
	}
	if strings.Join(starts, " ") != "a-1 a-2 a-3" {
		t.Errorf("statement starts %v", starts)
	}
	// A nested statement: the inner one's runs carry both numbers.
	outer := wire.Statement{ID: "n-1", Content: &wire.Span{Start: 0, End: 20}}
	inner := wire.Statement{ID: "n-2", Source: &wire.Span{Start: 5, End: 8}, Content: &wire.Span{Start: 10, End: 15}}
	for _, r := range highlight(strings.Repeat("x", 30), []wire.Statement{outer, inner}) {
		if r.Source && (len(r.Statements) != 2 || !r.Content) {
			t.Errorf("inner source run %+v: want content of 1 and source of 2", r)
		}
	}
	if last := runs[len(runs)-1]; last.Text != "" || len(last.Starts) != 1 || last.Marked() {
		t.Errorf("the clipped statement's anchor: %+v", last)
	}
	if runs := highlight("", sts); len(runs) != 1 || len(runs[0].Starts) != 3 {
		t.Errorf("empty text: %+v", runs)
	}
}
