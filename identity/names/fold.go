package names

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters outside Unicode decomposition.
var special = map[rune]string{'ø': "o", 'ł': "l", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'đ': "d", 'ı': "i", 'þ': "th", 'ð': "d", 'ħ': "h"}

// fold lower-cases s, strips diacritics and the marks that stand for ayn
// and hamza or apostrophes, and turns other punctuation into spaces
// (hyphens included: "al-Nouri" → "al nouri").
func fold(s string) string {
	s = norm.NFKD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == 'ʿ' || r == 'ʾ' || r == '`' || r == '´' || r == 'ʻ':
		case special[r] != "":
			b.WriteString(special[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
