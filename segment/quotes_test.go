package segment

import (
	"testing"

	"github.com/whosaid/whosaid"
)

func quotes(text string) ([]whosaid.Quote, *whosaid.Doc) {
	d := &whosaid.Doc{Text: text}
	Segment(d)
	return FindQuotes(d.Text, d.Paragraphs, d.Sentences), d
}

func TestFindQuotes(t *testing.T) {
	type q struct {
		inner       string
		open, close bool
		nested      int
	}
	cases := []struct {
		name string
		in   string
		want []q
	}{
		{"curly", "He said “we won” today.", []q{{"we won", true, true, 0}}},
		{"straight", `He said "we won" today.`, []q{{"we won", true, true, 0}}},
		{"single curly with apostrophes", "Iran’s view: ‘never’, he said, didn’t change.", []q{{"never", true, true, 0}}},
		{"nested", "“He told me ‘never again’ and left,” she said.", []q{{"He told me ‘never again’ and left,", true, true, 0}, {"never again", true, true, 1}}},
		{"stray opener inside a quote", `He said, "I was moved by "the two men," noting more.`, []q{{`I was moved by "the two men,`, true, true, 0}}},
		{"unclosed at paragraph end", "He said: “We reject it.\n\nOther news.", []q{{"We reject it.", true, false, 0}}},
		{"closing mark only", "The plan is dead,” he said.", []q{{"The plan is dead,", false, true, 0}}},
		{"guillemets", "Il a dit «non» hier.", []q{{"non", true, true, 0}}},
		{"apostrophes only", "It's the parents' choice, isn't it?", nil},
	}
	for _, c := range cases {
		got, d := quotes(c.in)
		if len(got) != len(c.want) {
			t.Errorf("%s: %d quotes, want %d: %+v", c.name, len(got), len(c.want), got)
			continue
		}
		for i, w := range c.want {
			g := got[i]
			if d.Str(g.Span) != w.inner || g.Open != w.open || g.Close != w.close || g.Nested != w.nested {
				t.Errorf("%s: quote %d = %q open=%v close=%v nested=%d, want %+v", c.name, i, d.Str(g.Span), g.Open, g.Close, g.Nested, w)
			}
		}
	}
}

func TestQuoteAcrossParagraphs(t *testing.T) {
	text := "She said: “The first part of it goes on.\n\n“And the second part ends here,” she added."
	got, d := quotes(text)
	if len(got) != 2 {
		t.Fatalf("%d quotes, want 2: %+v", len(got), got)
	}
	if !got[0].Continues || !got[0].Close || got[1].Continues {
		t.Errorf("first quote should continue into the second: %+v", got)
	}
	if d.Str(got[1].Span) != "And the second part ends here," {
		t.Errorf("second quote = %q", d.Str(got[1].Span))
	}
}
