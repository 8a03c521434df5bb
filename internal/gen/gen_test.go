package gen

import (
	"strings"
	"testing"
)

func TestDeterministicAndVaried(t *testing.T) {
	a, b := New(5, 20, 4), New(5, 20, 4)
	seen := map[string]bool{}
	for i := 0; i < 50; i++ {
		x, y := a.Next(), b.Next()
		if x.Text != y.Text || x.HTML != y.HTML {
			t.Fatalf("article %d differs between two generators with one seed", i)
		}
		seen[x.Text] = true
		if !strings.Contains(x.Text, "By ") || !strings.Contains(x.HTML, "<article>") {
			t.Fatalf("article %d lacks a byline or an article element", i)
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d distinct articles of 50", len(seen))
	}
}
