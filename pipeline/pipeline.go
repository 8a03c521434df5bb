// Package pipeline chains Stages into a checked sequence and runs it over a
// stream of Docs on several workers, keeping the input order.
//
// New refuses a sequence in which a stage requires a layer that no earlier
// stage assigns (the input's own layers, Raw for instance, are declared with
// Provided). A stage error is recorded on the Doc and the Doc goes on to the
// stages that do not depend on the failed one; FailFast stops at the first.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/whosaid/whosaid"
)

// Pipeline is an ordered, validated list of stages.
type Pipeline struct {
	stages   []whosaid.Stage
	FailFast bool
}

// New checks that every stage's requirements are met by the provided layers
// or by an earlier stage, and returns the pipeline.
func New(provided []whosaid.Layer, stages ...whosaid.Stage) (*Pipeline, error) {
	have := map[whosaid.Layer]bool{}
	for _, l := range provided {
		have[l] = true
	}
	for _, s := range stages {
		for _, r := range s.Requires() {
			if !have[r] {
				return nil, whosaid.Errorf(whosaid.EInvalid, "pipeline: stage %q requires layer %q, which no earlier stage assigns", s.Name(), r)
			}
		}
		for _, a := range s.Assigns() {
			have[a] = true
		}
	}
	return &Pipeline{stages: stages}, nil
}

// Stages returns the stage names in order.
func (p *Pipeline) Stages() []string {
	names := make([]string, len(p.stages))
	for i, s := range p.stages {
		names[i] = s.Name()
	}
	return names
}

// Run passes doc through every stage. A stage whose required layer was to be
// assigned by a stage that failed on this doc is skipped. It returns the
// first error when FailFast is set, else nil (errors are on doc.Errors).
func (p *Pipeline) Run(ctx context.Context, doc *whosaid.Doc) error {
	broken := map[whosaid.Layer]bool{}
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		skip := false
		for _, r := range s.Requires() {
			if broken[r] {
				skip = true
			}
		}
		if skip {
			for _, a := range s.Assigns() {
				broken[a] = true
			}
			continue
		}
		if err := runStage(ctx, s, doc); err != nil {
			doc.Errors = append(doc.Errors, whosaid.StageError{Stage: s.Name(), Err: err})
			if p.FailFast {
				return err
			}
			for _, a := range s.Assigns() {
				broken[a] = true
			}
		}
	}
	return nil
}

// runStage turns a panic inside a stage into an error on that doc, so one
// pathological article cannot take the whole run down.
func runStage(ctx context.Context, s whosaid.Stage, doc *whosaid.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = whosaid.InputError(whosaid.EInternal, doc.Source, "stage %s panicked: %v", s.Name(), r)
		}
	}()
	return s.Process(ctx, doc)
}

// RunAll reads docs from in, runs the pipeline on each with the given
// number of workers (0 = GOMAXPROCS) and sends them to the returned channel
// in input order. The output channel is closed when in is drained or ctx is
// done.
func (p *Pipeline) RunAll(ctx context.Context, in <-chan *whosaid.Doc, workers int) <-chan *whosaid.Doc {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type slot struct {
		doc  *whosaid.Doc
		done chan struct{}
	}
	// The queue holds slots in input order; workers fill them in any order
	// and the collector releases them in order. Its capacity bounds the
	// number of docs in memory.
	queue := make(chan *slot, workers*4)
	work := make(chan *slot)
	out := make(chan *whosaid.Doc, workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				_ = p.Run(ctx, s.doc) // errors are recorded on the doc
				close(s.done)
			}
		}()
	}
	go func() {
		defer close(queue)
		defer close(work)
		for d := range in {
			s := &slot{doc: d, done: make(chan struct{})}
			select {
			case queue <- s:
			case <-ctx.Done():
				return
			}
			select {
			case work <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer close(out)
		for s := range queue {
			select {
			case <-s.done:
			case <-ctx.Done():
				return
			}
			select {
			case out <- s.doc:
			case <-ctx.Done():
				return
			}
		}
		wg.Wait()
	}()
	return out
}

// String lists the stages, for logs.
func (p *Pipeline) String() string { return fmt.Sprint(p.Stages()) }
