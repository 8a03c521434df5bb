package clean

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	french := "Le ministre a déclaré que la réforme était «nécessaire», a-t-il ajouté. Les élèves étaient très contents de cette décision prise à l'été."
	latin1, _ := charmap.Windows1252.NewEncoder().String(french)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("He said “yes”.")
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte("He said “yes”."), "He said “yes”."},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "He said."...), "He said."},
		{"utf-16 bom", []byte(utf16), "He said “yes”."},
		{"windows-1252", []byte(latin1), french},
		{"cut utf-8", []byte(strings.Repeat("é", 40) + "\xc3"), strings.Repeat("é", 40) + "\uFFFD"},
	}
	for _, c := range cases {
		got, _, err := Decode(c.in)
		if err != nil || got != c.want {
			t.Errorf("%s: Decode = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}

// TestMostlyUTF8 draws the line between damaged UTF-8 (kept, with
// U+FFFD for the damage) and another charset (sent to the detector).
func TestMostlyUTF8(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{strings.Repeat("é", 40) + "\xc3", true},
		{"é ü \xe9 \xfc", false},
		{"plain ascii with one \xe9", false},
	}
	for _, c := range cases {
		if got := mostlyUTF8([]byte(c.in)); got != c.want {
			t.Errorf("mostlyUTF8(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
