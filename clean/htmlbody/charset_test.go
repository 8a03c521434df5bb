package htmlbody

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/whosaid/whosaid/clean/textenc"
)

// TestDecodeCharset: a page that declares nothing and is UTF-8 but for a
// few stray bytes stays UTF-8; a page in a legacy charset is guessed; a
// declaration is followed.
func TestDecodeCharset(t *testing.T) {
	para := "<p>The minister said the port authority’s offer was “fair and final”, Gülşen Aydın told reporters on Monday.</p>"
	page := "<html><head><title>Talks</title></head><body><article>" + strings.Repeat(para, 6) + "</article></body></html>"
	stray := strings.Replace(page, " the ", " the \x97", 4)
	latin := strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(page, "ş", "s"), "ı", "i"), "’", "'")
	legacy, _ := charmap.Windows1252.NewEncoder().String(latin)
	declared := strings.Replace(legacy, "<head>", `<head><meta charset="windows-1252">`, 1)
	cases := []struct {
		name, in, charset, from string
		replaced                int
		has                     string
	}{
		{"utf-8", page, "utf-8", textenc.FromValid, 0, "authority’s"},
		{"four stray bytes", stray, "utf-8", textenc.FromDamaged, 4, "authority’s"},
		{"declared windows-1252", declared, "windows-1252", textenc.FromDeclared, 0, "Gülsen"},
	}
	for _, c := range cases {
		d, err := decodeCharset([]byte(c.in))
		if err != nil || d.charset != c.charset || d.from != c.from || d.replaced != c.replaced || !strings.Contains(d.text, c.has) || strings.Contains(d.text, "â€") {
			t.Errorf("%s: %s (%s), %d replaced, %v; want %s (%s), %d, with %q", c.name, d.charset, d.from, d.replaced, err, c.charset, c.from, c.replaced, c.has)
		}
	}
	if d, err := decodeCharset([]byte(legacy)); err != nil || d.from == textenc.FromValid || d.from == textenc.FromDamaged || !strings.Contains(d.text, "Gülsen") {
		t.Errorf("undeclared windows-1252: %s (%s), %v", d.charset, d.from, err)
	}
}
