package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzPlain(f *testing.F) {
	f.Add(scraped)
	f.Add("Headline\n\nBy X - January 20 2022\n\nShort.")
	f.Add("\x00\xff┬á\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Decode([]byte(s))
		if err != nil {
			return
		}
		r := Plain(d.Text)
		if !utf8.ValidString(r.Text) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		if strings.Contains(r.Text, "\r") {
			t.Fatalf("carriage return left in %q", r.Text)
		}
	})
}
