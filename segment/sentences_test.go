package segment

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

func sentences(text string) []string {
	d := &whosaid.Doc{Text: text}
	Segment(d)
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Str(s.Span))
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{"The U.S. Army said no. Then it left.", []string{"The U.S. Army said no.", "Then it left."}},
		{"Mr. Smith met Dr. Jones in Jan. 2020 and left.", []string{"Mr. Smith met Dr. Jones in Jan. 2020 and left."}},
		{"“We will win.” The crowd cheered.", []string{"“We will win.”", "The crowd cheered."}},
		{"He said \"no.\" Then he left.", []string{"He said \"no.\"", "Then he left."}},
		{"It rose 3.5 percent. Prices fell.", []string{"It rose 3.5 percent.", "Prices fell."}},
		{"Was it over? Nobody knew!", []string{"Was it over?", "Nobody knew!"}},
		{"the allies… and the rest", []string{"the allies… and the rest"}},
		// One line per paragraph, no final stops: every line its own sentence.
		{"First line without stop\nSecond line without stop", []string{"First line without stop", "Second line without stop"}},
	}
	for _, c := range cases {
		got := sentences(c.in)
		if strings.Join(got, "‖") != strings.Join(c.want, "‖") {
			t.Errorf("sentences(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	hard := "This is a hard-wrapped paragraph of plain text that goes\non over several lines as e-mail and wire copy often do\nwithout any blank line between its lines at all, and\nends here.\n\nA second paragraph."
	cases := []struct {
		name string
		in   string
		want int
	}{
		{"blank lines", "One.\n\nTwo.\n\n\nThree.", 3},
		{"a line each", "One paragraph line.\nAnother paragraph line.\nA third.", 3},
		{"hard wrapped", hard, 2},
		{"crlf and spaces", "One.\r\n \r\nTwo.", 2},
		{"empty", "  \n\n ", 0},
	}
	for _, c := range cases {
		ps := Paragraphs(c.in)
		if len(ps) != c.want {
			t.Errorf("%s: %d paragraphs, want %d: %v", c.name, len(ps), c.want, ps)
		}
		for _, p := range ps {
			if s := c.in[p.Start:p.End]; strings.TrimSpace(s) != s {
				t.Errorf("%s: paragraph %q not trimmed", c.name, s)
			}
		}
	}
}
