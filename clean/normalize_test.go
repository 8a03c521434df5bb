package clean

import "testing"

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"e\u0301t\u00e9", "\u00e9t\u00e9"},            // NFC
		{"a\u00a0b\u2009c\td", "a b c d"},              // spaces
		{"zero\u200bwidth\u00adsoft", "zerowidthsoft"}, // invisible marks
		{"line\r\nend  \r", "line\nend\n"},             // line ends, trailing spaces
		{"bell\u0007", "bell"},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
