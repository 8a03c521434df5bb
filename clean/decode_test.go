package clean

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/whosaid/whosaid"
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

func TestDecodeGarbage(t *testing.T) {
	junk := make([]byte, 64)
	for i := range junk {
		junk[i] = byte(0x80 + i%3)
	}
	if _, _, err := Decode(junk); err == nil {
		t.Skip("the detector accepted the junk as some charset; nothing to check")
	} else if whosaid.ErrorCode(err) == "" {
		t.Errorf("error without a code: %v", err)
	}
}
