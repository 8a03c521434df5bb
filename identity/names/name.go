package names

import (
	"strings"
	"unicode"
)

// Name is a parsed name: its comparable parts in order, and what its
// titles tell.
type Name struct {
	Parts  []string // folded parts, titles and articles removed
	Gender string   // "male", "female" or "" from titles
	// Acronym is set when the name is written as one all-capital word
	// ("AAH", "UN"): it may stand for a longer name.
	Acronym  string
	initials string // initials of every original word, for acronyms
}

// Parse reads a name as written in text.
func Parse(s string) Name {
	var n Name
	raw := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	if len(raw) == 1 && len([]rune(raw[0])) >= 2 && strings.ToUpper(raw[0]) == raw[0] && strings.ToLower(raw[0]) != raw[0] {
		n.Acronym = strings.ToLower(fold(raw[0]))
	}
	words := strings.Fields(fold(joinHyphens(s)))
	for _, w := range words {
		n.initials += w[:1]
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if g, ok := titles[w]; ok && (len(words) > 1) {
			if g != "" && n.Gender == "" {
				n.Gender = g
			}
			continue
		}
		if articles[w] && i+1 < len(words) {
			continue
		}
		if j, ok := joiners[w]; ok && i+1 < len(words) {
			k := i + 1
			if articles[words[k]] && k+1 < len(words) {
				k++
			}
			n.Parts = append(n.Parts, j+words[k])
			i = k
			continue
		}
		// "Abdulmahdi", "Abulfadl": the compound written as one word.
		for _, p := range [][2]string{{"abdul", "abd"}, {"abdel", "abd"}, {"abdal", "abd"}, {"abdol", "abd"}, {"abul", "abu"}, {"abou", "abu"}} {
			if strings.HasPrefix(w, p[0]) && len(w) > len(p[0])+2 {
				w = p[1] + w[len(p[0]):]
				break
			}
		}
		if particles[w] && i+1 < len(words) {
			continue
		}
		n.Parts = append(n.Parts, w)
	}
	return n
}

// joinHyphens writes a hyphenated part as one word ("Jin-ping", "Jean-Luc")
// unless the hyphen follows an article or a connective ("al-Nouri",
// "Abdel-Mahdi"), which is a part of its own.
func joinHyphens(s string) string {
	fields := strings.Fields(s)
	for i, f := range fields {
		segs := strings.Split(f, "-")
		if len(segs) < 2 {
			continue
		}
		var b strings.Builder
		for k, seg := range segs {
			if k > 0 {
				prev := strings.TrimSpace(fold(segs[k-1]))
				if articles[prev] || joiners[prev] != "" || k > 1 && b.Len() == 0 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(seg)
		}
		fields[i] = b.String()
	}
	return strings.Join(fields, " ")
}
