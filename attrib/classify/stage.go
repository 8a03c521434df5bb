package classify

import (
	"context"

	"github.com/whosaid/whosaid"
)

// Classifier is the pipeline stage that sets each statement's Class,
// ClassConfidence, SourceType and calibrated Confidence. It reads the parse, the quotations,
// the mentions and the entities the resolver built (an "it" resolved to
// an organisation is an organisation), and changes nothing else.
type Classifier struct {
	// Calibration sets Confidence; nil: the shipped one.
	Calibration *Calibration
}

func (Classifier) Name() string { return "classify" }
func (Classifier) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerTokens, whosaid.LayerPOS, whosaid.LayerQuotes, whosaid.LayerMentions,
		whosaid.LayerStatements, whosaid.LayerEntities}
}
func (Classifier) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerClasses} }

// Process classifies every statement of doc.
func (c Classifier) Process(_ context.Context, doc *whosaid.Doc) error {
	cal := c.Calibration
	if cal == nil {
		var err error
		if cal, err = DefaultCalibration(); err != nil {
			return err
		}
	}
	for i := range doc.Statements {
		s := &doc.Statements[i]
		s.SourceType = sourceType(doc, s)
		s.Class, s.ClassConfidence = class(doc, s)
		s.Confidence = round(cal.Probability(Features(doc, s)))
	}
	return nil
}
