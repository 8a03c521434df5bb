package segment

import (
	"strings"
	"testing"
)

func tokens(text string) []string {
	var out []string
	for _, s := range Tokenize(nil, text, 0, len(text)) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"He said: “We won’t stop.”", "He|said|:|“|We|wo|n’t|stop|.|”"},
		{"The U.S. sent 2,500 troops in 2003.", "The|U.S.|sent|2,500|troops|in|2003|."},
		{"Iran's top commander, Gen. Smith, left.", "Iran|'s|top|commander|,|Gen.|Smith|,|left|."},
		{"al-Haq and Asa'ib Ahl al-Haq", "al-Haq|and|Asa'ib|Ahl|al-Haq"},
		{"the parents' house", "the|parents|'|house"},
		{"Wait... what?!", "Wait|...|what|?!"},
		{"a 9/11 memorial -- and 3.5 percent", "a|9/11|memorial|--|and|3.5|percent"},
		{"It was a “Shia-Shia war”.", "It|was|a|“|Shia-Shia|war|”|."},
		{"AT&T and e.g. this", "AT&T|and|e.g.|this"},
		{"", ""},
	}
	for _, c := range cases {
		got := strings.Join(tokens(c.in), "|")
		if got != c.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestTokenizeSpansCoverNoSpace(t *testing.T) {
	text := "  “Hello,”\u00a0she said —\tthen   left.  "
	for _, s := range Tokenize(nil, text, 0, len(text)) {
		tok := text[s.Start:s.End]
		if strings.TrimSpace(tok) != tok || tok == "" {
			t.Errorf("token %q has spaces or is empty", tok)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"He said: “We won’t stop.”", "U.S. 2,500 ...", "\xff\xfe", "a'b'c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Tokenize(nil, text, 0, len(text)) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, prev, text)
			}
			prev = s.End
		}
	})
}
