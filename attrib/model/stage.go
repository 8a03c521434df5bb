package model

import (
	"context"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib"
)

// Tagger is the pipeline stage that runs a Model.
type Tagger struct {
	Model *Model
	// WithRules adds the rules' statements where the tagger found none
	// (see Combine).
	WithRules bool
}

func (Tagger) Name() string { return "attrib-model" }
func (Tagger) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerTokens, whosaid.LayerSentences, whosaid.LayerQuotes, whosaid.LayerMentions}
}
func (Tagger) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerStatements} }

// Process tags doc and sets its statements.
func (t Tagger) Process(_ context.Context, doc *whosaid.Doc) error {
	labels := t.Model.Tag(doc)
	doc.Statements = saneStatements(doc, Statements(doc, labels))
	extendContents(doc, doc.Statements, labels)
	if t.WithRules {
		doc.Statements = Combine(doc, doc.Statements, attrib.Find(doc))
	}
	return nil
}
