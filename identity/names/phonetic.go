package names

import "strings"

// rewrites merge spellings that transliterate one sound, longest first.
// They run on folded lower-case Latin letters.
var rewrites = []struct{ from, to string }{
	{"sch", "s"}, {"tch", "c"}, {"dzh", "j"}, {"zh", "j"}, {"dj", "j"}, {"dsh", "j"},
	{"kh", "h"}, {"gh", "g"}, {"dh", "d"}, {"th", "t"}, {"ph", "f"}, {"sh", "s"}, {"ch", "s"},
	{"sz", "s"}, {"cz", "c"}, {"ck", "k"}, {"q", "k"}, {"x", "ks"}, {"w", "v"},
	{"ou", "u"}, {"oo", "u"}, {"ee", "i"}, {"ie", "i"}, {"iy", "i"}, {"ij", "i"}, {"yi", "i"},
	{"ei", "e"}, {"ai", "e"}, {"ay", "e"}, {"ey", "e"}, {"ae", "e"},
	{"y", "i"}, {"j", "i"},
}

// phonetic rewrites a folded name part into a spelling-tolerant form:
// one letter per sound, doubled letters once, a soft c as s, a final
// silent h dropped.
func phonetic(w string) string {
	// c before a front vowel is s; elsewhere k.
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 'c' && !(i+1 < len(w) && w[i+1] == 'h') {
			if i+1 < len(w) && strings.IndexByte("eiy", w[i+1]) >= 0 {
				b.WriteByte('s')
			} else {
				b.WriteByte('k')
			}
			continue
		}
		b.WriteByte(c)
	}
	w = b.String()
	// ch before a consonant is k (Christina, Chris); elsewhere a sibilant.
	for _, c := range "lrnmtv" {
		w = strings.ReplaceAll(w, "ch"+string(c), "k"+string(c))
	}
	for _, r := range rewrites {
		w = strings.ReplaceAll(w, r.from, r.to)
	}
	// A final h after a vowel is silent (Fatimah, Hamadeh).
	if n := len(w); n > 2 && w[n-1] == 'h' && isVowel(w[n-2]) {
		w = w[:n-1]
	}
	return collapse(w)
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// collapse writes doubled letters once.
func collapse(w string) string {
	var b strings.Builder
	var last byte
	for i := 0; i < len(w); i++ {
		if w[i] == last {
			continue
		}
		b.WriteByte(w[i])
		last = w[i]
	}
	return b.String()
}

// skeleton keeps the first sound and the consonants after it (h, the most
// often dropped or added letter in transliteration, excluded): the key for
// finding candidates. "mhamed", "mohammad" and "muhammed" share "mmd".
func skeleton(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if i > 0 && (isVowel(c) || c == 'h') {
			continue
		}
		if i == 0 && isVowel(c) {
			c = 'a' // an initial vowel varies too: Ibrahim / Ebrahim
		}
		b.WriteByte(c)
	}
	return collapse(b.String())
}
