package identity

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldWord lower-cases a word, removes diacritics and apostrophe-like
// marks, and drops a leading Arabic article ("al-Haq" -> "haq").
func foldWord(w string) string {
	w = strings.ToLower(norm.NFD.String(w))
	var b strings.Builder
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == 'ʿ' || r == 'ʾ' || r == '`' || r == '´':
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	for _, p := range []string{"al-", "el-", " al ", "el "} {
		if strings.HasPrefix(s, p) && len(s) > len(p)+1 {
			s = s[len(p):]
			break
		}
	}
	return s
}

// foldWords splits a phrase into folded words, dropping particles and
// punctuation.
func foldWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == '(' || r == ')' || r == '"' || r == '“' || r == '”'
	}) {
		w := foldWord(f)
		if w == "" || particles[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// particles are name connectors and articles that carry no identity.
var particles = map[string]bool{
	"al": true, "el": true, "the": true, "of": true, "bin": true, "ibn": true, "de": true, "van": true,
	"von": true, "der": true, "da": true, "di": true, "du": true, "la": true, "le": true, "a": true, "an": true,
}

// HasWords reports whether every word of query is a word of name, both
// folded (case, diacritics, apostrophes, a leading al-/el-): "Karim" and
// "karim hadidi" are words of "Karim al-Hadidi". Filters use it so that a
// given name alone finds its bearers, as a family name does through the
// name matcher.
func HasWords(name, query string) bool { return NewQueryWords(query).In(name) }

// HasWordPrefixes reports whether every word of query begins a word of
// name, both folded: "harbour", "Harb" and "post" all fit "Harbour Post".
// Outlet filters use it.
func HasWordPrefixes(name, query string) bool { return NewQueryWords(query).PrefixesIn(name) }

// QueryWords is a query folded once, to test many names against it.
type QueryWords struct {
	words []string
	ascii bool
}

// NewQueryWords folds query.
func NewQueryWords(query string) QueryWords {
	q := QueryWords{words: foldWords(query), ascii: true}
	for _, w := range q.words {
		q.ascii = q.ascii && isASCII(w)
	}
	return q
}

// In is HasWords(name, query).
func (q QueryWords) In(name string) bool {
	if len(q.words) == 0 || !q.mayHold(name) {
		return false
	}
	have := map[string]bool{}
	for _, w := range foldWords(name) {
		have[w] = true
	}
	for _, w := range q.words {
		if !have[w] {
			return false
		}
	}
	return true
}

// PrefixesIn is HasWordPrefixes(name, query).
func (q QueryWords) PrefixesIn(name string) bool {
	if len(q.words) == 0 || !q.mayHold(name) {
		return false
	}
	words := foldWords(name)
	for _, w := range q.words {
		found := false
		for _, n := range words {
			if strings.HasPrefix(n, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// mayHold is a quick test before folding: an ASCII name can only hold an
// ASCII query's words if its lower case, apostrophes left out, contains
// them (folding an ASCII name only lowers, drops apostrophes and a
// leading article).
func (q QueryWords) mayHold(name string) bool {
	if !q.ascii || !isASCII(name) {
		return true
	}
	lower := strings.ToLower(strings.NewReplacer("'", "", "`", "").Replace(name))
	for _, w := range q.words {
		if !strings.Contains(lower, w) {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
