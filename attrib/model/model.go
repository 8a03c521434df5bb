package model

import (
	"github.com/whosaid/whosaid"
)

// Model is a trained attribution tagger.
type Model struct {
	w        *weights
	Clusters Clusters
}

// Tag labels every token of an annotated doc, sentence by sentence.
func (m *Model) Tag(doc *whosaid.Doc) []int {
	f := newFeaturizer(doc, m.Clusters)
	out := make([]int, len(doc.Tokens))
	prev := lO
	for si, s := range doc.Sentences {
		sent := sentence{feats: f.sentence(s), samePara: si > 0 && doc.Sentences[si-1].Paragraph == s.Paragraph}
		pred := m.w.decode(m.w.rowsFor(sent, prev, false))
		copy(out[s.FirstToken:], pred)
		prev = lastLabel(pred)
	}
	return out
}

// Features is the number of features with weights.
func (m *Model) Features() int { return len(m.w.w) }
