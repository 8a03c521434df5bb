package score

import (
	"strings"
	"unicode"
)

// Shingles counts, for one page, the word n-grams of an extracted text
// that match the gold text: the measure of the article-extraction
// benchmark.
type Shingles struct{ TP, FP, FN int }

// ShingleMatch compares gold and extracted text by their multisets of
// n-word shingles (words are runs of letters and digits).
func ShingleMatch(gold, pred string, n int) Shingles {
	g, p := shingles(gold, n), shingles(pred, n)
	var s Shingles
	for k, c := range p {
		m := min(c, g[k])
		s.TP += m
		s.FP += c - m
	}
	for k, c := range g {
		s.FN += c - min(c, p[k])
	}
	return s
}

func shingles(text string, n int) map[string]int {
	words := strings.FieldsFunc(text, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') })
	out := map[string]int{}
	if len(words) > 0 && len(words) < n {
		out[strings.Join(words, " ")]++
	}
	for i := 0; i+n <= len(words); i++ {
		out[strings.Join(words[i:i+n], " ")]++
	}
	return out
}

func shinglePRF(s Shingles) PRF { return prf(s.TP, s.TP+s.FP, s.TP, s.TP+s.FN) }

// F1 of one page, from 0 to 1. An empty gold and an empty extraction agree.
func (s Shingles) F1() float64 {
	if s.TP+s.FP+s.FN == 0 {
		return 1
	}
	return shinglePRF(s).F / 100
}

// AverageShingles returns, in percent, the per-page average of precision and recall
// with the F1 of those averages (macro), and the scores of the pooled
// counts (micro).
func AverageShingles(pages []Shingles) (macro, micro PRF) {
	var tp, fp, fn int
	for _, s := range pages {
		r := shinglePRF(s)
		if s.TP+s.FP == 0 {
			r.P = 100 // nothing extracted: nothing wrong extracted
		}
		macro.P += r.P
		macro.R += r.R
		tp, fp, fn = tp+s.TP, fp+s.FP, fn+s.FN
	}
	if n := float64(len(pages)); n > 0 {
		macro.P /= n
		macro.R /= n
	}
	if macro.P+macro.R > 0 {
		macro.F = 2 * macro.P * macro.R / (macro.P + macro.R)
	}
	return macro, shinglePRF(Shingles{tp, fp, fn})
}
