package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Mojibake is UTF-8 that was read as a single-byte code page and written
// out again as UTF-8: "┬á" (CP437) for a no-break space, "â€™"
// (Windows-1252) for ’, "Ã©" (Latin-1 or Windows-1252) for é. Each code page maps every
// mis-read character back to one byte; where those bytes form a valid
// multi-byte UTF-8 sequence, the sequence is what the author wrote.
type codePage func(rune) (byte, bool)

// windows1252 also takes the C1 controls Latin-1 leaves in place of the
// five bytes Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D),
// so "â€\u009d" is read as ” too.
func windows1252(r rune) (byte, bool) {
	if b, ok := charmap.Windows1252.EncodeRune(r); ok {
		return b, true
	}
	if r >= 0x80 && r <= 0x9F {
		return byte(r), true
	}
	return 0, false
}

var mojibakePages = []codePage{windows1252, charmap.CodePage437.EncodeRune}

// RepairMojibake undoes mojibake and leaves every other character alone.
func RepairMojibake(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	changed := false
	for i := 0; i < len(rs); {
		if r, n := repairAt(rs[i:]); n > 0 {
			b.WriteRune(r)
			i += n
			changed = true
			continue
		}
		b.WriteRune(rs[i])
		i++
	}
	if !changed {
		return s
	}
	return b.String()
}

// repairAt tries each code page at the start of rs and returns the repaired
// character and how many characters it replaces.
func repairAt(rs []rune) (rune, int) {
	if rs[0] < 0x80 {
		return 0, 0
	}
	for _, encode := range mojibakePages {
		lead, ok := encode(rs[0])
		if !ok || lead < 0xC2 || lead > 0xF4 {
			continue
		}
		n := 2
		switch {
		case lead >= 0xF0:
			n = 4
		case lead >= 0xE0:
			n = 3
		}
		if len(rs) < n {
			continue
		}
		buf := []byte{lead}
		for _, r := range rs[1:n] {
			c, ok := encode(r)
			if !ok || c < 0x80 || c > 0xBF {
				buf = nil
				break
			}
			buf = append(buf, c)
		}
		if buf == nil {
			continue
		}
		r, size := utf8.DecodeRune(buf)
		if r == utf8.RuneError || size != n || (unicode.IsControl(r) && r != '\u00a0') {
			continue
		}
		return r, n
	}
	return 0, 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
