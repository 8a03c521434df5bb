package pipeline

import (
	"context"
	"fmt"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib"
	"github.com/whosaid/whosaid/attrib/classify"
	"github.com/whosaid/whosaid/attrib/model"
	"github.com/whosaid/whosaid/clean"
	"github.com/whosaid/whosaid/dates"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/provenance"
	"github.com/whosaid/whosaid/segment"
	"github.com/whosaid/whosaid/syntax"
)

// Attribution methods: the learned tagger (the default) or the rules alone.
const (
	AttribModel = "model"
	AttribRules = "rules"
)

// Options choose among the standard stages.
type Options struct {
	// TextAsIs keeps plain-text inputs exactly as they are (no chrome
	// removal, no normalisation): for annotated corpora, whose offsets
	// must not move.
	TextAsIs bool
	// Attribution is AttribModel (default) or AttribRules.
	Attribution string
	// AttribModelFile, if set, is a model written by `whosaid train
	// attrib`, used instead of the shipped one.
	AttribModelFile string
}

// Spec is one named stage of the standard pipeline. New returns nil when
// the options leave the stage out.
type Spec struct {
	Name string
	New  func(Options) (whosaid.Stage, error)
}

// Standard is the annotation pipeline, in order: the one place where the
// stages are chosen. A new stage goes here, after the stages whose layers
// it reads.
var Standard = []Spec{
	{"clean", func(o Options) (whosaid.Stage, error) { return clean.Cleaner{AsIs: o.TextAsIs}, nil }},
	{"segment", fixed(segment.Segmenter{})},
	{"quotes", fixed(segment.Quoter{})},
	{"syntax", func(Options) (whosaid.Stage, error) {
		tagger, parser, err := syntax.Default()
		if err != nil {
			return nil, err
		}
		return syntax.Annotator{Tagger: tagger, Parser: parser}, nil
	}},
	{"mentions", fixed(mention.Detector{})},
	{"rules", func(o Options) (whosaid.Stage, error) {
		if err := checkAttribution(o); err != nil {
			return nil, err
		}
		return attrib.Rules{Final: o.Attribution == AttribRules}, nil
	}},
	{"attrib-model", func(o Options) (whosaid.Stage, error) {
		if o.Attribution == AttribRules {
			return nil, nil
		}
		m, err := attribModel(o.AttribModelFile)
		if err != nil {
			return nil, err
		}
		return model.Tagger{Model: m, WithRules: true}, nil
	}},
	{"carriers", fixed(provenance.Carriers{})},
	{"identity", fixed(identity.Resolver{})},
	{"classify", fixed(classify.Classifier{})},
	{"provenance", fixed(provenance.Stage{})},
	{"said-on", fixed(dates.SaidOn{})},
}

func fixed(s whosaid.Stage) func(Options) (whosaid.Stage, error) {
	return func(Options) (whosaid.Stage, error) { return s, nil }
}

func checkAttribution(o Options) error {
	switch o.Attribution {
	case "", AttribModel, AttribRules:
		return nil
	}
	return whosaid.Errorf(whosaid.EInvalid, "unknown attribution method %q (want %s or %s)", o.Attribution, AttribModel, AttribRules)
}

// attribModel is the shipped model, or the one in path when set.
func attribModel(path string) (*model.Model, error) {
	if path == "" {
		return model.Default()
	}
	return model.Open(path)
}

// Default is every stage of Standard for the options.
func Default(opt Options) ([]whosaid.Stage, error) {
	return build(opt, func(whosaid.Stage) bool { return false })
}

// Upto is the stages of Standard up to the first one that assigns layer:
// what it takes to have that layer (tests and training use it).
func Upto(layer whosaid.Layer, opt Options) ([]whosaid.Stage, error) {
	stages, err := build(opt, func(s whosaid.Stage) bool { return assigns(s, layer) })
	if err != nil {
		return nil, err
	}
	if n := len(stages); n == 0 || !assigns(stages[n-1], layer) {
		return nil, fmt.Errorf("pipeline: no standard stage assigns layer %q", layer)
	}
	return stages, nil
}

func build(opt Options, last func(whosaid.Stage) bool) ([]whosaid.Stage, error) {
	var out []whosaid.Stage
	for _, sp := range Standard {
		s, err := sp.New(opt)
		if err != nil {
			return nil, err
		}
		if s == nil {
			continue
		}
		out = append(out, s)
		if last(s) {
			break
		}
	}
	return out, nil
}

func assigns(s whosaid.Stage, layer whosaid.Layer) bool {
	for _, a := range s.Assigns() {
		if a == layer {
			return true
		}
	}
	return false
}

// AnnotateText runs the standard stages after cleaning on a Doc whose Text
// is set, up to the stage that assigns layer (training and tests), and
// returns the first stage error.
func AnnotateText(ctx context.Context, d *whosaid.Doc, upto whosaid.Layer, opt Options) error {
	stages, err := Upto(upto, opt)
	if err != nil {
		return err
	}
	p, err := New([]whosaid.Layer{whosaid.LayerText, whosaid.LayerMeta}, stages[1:]...) // after clean
	if err != nil {
		return err
	}
	p.FailFast = true
	return p.Run(ctx, d)
}
