package server

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/wire"
)

func TestCitation(t *testing.T) {
	s := func(v string) *string { return &v }
	h := wire.Hit{
		Statement: wire.Statement{ID: "abc123-2", Speaker: &wire.SpeakerRef{ID: "spk_1", Name: "Yusuf Demirel"}, Kind: "direct",
			Content: &wire.Span{Text: "We have   waited\nfour months, 100% {sure} #1"}, SaidOn: s("2024-03-03")},
		Published: s("2024-03-04T09:08:00Z"), Outlet: s("Daily Harbour"), Title: s("Strike & Pay: {Deal} \\ 50%"), URL: s("https://news.example/a1?x={1}"),
	}
	c := cite(h)
	want := `Yusuf Demirel: “We have waited four months, 100% {sure} #1” — “Strike & Pay: {Deal} \ 50%”, Daily Harbour, 2024-03-04 (said 2024-03-03). https://news.example/a1?x={1}`
	if c.Text != want {
		t.Errorf("plain text\n got %s\nwant %s", c.Text, want)
	}
	// BibTeX: every brace balanced, specials escaped, one entry.
	if !strings.HasPrefix(c.BibTeX, "@misc{demirel2024:abc123-2,\n") || strings.Count(c.BibTeX, "@") != 1 {
		t.Errorf("bibtex key/entry: %s", c.BibTeX)
	}
	for _, w := range []string{`title = {Strike \& Pay: \{Deal\} \textbackslash{} 50\%}`, "howpublished = {Daily Harbour}", "year = {2024}", "month = {mar}",
		`url = {https://news.example/a1?x=%7B1%7D}`, `note = {Yusuf Demirel: “We have waited four months, 100\% \{sure\} \#1”}`} {
		if !strings.Contains(c.BibTeX, w) {
			t.Errorf("bibtex lacks %q:\n%s", w, c.BibTeX)
		}
	}
	depth := 0
	for i, r := range c.BibTeX {
		if i > 0 && c.BibTeX[i-1] == '\\' {
			continue
		}
		switch r {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth < 0 {
			t.Fatalf("bibtex closes a brace it never opened at %d", i)
		}
	}
	if depth != 0 {
		t.Errorf("bibtex braces unbalanced (%d)", depth)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(c.CSL), &items); err != nil || len(items) != 1 {
		t.Fatalf("csl-json: %v %s", err, c.CSL)
	}
	it := items[0]
	if it["type"] != "article-newspaper" || it["container-title"] != "Daily Harbour" || it["URL"] != *h.URL || it["id"] != h.ID {
		t.Errorf("csl item %v", it)
	}
	if parts := it["issued"].(map[string]any)["date-parts"].([]any)[0].([]any); len(parts) != 3 || parts[0] != 2024.0 || parts[1] != 3.0 || parts[2] != 4.0 {
		t.Errorf("csl issued %v", parts)
	}
	// Nothing known but the words: no empty fields, no made-up date.
	bare := cite(wire.Hit{Statement: wire.Statement{ID: "x-1", Content: &wire.Span{Text: "Taxes will fall\u202e."}}})
	if bare.Text != "Unknown speaker: “Taxes will fall⟦RLO⟧.”." || strings.Contains(bare.BibTeX, "year") || strings.Contains(bare.CSL, "issued") {
		t.Errorf("bare citation: %q\n%s\n%s", bare.Text, bare.BibTeX, bare.CSL)
	}
}
