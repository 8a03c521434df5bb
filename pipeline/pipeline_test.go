package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
)

// stage is a configurable fake stage.
type stage struct {
	name     string
	req, ass []whosaid.Layer
	fn       func(*whosaid.Doc) error
}

func (s stage) Name() string              { return s.name }
func (s stage) Requires() []whosaid.Layer { return s.req }
func (s stage) Assigns() []whosaid.Layer  { return s.ass }
func (s stage) Process(_ context.Context, d *whosaid.Doc) error {
	if s.fn != nil {
		return s.fn(d)
	}
	return nil
}

func TestNewRefusesMissingLayer(t *testing.T) {
	_, err := pipeline.New([]whosaid.Layer{whosaid.LayerRaw},
		stage{name: "a", req: []whosaid.Layer{whosaid.LayerRaw}, ass: []whosaid.Layer{whosaid.LayerText}},
		stage{name: "b", req: []whosaid.Layer{whosaid.LayerTokens}},
	)
	if err == nil || whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Fatalf("want EInvalid for a stage whose layer nobody assigns, got %v", err)
	}
}

func TestFailedStageSkipsDependents(t *testing.T) {
	var ran []string
	rec := func(n string, err error) func(*whosaid.Doc) error {
		return func(*whosaid.Doc) error { ran = append(ran, n); return err }
	}
	p, err := pipeline.New([]whosaid.Layer{whosaid.LayerRaw},
		stage{name: "clean", req: []whosaid.Layer{whosaid.LayerRaw}, ass: []whosaid.Layer{whosaid.LayerText}, fn: rec("clean", nil)},
		stage{name: "seg", req: []whosaid.Layer{whosaid.LayerText}, ass: []whosaid.Layer{whosaid.LayerTokens}, fn: rec("seg", errors.New("boom"))},
		stage{name: "tag", req: []whosaid.Layer{whosaid.LayerTokens}, ass: []whosaid.Layer{whosaid.LayerPOS}, fn: rec("tag", nil)},
		stage{name: "meta", req: []whosaid.Layer{whosaid.LayerText}, ass: []whosaid.Layer{whosaid.LayerDates}, fn: rec("meta", nil)},
		stage{name: "panic", req: []whosaid.Layer{whosaid.LayerText}, fn: func(*whosaid.Doc) error { panic("bad") }},
	)
	if err != nil {
		t.Fatal(err)
	}
	d := &whosaid.Doc{Source: "x"}
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ran) != "[clean seg meta]" {
		t.Errorf("ran %v, want tag skipped after seg failed", ran)
	}
	if len(d.Errors) != 2 || d.Errors[0].Stage != "seg" || d.Errors[1].Stage != "panic" {
		t.Errorf("errors recorded: %+v", d.Errors)
	}
}

func TestRunAllKeepsOrder(t *testing.T) {
	p, err := pipeline.New(nil, stage{name: "slow", fn: func(d *whosaid.Doc) error {
		// Later docs finish first.
		n := 0
		fmt.Sscan(d.Source, &n)
		for i := 0; i < (100-n)*1000; i++ {
			_ = i
		}
		d.Text = d.Source
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	in := make(chan *whosaid.Doc)
	go func() {
		for i := 0; i < 100; i++ {
			in <- &whosaid.Doc{Source: fmt.Sprint(i)}
		}
		close(in)
	}()
	i := 0
	for d := range p.RunAll(context.Background(), in, 4) {
		if d.Source != fmt.Sprint(i) || d.Text != d.Source {
			t.Fatalf("doc %d came as %q (text %q)", i, d.Source, d.Text)
		}
		i++
	}
	if i != 100 {
		t.Errorf("%d docs out, want 100", i)
	}
}

// TestStandardOrderIsChecked: the standard stages declare everything they
// read, so moving the parser after attribution is refused instead of
// silently losing statements.
func TestStandardOrderIsChecked(t *testing.T) {
	stages, err := pipeline.Default(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.New([]whosaid.Layer{whosaid.LayerRaw}, stages...); err != nil {
		t.Fatalf("the standard pipeline is refused: %v", err)
	}
	var syntaxAt, tagger int
	for i, s := range stages {
		switch s.Name() {
		case "syntax":
			syntaxAt = i
		case "attrib-model":
			tagger = i
		}
	}
	moved := append([]whosaid.Stage(nil), stages[:syntaxAt]...)
	moved = append(moved, stages[syntaxAt+1:tagger+1]...)
	moved = append(moved, stages[syntaxAt])
	moved = append(moved, stages[tagger+1:]...)
	if _, err := pipeline.New([]whosaid.Layer{whosaid.LayerRaw}, moved...); whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Errorf("syntax after attribution accepted: %v", err)
	}
	for _, layer := range []whosaid.Layer{whosaid.LayerTokens, whosaid.LayerMentions, whosaid.LayerRules, whosaid.LayerStatements, whosaid.LayerEntities} {
		up, err := pipeline.Upto(layer, pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		last := up[len(up)-1]
		found := false
		for _, a := range last.Assigns() {
			found = found || a == layer
		}
		if !found {
			t.Errorf("Upto(%s) ends with %s, which does not assign it", layer, last.Name())
		}
	}
	if _, err := pipeline.Upto(whosaid.LayerSpeakers, pipeline.Options{}); err == nil {
		t.Errorf("no standard stage links speakers (that is the linker's job), yet Upto found one")
	}
	if _, err := pipeline.Default(pipeline.Options{Attribution: "magic"}); whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Errorf("unknown attribution method: %v", err)
	}
}
