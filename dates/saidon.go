package dates

import (
	"context"
	"fmt"
	"time"

	"github.com/whosaid/whosaid"
)

// SaidOn is the stage that dates statements from the words around them:
// "In an interview aired Tuesday evening, X said …", "X stressed, on
// Friday, that …". Only the sentence of the cue is read, and never the
// content itself (a date inside what was said is about something else).
// Relative expressions are resolved against the publication date; without
// one they stay unresolved.
type SaidOn struct{}

func (SaidOn) Name() string { return "said-on" }
func (SaidOn) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerMeta, whosaid.LayerSentences, whosaid.LayerStatements}
}
func (SaidOn) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerDates} }

func (SaidOn) Process(_ context.Context, doc *whosaid.Doc) error {
	var ref *time.Time
	if doc.Meta.Published != nil {
		ref = doc.Meta.Published
	}
	for i := range doc.Statements {
		st := &doc.Statements[i]
		anchor := anchorOf(st)
		if anchor == nil {
			continue
		}
		si := doc.SentenceAt(anchor.Start)
		if si < 0 {
			continue
		}
		sent := doc.Sentences[si].Span
		best, bestDist := Match{}, -1
		for _, m := range Find(sent.In(doc.Text)) {
			ms := whosaid.Span{Start: sent.Start + m.Start, End: sent.Start + m.End}
			if insideContent(st, ms) {
				continue
			}
			d := distance(ms, *anchor)
			if bestDist < 0 || d < bestDist {
				best, bestDist = m, d
				best.Start, best.End = ms.Start, ms.End
			}
		}
		if bestDist < 0 {
			continue
		}
		phrase := doc.Text[best.Start:best.End]
		switch {
		case !best.Relative():
			t := best.Resolve(time.Time{})
			st.SaidOn, st.SaidOnFrom = &t, fmt.Sprintf("%q in the text", phrase)
		case ref != nil:
			t := best.Resolve(*ref)
			st.SaidOn, st.SaidOnFrom = &t, fmt.Sprintf("%q relative to the publication date", phrase)
		}
	}
	return nil
}

// anchorOf is where the statement's own words are: its cue, else its
// source, else the start of its content.
func anchorOf(st *whosaid.Statement) *whosaid.Span {
	switch {
	case st.Cue != nil:
		return st.Cue
	case st.Source != nil:
		return st.Source
	case len(st.Content) > 0:
		return &st.Content[0]
	}
	return nil
}

func insideContent(st *whosaid.Statement, s whosaid.Span) bool {
	for _, c := range st.Content {
		if c.Overlaps(s) {
			return true
		}
	}
	return false
}

func distance(a, b whosaid.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}
