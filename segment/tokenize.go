package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// Tokenize splits text[start:end] into tokens, appending their spans
// (offsets into text) to dst.
func Tokenize(dst []whosaid.Span, text string, start, end int) []whosaid.Span {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if isSpace(r) {
			i += size
			continue
		}
		j := wordEnd(text, i, end)
		if j == i {
			j = punctEnd(text, i, end)
			dst = append(dst, whosaid.Span{Start: i, End: j})
		} else {
			dst, j = appendWord(dst, text, i, j, end)
		}
		i = j
	}
	return dst
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u200e' || r == '\u200f'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == 'ʻ' || r == 'ʿ' || r == 'ʾ'
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// wordEnd returns the end of the word starting at i, or i when text[i] does
// not start a word. A word is a run of letters and digits joined by inner
// hyphens, apostrophes, periods (U.S., 3.5), commas between digits
// (2,500), slashes between digits (9/11), ampersands (AT&T) and at signs.
func wordEnd(text string, i, end int) int {
	r, size := utf8.DecodeRuneInString(text[i:end])
	if !isWordRune(r) {
		// A leading apostrophe belongs to a few words: '90s, 'em.
		if isApostrophe(r) && i+size < end {
			n, _ := utf8.DecodeRuneInString(text[i+size : end])
			if unicode.IsDigit(n) && digitsAhead(text, i+size, end) == 2 {
				return wordEnd(text, i+size, end)
			}
		}
		return i
	}
	j := i + size
	prev := r
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if isWordRune(r) {
			prev = r
			j += size
			continue
		}
		if j+size >= end {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[j+size : end])
		switch {
		case isHyphen(r) && isWordRune(next) && isWordRune(prev):
		case isApostrophe(r) && unicode.IsLetter(prev) && unicode.IsLetter(next):
		case r == '.' && isWordRune(next) && (unicode.IsDigit(prev) && unicode.IsDigit(next) || unicode.IsLetter(prev) && unicode.IsLetter(next) && shortSegment(text, i, j)):
		case (r == ',' || r == ':') && unicode.IsDigit(prev) && unicode.IsDigit(next) && digitsAhead(text, j+size, end) >= 2:
		case r == '/' && unicode.IsDigit(prev) && unicode.IsDigit(next):
		case (r == '&' || r == '@') && unicode.IsLetter(prev) && unicode.IsLetter(next):
		default:
			return j
		}
		prev = next
		j += size
	}
	return j
}

// shortSegment reports whether the letters just before j, back to i or the
// last period, are few: "U.S", "e.g" are abbreviations, "end.Next" is two
// words run together.
func shortSegment(text string, i, j int) bool {
	k := strings.LastIndexByte(text[i:j], '.')
	seg := text[i:j]
	if k >= 0 {
		seg = text[i+k+1 : j]
	}
	return utf8.RuneCountInString(seg) <= 2
}

func digitsAhead(text string, i, end int) int {
	n := 0
	for i < end && text[i] >= '0' && text[i] <= '9' {
		n++
		i++
	}
	return n
}

// punctEnd returns the end of the punctuation token at i: "..." and "--"
// stay whole, everything else is one rune.
func punctEnd(text string, i, end int) int {
	c := text[i]
	if c == '.' || c == '-' {
		j := i
		for j < end && text[j] == c {
			j++
		}
		if j-i > 1 {
			return j
		}
	}
	if c == '?' || c == '!' {
		j := i
		for j < end && (text[j] == '?' || text[j] == '!') {
			j++
		}
		return j
	}
	_, size := utf8.DecodeRuneInString(text[i:end])
	return i + size
}

// appendWord appends the word text[i:j], split Penn-Treebank style: a final
// period is its own token unless the word is an abbreviation, and clitics
// ('s, n't, 're, 've, 'll, 'd, 'm) are split off. It returns where the next
// token may start (after the abbreviation's period, if it took one).
func appendWord(dst []whosaid.Span, text string, i, j, end int) ([]whosaid.Span, int) {
	w := text[i:j]
	// The period after a word: wordEnd never includes it, so look ahead.
	if j < end && text[j] == '.' && (j+1 >= end || text[j+1] != '.') && isAbbreviation(w, text, j) {
		return append(dst, whosaid.Span{Start: i, End: j + 1}), j + 1
	}
	if k := cliticStart(w); k > 0 {
		return append(dst, whosaid.Span{Start: i, End: i + k}, whosaid.Span{Start: i + k, End: j}), j
	}
	return append(dst, whosaid.Span{Start: i, End: j}), j
}

// Title abbreviations are always followed by a name, never end a sentence.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "capt": true, "cpt": true, "sgt": true, "maj": true, "adm": true,
	"st": true, "rev": true, "hon": true, "pres": true, "supt": true, "insp": true, "cmdr": true, "messrs": true,
	"fr": true, "sr": true, "jr": true, "mt": true, "ft": true, "amb": true, "atty": true, "brig": true,
}

// Other abbreviations may end a sentence; the splitter decides by what follows.
var otherAbbrevs = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"llc": true, "plc": true, "vs": true, "etc": true, "no": true, "nos": true, "vol": true, "approx": true,
	"dept": true, "est": true, "al": true, "cf": true, "ca": true, "fig": true, "p": true, "pp": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true, "fri": true, "sat": true,
	"sun": true, "univ": true, "assn": true, "bros": true, "ave": true, "blvd": true, "rd": true,
}

func isAbbreviation(w, text string, dot int) bool {
	lw := strings.ToLower(w)
	if titleAbbrevs[lw] || otherAbbrevs[lw] {
		// "No." is an abbreviation only before a number.
		if lw == "no" || lw == "nos" {
			return nextIsDigit(text, dot+1)
		}
		return true
	}
	// U.S, e.g, a.m — inner periods mark an abbreviation.
	if strings.Contains(w, ".") {
		return true
	}
	// An initial: one capital letter ("J. Smith").
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return true
	}
	return false
}

func nextIsDigit(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && text[i] >= '0' && text[i] <= '9'
}

var clitics = []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}

// cliticStart returns the byte offset in w where a clitic starts, or 0.
func cliticStart(w string) int {
	lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	for _, c := range clitics {
		if len(lw) > len(c) && strings.HasSuffix(lw, c) {
			// Map the offset back to w, whose apostrophe may be 3 bytes
			// where lw's is one.
			k := len(lw) - len(c)
			return byteOffsetOfRune(w, utf8.RuneCountInString(lw[:k]))
		}
	}
	return 0
}

func byteOffsetOfRune(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
