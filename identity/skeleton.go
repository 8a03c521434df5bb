package identity

import "strings"

// skeleton reduces a folded word to a transliteration-tolerant key: the
// first letter, then consonants only, digraphs and near-equivalent letters
// merged, doubled letters once. "Hadiidi" and "Hadidi" share one, as do
// "Sheik" and "Shaikh".
func skeleton(w string) string {
	w = strings.ToLower(w)
	for _, p := range [][2]string{{"kh", "k"}, {"gh", "g"}, {"dh", "d"}, {"th", "t"}, {"sh", "s"}, {"ph", "f"}, {"q", "k"}, {"ck", "k"}, {"c", "k"}, {"ou", "u"}, {"j", "g"}, {"z", "s"}, {"w", "v"}} {
		w = strings.ReplaceAll(w, p[0], p[1])
	}
	var b strings.Builder
	var last rune
	for i, ch := range w {
		if i > 0 && strings.ContainsRune("aeiouy-h", ch) {
			continue
		}
		if ch == last {
			continue
		}
		b.WriteRune(ch)
		last = ch
	}
	return b.String()
}

func skeletons(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = skeleton(w)
	}
	return out
}
