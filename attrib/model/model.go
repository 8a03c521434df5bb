package model

import (
	"github.com/whosaid/whosaid"
)

// Model is a trained attribution tagger: one perceptron, or two stacked,
// the second reading the first one's labels (see stackFeatures).
type Model struct {
	w        *weights
	stack    *weights // nil for a single-stage model
	Clusters Clusters
}

// Tag labels every token of an annotated doc, sentence by sentence.
func (m *Model) Tag(doc *whosaid.Doc) []int {
	f := newFeaturizer(doc, m.Clusters)
	sents := f.sentences()
	labels := m.w.tagDoc(doc, sents)
	if m.stack == nil {
		return labels
	}
	return m.stack.tagDoc(doc, f.withStack(sents, labels))
}

// Stacked reports whether the model has a second stage.
func (m *Model) Stacked() bool { return m.stack != nil }

// Features is the number of features with weights.
func (m *Model) Features() int {
	n := m.w.len()
	if m.stack != nil {
		n += m.stack.len()
	}
	return n
}

// tagDoc decodes a document's sentences in order, each with the context
// of the previous sentence's predicted last label.
func (m *weights) tagDoc(doc *whosaid.Doc, sents []sentence) []int {
	out := make([]int, len(doc.Tokens))
	prev := lO
	for si, s := range sents {
		pred := m.decode(m.rowsFor(s, prev, false))
		copy(out[doc.Sentences[si].FirstToken:], pred)
		prev = lastLabel(pred)
	}
	return out
}

// sentences returns the static features of every sentence of the doc.
func (f *featurizer) sentences() []sentence {
	doc := f.doc
	out := make([]sentence, len(doc.Sentences))
	for si, s := range doc.Sentences {
		out[si] = sentence{feats: f.sentence(s), samePara: si > 0 && doc.Sentences[si-1].Paragraph == s.Paragraph}
	}
	return out
}

// withStack returns sents with the second stage's features added, read
// from the first stage's labels; sents is not modified.
func (f *featurizer) withStack(sents []sentence, first []int) []sentence {
	out := make([]sentence, len(sents))
	for si, s := range sents {
		extra := f.stackFeatures(f.doc.Sentences[si], first)
		feats := make([][]uint64, len(s.feats))
		for i, fs := range s.feats {
			feats[i] = append(fs[:len(fs):len(fs)], extra[i]...)
		}
		out[si] = sentence{feats: feats, gold: s.gold, samePara: s.samePara}
	}
	return out
}
