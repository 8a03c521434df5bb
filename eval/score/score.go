package score

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// Components scored, in report order.
var Components = []string{"source", "cue", "content"}

// Span is a labelled span in code points of one document's text.
type Span struct {
	Label      string
	Start, End int
}

// Counts accumulates matches for one component.
type Counts struct {
	Gold, Pred                   int
	Exact, Begin, Overlap        int // true positives
	ExactPred, BeginPred, OvPred int // predictions matched (for precision)
}

// PRF is precision, recall and F1 in percent.
type PRF struct{ P, R, F float64 }

func prf(tpPred, pred, tpGold, gold int) PRF {
	var r PRF
	if pred > 0 {
		r.P = 100 * float64(tpPred) / float64(pred)
	}
	if gold > 0 {
		r.R = 100 * float64(tpGold) / float64(gold)
	}
	if r.P+r.R > 0 {
		r.F = 2 * r.P * r.R / (r.P + r.R)
	}
	return r
}

// Exact, BeginMatch and OverlapMatch give the scores of c.
func (c Counts) ExactPRF() PRF   { return prf(c.ExactPred, c.Pred, c.Exact, c.Gold) }
func (c Counts) BeginPRF() PRF   { return prf(c.BeginPred, c.Pred, c.Begin, c.Gold) }
func (c Counts) OverlapPRF() PRF { return prf(c.OvPred, c.Pred, c.Overlap, c.Gold) }

// Report holds the counts per component.
type Report struct {
	Docs, MissingDocs int
	ByLabel           map[string]*Counts
}

func newReport() *Report {
	r := &Report{ByLabel: map[string]*Counts{}}
	for _, c := range Components {
		r.ByLabel[c] = &Counts{}
	}
	return r
}

// add compares gold and predicted spans of one unit (a document or a
// sentence) and adds the result.
func (r *Report) add(gold, pred []Span) {
	for _, label := range Components {
		g, p := only(gold, label), only(pred, label)
		c := r.ByLabel[label]
		c.Gold += len(g)
		c.Pred += len(p)
		c.Exact += matchCount(g, p, func(a, b Span) bool { return a.Start == b.Start && a.End == b.End })
		c.Begin += matchCount(g, p, func(a, b Span) bool { return a.Start == b.Start })
		c.Overlap += matchCount(g, p, func(a, b Span) bool { return a.Start < b.End && b.Start < a.End })
	}
	// Matches are one to one, so the predictions matched equal the gold
	// spans matched.
	for _, c := range r.ByLabel {
		c.ExactPred, c.BeginPred, c.OvPred = c.Exact, c.Begin, c.Overlap
	}
}

func only(spans []Span, label string) []Span {
	var out []Span
	seen := map[[2]int]bool{}
	for _, s := range spans {
		if s.Label == label && s.End > s.Start && !seen[[2]int{s.Start, s.End}] {
			seen[[2]int{s.Start, s.End}] = true
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Start < out[j].Start || out[i].Start == out[j].Start && out[i].End < out[j].End
	})
	return out
}

// matchCount pairs gold and predicted spans one to one, greedily in text
// order, and counts the pairs.
func matchCount(gold, pred []Span, ok func(a, b Span) bool) int {
	used := make([]bool, len(pred))
	n := 0
	for _, g := range gold {
		for j, p := range pred {
			if !used[j] && ok(g, p) {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}

// Write prints the report as a table.
func (r *Report) Write(w io.Writer) {
	fmt.Fprintf(w, "documents %d (missing in prediction: %d)\n", r.Docs, r.MissingDocs)
	fmt.Fprintf(w, "%-8s %7s %7s %8s %8s %8s %6s %6s\n", "", "exact P", "exact R", "exact F1", "begin F1", "overl F1", "gold", "pred")
	for _, label := range Components {
		c := r.ByLabel[label]
		e := c.ExactPRF()
		fmt.Fprintf(w, "%-8s %7.1f %7.1f %8.1f %8.1f %8.1f %6d %6d\n", label, e.P, e.R, e.F, c.BeginPRF().F, c.OverlapPRF().F, c.Gold, c.Pred)
	}
}

// trim narrows [s, e) of text (code points) to exclude white space, so
// that spans differing only in surrounding spaces compare equal.
func trim(text []rune, s, e int) (int, int) {
	if s < 0 {
		s = 0
	}
	if e > len(text) {
		e = len(text)
	}
	for s < e && unicode.IsSpace(text[s]) {
		s++
	}
	for e > s && unicode.IsSpace(text[e-1]) {
		e--
	}
	return s, e
}

// Locate finds a predicted span's text in the gold document's text, nearest
// its own offset, for predictions made on a cleaned text that differs from
// the annotated one. It returns false when the text is not found.
func Locate(gold []rune, predText string, at int) (int, bool) {
	if predText == "" {
		return 0, false
	}
	g := string(gold)
	best, bestD := -1, 0
	for i := 0; ; {
		k := strings.Index(g[i:], predText)
		if k < 0 {
			break
		}
		pos := len([]rune(g[:i+k]))
		d := pos - at
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestD {
			best, bestD = pos, d
		}
		i += k + 1
		if i >= len(g) {
			break
		}
	}
	return best, best >= 0
}
