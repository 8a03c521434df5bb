// Package pipelinetest annotates texts for tests with the standard
// pipeline, up to the layer a test needs: one helper instead of stages
// chained by hand in each test.
package pipelinetest

import (
	"context"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
)

// Annotate runs the standard stages after cleaning on text (taken as
// clean article text) up to the stage that assigns layer, and returns the
// Doc. opt, if given, chooses among the stages (the rules instead of the
// tagger, say). A stage error fails the test.
func Annotate(t testing.TB, text string, upto whosaid.Layer, opt ...pipeline.Options) *whosaid.Doc {
	t.Helper()
	d := &whosaid.Doc{}
	d.SetText(text)
	var o pipeline.Options
	if len(opt) > 0 {
		o = opt[0]
	}
	if err := pipeline.AnnotateText(context.Background(), d, upto, o); err != nil {
		t.Fatal(err)
	}
	return d
}
