package main

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/gen"
)

// TestSynthetic: the statements read off the generator's templates point
// at the words they claim, with the speaker named where a source is.
func TestSynthetic(t *testing.T) {
	g := gen.New(3, 50, 5)
	statements, named := 0, 0
	for n := 0; n < 200; n++ {
		d := synthetic(g, n)
		if d.Meta.Outlet == "" || strings.Contains(d.Meta.Outlet, "\n") || d.Meta.Title == "" || len(d.Entities) == 0 {
			t.Fatalf("article %d: outlet %q, title %q, %d entities", n, d.Meta.Outlet, d.Meta.Title, len(d.Entities))
		}
		for _, s := range d.Statements {
			statements++
			c := d.Str(s.ContentSpan())
			if c == "" || strings.Contains(c, "\n") {
				t.Errorf("article %d: content %q", n, c)
			}
			if s.Source != nil {
				named++
				if src := d.Str(*s.Source); src != d.Entities[s.Entity].Name {
					t.Errorf("article %d: source %q, speaker %q", n, src, d.Entities[s.Entity].Name)
				}
			}
			if s.Cue != nil && strings.TrimSpace(d.Str(*s.Cue)) != d.Str(*s.Cue) {
				t.Errorf("article %d: cue %q has spaces around it", n, d.Str(*s.Cue))
			}
		}
	}
	if statements < 400 || named < 200 {
		t.Errorf("%d statements, %d with a named source in 200 articles", statements, named)
	}
}

func TestLoopbackOnly(t *testing.T) {
	for u, ok := range map[string]bool{"http://127.0.0.1:8080": true, "http://[::1]:8080/": true, "http://localhost:1": true,
		"http://10.0.0.1:8080": false, "https://example.org": false, "http://0.0.0.0:8080": false} {
		if err := loopbackOnly(u); (err == nil) != ok {
			t.Errorf("loopbackOnly(%q) = %v", u, err)
		}
	}
}
