package syntax

import (
	"strings"
	"unicode"
)

// fh hashes a feature: a template number and its string parts (FNV-1a).
func fh(tmpl byte, parts ...string) uint64 {
	h := uint64(14695981039346656037) ^ uint64(tmpl)
	h *= 1099511628211
	for _, s := range parts {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	}
	return h
}

// norm maps a token to the form the treebank writes it in: quotation marks
// of every style to one symbol, brackets to -LRB-/-RRB-, digits to 0.
func norm(w string) string {
	switch w {
	case "“", "”", "\"", "``", "''", "„", "«", "»":
		return "QUOTE"
	case "‘", "’", "`", "'":
		return "SQUOTE"
	case "(", "[", "{":
		return "-LRB-"
	case ")", "]", "}":
		return "-RRB-"
	case "—", "–", "--":
		return "--"
	case "…":
		return "..."
	}
	w = strings.ReplaceAll(w, "’", "'")
	hasDigit := false
	for _, r := range w {
		if unicode.IsDigit(r) {
			hasDigit = true
			break
		}
	}
	if hasDigit {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '0'
			}
			return r
		}, w)
	}
	return w
}

// shape is a word's outline: Xxxx, xx, X.X., 00, with runs collapsed.
func shape(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = '0'
		default:
			c = r
		}
		if c != last {
			b.WriteRune(c)
		}
		last = c
	}
	return b.String()
}

func suffix(w string, n int) string {
	r := []rune(w)
	if len(r) <= n {
		return w
	}
	return string(r[len(r)-n:])
}
