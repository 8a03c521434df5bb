package extract

import (
	"context"
	"fmt"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib"
	"github.com/whosaid/whosaid/attrib/model"
	"github.com/whosaid/whosaid/clean"
	"github.com/whosaid/whosaid/dates"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/segment"
	"github.com/whosaid/whosaid/syntax"
)

// DefaultStages is the annotation pipeline, in order. This table is the one
// place where stages are chosen.
func DefaultStages() ([]whosaid.Stage, error) { return Stages(Options{}) }

// Attribution methods: the learned tagger (the default) or the rules.
const (
	AttribModel = "model"
	AttribRules = "rules"
)

// Stages is the annotation pipeline for a run's options.
func Stages(opt Options) ([]whosaid.Stage, error) {
	before, err := BeforeAttribution()
	if err != nil {
		return nil, err
	}
	stages := append([]whosaid.Stage{clean.Cleaner{AsIs: opt.TextAsIs}}, before...)
	switch opt.Attribution {
	case "", AttribModel:
		m, err := attribModel(opt.AttribModelFile)
		if err != nil {
			return nil, err
		}
		stages = append(stages, model.Tagger{Model: m, WithRules: true})
	case AttribRules:
		stages = append(stages, attrib.Rules{})
	default:
		return nil, fmt.Errorf("unknown attribution method %q (want %s or %s)", opt.Attribution, AttribModel, AttribRules)
	}
	return append(stages, identity.Resolver{}, dates.SaidOn{}), nil
}

// attribModel is the shipped model, or the one in path when set.
func attribModel(path string) (*model.Model, error) {
	if path == "" {
		return model.Default()
	}
	return model.Open(path)
}

// DefaultLinker links speakers across the articles of one run.
func DefaultLinker() whosaid.Linker { return identity.Linker{} }

// BeforeAttribution are the stages between cleaning and attribution: what
// the attribution model reads. Training runs exactly these, so the model
// learns from the annotations it will see at run time.
func BeforeAttribution() ([]whosaid.Stage, error) {
	tagger, parser, err := syntax.Default()
	if err != nil {
		return nil, err
	}
	return []whosaid.Stage{segment.Segmenter{}, segment.Quoter{}, syntax.Annotator{Tagger: tagger, Parser: parser}, mention.Detector{}}, nil
}

// Annotate runs BeforeAttribution on a Doc whose Text is set.
func Annotate(doc *whosaid.Doc) error {
	stages, err := BeforeAttribution()
	if err != nil {
		return err
	}
	for _, s := range stages {
		if err := s.Process(context.Background(), doc); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
	}
	return nil
}
