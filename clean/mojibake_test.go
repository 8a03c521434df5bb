package clean

import "testing"

func TestRepairMojibake(t *testing.T) {
	cases := []struct{ in, want string }{
		{"would likely┬áprevent", "would likely\u00a0prevent"},                   // CP437
		{"the minister’s view", "the minister’s view"},                           // already right
		{"the ministerâ€™s view", "the minister’s view"},                         // Windows-1252
		{"CafÃ© society", "Café society"},                                        // Latin-1 / Windows-1252
		{"â€œQuoteâ€\u009d", "\u201cQuote\u201d"},                                // 0x9D survives as a C1 control
		{"São Paulo, Zürich, naïve, voilà…", "São Paulo, Zürich, naïve, voilà…"}, // real accents stay
		{"Ã", "Ã"}, // a lone lead byte is not enough
		{"plain ASCII", "plain ASCII"},
	}
	for _, c := range cases {
		if got := RepairMojibake(c.in); got != c.want {
			t.Errorf("RepairMojibake(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzRepairMojibake(f *testing.F) {
	f.Add("â€™┬áÃ©")
	f.Fuzz(func(t *testing.T, s string) {
		out := RepairMojibake(s)
		if len([]rune(out)) > len([]rune(s)) {
			t.Fatalf("repair grew the text: %q → %q", s, out)
		}
	})
}
