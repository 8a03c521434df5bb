package model

import (
	"context"

	"github.com/whosaid/whosaid"
)

// Tagger is the pipeline stage that runs a Model. Its features read the
// parse (POS tags and dependencies), the mentions, the quotations and the
// rules' statements (attrib.Rules), so it requires all of them.
type Tagger struct {
	Model *Model
	// WithRules adds the rules' statements where the tagger found none
	// (see Combine).
	WithRules bool
}

func (Tagger) Name() string { return "attrib-model" }
func (Tagger) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerTokens, whosaid.LayerSentences, whosaid.LayerPOS, whosaid.LayerDeps,
		whosaid.LayerQuotes, whosaid.LayerMentions, whosaid.LayerRules}
}
func (Tagger) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerStatements} }

// Process tags doc and sets its statements.
func (t Tagger) Process(_ context.Context, doc *whosaid.Doc) error {
	labels := t.Model.Tag(doc)
	stmts := saneStatements(doc, Statements(doc, labels))
	extendContents(doc, stmts, labels)
	if t.WithRules {
		stmts = Combine(doc, stmts, doc.RuleStatements)
	}
	doc.Statements = stmts
	return nil
}
