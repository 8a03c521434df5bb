package clean

import (
	"context"
	"strings"

	"github.com/whosaid/whosaid"
)

// Cleaner is the cleaning stage.
type Cleaner struct{}

func (Cleaner) Name() string              { return "clean" }
func (Cleaner) Requires() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerRaw} }
func (Cleaner) Assigns() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerText, whosaid.LayerMeta}
}

// Process sets doc.Text and doc.Meta from doc.Raw.
func (Cleaner) Process(_ context.Context, doc *whosaid.Doc) error {
	doc.SetText(strings.ToValidUTF8(string(doc.Raw), "\uFFFD"))
	return nil
}
