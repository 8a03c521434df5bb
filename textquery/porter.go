package textquery

// Porter stems a folded word as SQLite's FTS5 porter tokenizer does (the
// Porter algorithm as in Martin Porter's C implementation, on bytes:
// words under 3 or over 64 bytes are left alone, bytes outside a–z are
// consonants), so every store indexes and queries the very stems the
// SQLite store does and all match and rank alike.
func Porter(w string) string {
	if len(w) < 3 || len(w) > 64 {
		return w
	}
	b := []byte(w)
	b = step1a(b)
	b = step1b(b)
	b = step1c(b)
	b = step2(b)
	b = step3(b)
	b = step4(b)
	b = step5(b)
	return string(b)
}

// consonant reports whether b[i] is a consonant: not a vowel, and a y
// only after a vowel (or at the start).
func consonant(b []byte, i int) bool {
	switch b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !consonant(b, i-1)
	}
	return true
}

// measure is m of b: the number of vowel-consonant sequences.
func measure(b []byte) int {
	m, i, n := 0, 0, len(b)
	for i < n && consonant(b, i) {
		i++
	}
	for i < n {
		for i < n && !consonant(b, i) {
			i++
		}
		if i >= n {
			break
		}
		for i < n && consonant(b, i) {
			i++
		}
		m++
	}
	return m
}

func hasVowel(b []byte) bool {
	for i := range b {
		if !consonant(b, i) {
			return true
		}
	}
	return false
}

// doubleC: b ends with a double consonant.
func doubleC(b []byte) bool {
	n := len(b)
	return n >= 2 && b[n-1] == b[n-2] && consonant(b, n-1)
}

// cvc: b ends consonant-vowel-consonant, the last not w, x or y.
func cvc(b []byte) bool {
	n := len(b)
	if n < 3 || !consonant(b, n-1) || consonant(b, n-2) || !consonant(b, n-3) {
		return false
	}
	switch b[n-1] {
	case 'w', 'x', 'y':
		return false
	}
	return true
}

func ends(b []byte, s string) bool { return len(b) >= len(s) && string(b[len(b)-len(s):]) == s }

// replace swaps suffix from for to when the stem before it has a measure
// over min; it reports whether the word ended with from.
func replace(b *[]byte, from, to string, min int) bool {
	if !ends(*b, from) {
		return false
	}
	stem := (*b)[:len(*b)-len(from)]
	if measure(stem) > min {
		*b = append(stem, to...)
	}
	return true
}

func step1a(b []byte) []byte {
	switch {
	case ends(b, "sses"):
		return b[:len(b)-2]
	case ends(b, "ies"):
		return b[:len(b)-2]
	case ends(b, "ss"):
		return b
	case ends(b, "s"):
		return b[:len(b)-1]
	}
	return b
}

func step1b(b []byte) []byte {
	if ends(b, "eed") {
		if measure(b[:len(b)-3]) > 0 {
			return b[:len(b)-1]
		}
		return b
	}
	var stem []byte
	switch {
	case ends(b, "ed") && hasVowel(b[:len(b)-2]):
		stem = b[:len(b)-2]
	case ends(b, "ing") && hasVowel(b[:len(b)-3]):
		stem = b[:len(b)-3]
	default:
		return b
	}
	switch {
	case ends(stem, "at"), ends(stem, "bl"), ends(stem, "iz"):
		return append(stem, 'e')
	case doubleC(stem):
		switch stem[len(stem)-1] {
		case 'l', 's', 'z':
			return stem
		}
		return stem[:len(stem)-1]
	case measure(stem) == 1 && cvc(stem):
		return append(stem, 'e')
	}
	return stem
}

func step1c(b []byte) []byte {
	if ends(b, "y") && hasVowel(b[:len(b)-1]) {
		b[len(b)-1] = 'i'
	}
	return b
}

var step2Rules = [][2]string{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
	{"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
	{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
	{"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}, {"logi", "log"},
}

var step3Rules = [][2]string{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

// applyFirst applies the rule of the longest suffix that b ends with.
func applyFirst(b []byte, rules [][2]string, min int) []byte {
	best := -1
	for i, r := range rules {
		if ends(b, r[0]) && (best < 0 || len(r[0]) > len(rules[best][0])) {
			best = i
		}
	}
	if best >= 0 {
		replace(&b, rules[best][0], rules[best][1], min)
	}
	return b
}

func step2(b []byte) []byte { return applyFirst(b, step2Rules, 0) }
func step3(b []byte) []byte { return applyFirst(b, step3Rules, 0) }

var step4Suffixes = []string{"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"}

func step4(b []byte) []byte {
	best := ""
	for _, s := range step4Suffixes {
		if ends(b, s) && len(s) > len(best) {
			best = s
		}
	}
	if best == "" {
		return b
	}
	stem := b[:len(b)-len(best)]
	if best == "ion" && !(ends(stem, "s") || ends(stem, "t")) {
		return b
	}
	if measure(stem) > 1 {
		return stem
	}
	return b
}

func step5(b []byte) []byte {
	if ends(b, "e") {
		stem := b[:len(b)-1]
		if m := measure(stem); m > 1 || m == 1 && !cvc(stem) {
			b = stem
		}
	}
	if measure(b) > 1 && doubleC(b) && ends(b, "l") {
		b = b[:len(b)-1]
	}
	return b
}

// completions are endings a prefix may be completed with, whose stems
// tell how short the stem of a word starting with the prefix can be.
var completions = []string{"", "e", "s", "es", "ed", "ing", "ion", "ions", "ation", "ations", "al", "ly", "ment",
	"ments", "er", "ers", "ive", "ity", "ize", "ise", "ness", "y"}

// PrefixStem is the stem prefix that finds the words starting with the
// folded prefix p in an index of Porter stems: the shortest stem of p's
// likely completions that p starts with ("negotiat" → "negoti", the stem
// of "negotiate", "negotiation" and "negotiating"), else p.
func PrefixStem(p string) string {
	best := p
	for _, c := range completions {
		if s := Porter(p + c); len(s) < len(best) && len(s) >= 2 && p[:len(s)] == s {
			best = s
		}
	}
	return best
}
