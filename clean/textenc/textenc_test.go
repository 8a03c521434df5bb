package textenc

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestDamagedUTF8(t *testing.T) {
	french := "Le ministre a déclaré que la réforme était «nécessaire», a-t-il ajouté à l'été."
	latin1, _ := charmap.Windows1252.NewEncoder().String(french)
	russian, _ := charmap.Windows1251.NewEncoder().String("Министр заявил, что переговоры продолжатся.")
	article := "The minister said the port authority’s offer was “fair and final”, Gülşen Aydın added. "
	cases := []struct {
		name string
		in   string
		ok   bool
		bad  int
	}{
		{"four stray bytes in UTF-8", strings.Replace(strings.Repeat(article, 4), " the ", " the \x97", 4), true, 4},
		{"cut at the end", strings.Repeat("é", 40) + "\xc3", true, 1},
		{"windows-1252", latin1, false, 11},
		{"windows-1251", russian, false, 37},
		{"ascii with one latin-1 byte", "plain ascii with one \xe9", false, 1},
	}
	for _, c := range cases {
		ok, bad := DamagedUTF8([]byte(c.in))
		if ok != c.ok || bad != c.bad {
			t.Errorf("%s: DamagedUTF8 = %v, %d; want %v, %d", c.name, ok, bad, c.ok, c.bad)
		}
	}
}
