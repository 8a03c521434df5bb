package clean

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/whosaid/whosaid/clean/textenc"
)

func TestDecode(t *testing.T) {
	french := "Le ministre a déclaré que la réforme était «nécessaire», a-t-il ajouté. Les élèves étaient très contents de cette décision prise à l'été."
	latin1, _ := charmap.Windows1252.NewEncoder().String(french)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("He said “yes”.")
	article := "Transport Minister Aylin Kaya said the port authority’s offer was “fair and final”, and Gülşen Aydın agreed.\n"
	stray := strings.Replace(strings.Repeat(article, 4), " the ", " the \x97", 4)
	cases := []struct {
		name     string
		in       []byte
		want     string
		charset  string
		from     string
		replaced int
	}{
		{"utf-8", []byte("He said “yes”."), "He said “yes”.", "utf-8", textenc.FromValid, 0},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "He said."...), "He said.", "utf-8", textenc.FromBOM, 0},
		{"utf-16 bom", []byte(utf16), "He said “yes”.", "utf-16le", textenc.FromBOM, 0},
		{"windows-1252", []byte(latin1), french, "iso-8859-1", textenc.FromGuess, 0},
		{"cut utf-8", []byte(strings.Repeat("é", 40) + "\xc3"), strings.Repeat("é", 40) + "\uFFFD", "utf-8", textenc.FromDamaged, 1},
		// Four stray bytes in an article of UTF-8: the article stays as
		// written, the four bytes replaced.
		{"four stray bytes", []byte(stray), strings.Replace(strings.Repeat(article, 4), " the ", " the \uFFFD", 4), "utf-8", textenc.FromDamaged, 4},
	}
	for _, c := range cases {
		got, err := Decode(c.in)
		if err != nil || got.Text != c.want || got.Charset != c.charset || got.From != c.from || got.Replaced != c.replaced {
			t.Errorf("%s: Decode = %+v, %v; want %q as %s (%s), %d replaced", c.name, got, err, c.want, c.charset, c.from, c.replaced)
		}
		if (got.Warning() != "") != (c.replaced > 0 || c.from == textenc.FromGuess) {
			t.Errorf("%s: warning %q", c.name, got.Warning())
		}
	}
}
