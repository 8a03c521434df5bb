package score

import (
	"strings"

	"github.com/whosaid/whosaid/eval/brat"
)

// GoldSpans lists the labelled fragments of a brat document's
// attributions, trimmed of white space.
func GoldSpans(d *brat.Document) []Span {
	text := []rune(d.Text)
	var out []Span
	add := func(label string, s *brat.Span) {
		if s == nil {
			return
		}
		for _, f := range s.Fragments {
			a, b := trim(text, f[0], f[1])
			if b > a {
				out = append(out, Span{Label: label, Start: a, End: b})
			}
		}
	}
	for _, a := range d.Attributions {
		add("source", a.Source)
		add("cue", a.Cue)
		add("content", a.Content)
	}
	return out
}

// Spans scores predictions (per document name, in code points of the
// gold text) against a brat corpus.
func Spans(gold []*brat.Document, pred map[string][]Span) *Report {
	r := newReport()
	for _, d := range gold {
		r.Docs++
		p, ok := pred[d.Name]
		if !ok {
			r.MissingDocs++
		}
		text := []rune(d.Text)
		var trimmed []Span
		for _, s := range p {
			a, b := trim(text, s.Start, s.End)
			trimmed = append(trimmed, Span{Label: s.Label, Start: a, End: b})
		}
		r.add(GoldSpans(d), trimmed)
	}
	return r
}

// DocName is the corpus name of a source path: its base name without
// ".txt".
func DocName(source string) string {
	i := strings.LastIndexAny(source, `/\`)
	return strings.TrimSuffix(source[i+1:], ".txt")
}
