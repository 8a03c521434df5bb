package segment

import (
	"context"

	"github.com/whosaid/whosaid"
)

// Segmenter is the stage that assigns paragraphs, sentences and tokens.
type Segmenter struct{}

func (Segmenter) Name() string              { return "segment" }
func (Segmenter) Requires() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerText} }
func (Segmenter) Assigns() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerParagraphs, whosaid.LayerSentences, whosaid.LayerTokens}
}

// Process segments doc.Text.
func (Segmenter) Process(_ context.Context, doc *whosaid.Doc) error {
	Segment(doc)
	return nil
}

// Segment fills doc's paragraph, sentence and token layers.
func Segment(doc *whosaid.Doc) {
	text := doc.Text
	doc.Paragraphs = Paragraphs(text)
	doc.Sentences = doc.Sentences[:0]
	doc.Tokens = doc.Tokens[:0]
	var spans []whosaid.Span
	for pi, p := range doc.Paragraphs {
		spans = Tokenize(spans[:0], text, p.Start, p.End)
		base := len(doc.Tokens)
		for _, s := range spans {
			doc.Tokens = append(doc.Tokens, whosaid.Token{Span: s, Head: -1})
		}
		for _, r := range Sentences(text, spans) {
			doc.Sentences = append(doc.Sentences, whosaid.Sentence{
				Span:       whosaid.Span{Start: spans[r[0]].Start, End: spans[r[1]-1].End},
				FirstToken: base + r[0], EndToken: base + r[1], Paragraph: pi,
			})
		}
	}
}

// Quoter is the stage that finds quotations.
type Quoter struct{}

func (Quoter) Name() string { return "quotes" }
func (Quoter) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerParagraphs, whosaid.LayerSentences}
}
func (Quoter) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerQuotes} }

// Process finds the quotations of doc.
func (Quoter) Process(_ context.Context, doc *whosaid.Doc) error {
	doc.Quotes = FindQuotes(doc.Text, doc.Paragraphs, doc.Sentences)
	return nil
}
