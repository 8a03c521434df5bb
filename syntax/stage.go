package syntax

import (
	"context"

	"github.com/whosaid/whosaid"
)

// Annotator is the stage that tags and parses every sentence.
type Annotator struct {
	Tagger *Tagger
	Parser *Parser
}

func (Annotator) Name() string { return "syntax" }
func (Annotator) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerTokens, whosaid.LayerSentences}
}
func (Annotator) Assigns() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerPOS, whosaid.LayerDeps}
}

// maxParseTokens bounds the sentences parsed: a "sentence" longer than
// this is a list or a table the segmenter could not split, and parsing it
// costs time for nothing.
const maxParseTokens = 250

// Process sets Token.POS, Token.Head and Token.Dep.
func (a Annotator) Process(_ context.Context, doc *whosaid.Doc) error {
	for _, s := range doc.Sentences {
		n := s.EndToken - s.FirstToken
		if n <= 0 {
			continue
		}
		words := make([]string, n)
		for i := range words {
			words[i] = doc.Str(doc.Tokens[s.FirstToken+i].Span)
		}
		tags := a.Tagger.Tag(words)
		for i, t := range tags {
			doc.Tokens[s.FirstToken+i].POS = t
			doc.Tokens[s.FirstToken+i].Head = -1
		}
		if a.Parser == nil || n > maxParseTokens {
			continue
		}
		heads, labels := a.Parser.Parse(words, tags)
		for i := range heads {
			t := &doc.Tokens[s.FirstToken+i]
			t.Dep = labels[i]
			if heads[i] > 0 {
				t.Head = s.FirstToken + heads[i] - 1
			}
		}
	}
	return nil
}
