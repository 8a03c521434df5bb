package model

import (
	"unicode"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval/brat"
)

// Annotator runs the stages the tagger reads (segmentation, quotations,
// mentions, and syntax when available) on a Doc whose Text is set.
type Annotator func(*whosaid.Doc) error

// example is one training document: its static features and gold labels
// by sentence.
type example struct {
	f     *featurizer
	sents []sentence
}

type sentence struct {
	feats    [][]uint64
	gold     []int
	samePara bool // in the same paragraph as the previous sentence
}

// newExample annotates a brat document and labels its tokens with the gold
// spans (the shortest span covering a token wins, as in the evaluation).
func newExample(d *brat.Document, annotate Annotator, clusters Clusters) (*example, error) {
	doc := &whosaid.Doc{ID: d.Name, Source: d.Name, Text: d.Text}
	if err := annotate(doc); err != nil {
		return nil, err
	}
	var spans []labelled
	add := func(s *brat.Span, label int) {
		if s == nil {
			return
		}
		for _, fr := range s.Fragments {
			sp := trimSpan(doc, whosaid.Span{Start: doc.Byte(fr[0]), End: doc.Byte(fr[1])})
			if sp.End > sp.Start {
				spans = append(spans, labelled{sp, label})
			}
		}
	}
	for _, a := range d.Attributions {
		add(a.Source, lBSource)
		add(a.Cue, lBCue)
		add(a.Content, lBContent)
	}
	gold := tokenLabels(doc, spans)
	f := newFeaturizer(doc, clusters)
	ex := &example{f: f, sents: f.sentences()}
	for si, s := range doc.Sentences {
		ex.sents[si].gold = gold[s.FirstToken:s.EndToken]
	}
	return ex, nil
}

func trimSpan(doc *whosaid.Doc, s whosaid.Span) whosaid.Span {
	for s.Start < s.End && unicode.IsSpace(rune(doc.Text[s.Start])) {
		s.Start++
	}
	for s.End > s.Start && unicode.IsSpace(rune(doc.Text[s.End-1])) {
		s.End--
	}
	return s
}

// lastLabel is the label of the last token of a sentence that is not
// sentence punctuation, or O.
func lastLabel(labels []int) int {
	if len(labels) == 0 {
		return lO
	}
	return labels[len(labels)-1]
}
