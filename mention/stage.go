package mention

import (
	"context"

	"github.com/whosaid/whosaid"
)

// Detector is the mention detection stage. It reads POS tags (to tell a
// role noun from a verb, a name from a sentence-initial word).
type Detector struct{}

func (Detector) Name() string { return "mentions" }
func (Detector) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerSentences, whosaid.LayerTokens, whosaid.LayerPOS}
}
func (Detector) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerMentions} }

// Process finds the mentions of doc.
func (Detector) Process(_ context.Context, doc *whosaid.Doc) error {
	doc.Mentions = Detect(doc)
	return nil
}
