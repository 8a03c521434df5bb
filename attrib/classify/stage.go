package classify

import (
	"context"

	"github.com/whosaid/whosaid"
)

// Classifier is the pipeline stage that sets each statement's Class,
// ClassConfidence and SourceType. It reads the parse, the quotations,
// the mentions and the entities the resolver built (an "it" resolved to
// an organisation is an organisation), and changes nothing else.
type Classifier struct{}

func (Classifier) Name() string { return "classify" }
func (Classifier) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerTokens, whosaid.LayerPOS, whosaid.LayerQuotes, whosaid.LayerMentions,
		whosaid.LayerStatements, whosaid.LayerEntities}
}
func (Classifier) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerClasses} }

// Process classifies every statement of doc.
func (Classifier) Process(_ context.Context, doc *whosaid.Doc) error {
	for i := range doc.Statements {
		s := &doc.Statements[i]
		s.SourceType = sourceType(doc, s)
		s.Class, s.ClassConfidence = class(doc, s)
	}
	return nil
}
