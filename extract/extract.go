// Package extract runs whosaid's stateless job: read inputs, run the
// annotation pipeline on each article, and link speakers across the
// articles of the run. `whosaid extract` prints its result; `whosaid
// ingest` stores it.
package extract

import (
	"context"
	"io"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/pipeline"
)

// Options configure a run.
type Options struct {
	// AsOf is the reference date for relative dates in every input.
	AsOf *time.Time
	// Workers is the number of articles annotated at once (0 = GOMAXPROCS).
	Workers int
	// Stdin is read for the input "-".
	Stdin io.Reader
	// TextAsIs keeps plain-text inputs exactly as they are: for annotated
	// corpora, whose offsets must not move.
	TextAsIs bool
	// Attribution chooses how statements are found: AttribModel (default)
	// or AttribRules.
	Attribution string
	// AttribModelFile, if set, is a model written by `whosaid train
	// attrib` used instead of the shipped one.
	AttribModelFile string
	// Stages replaces the default annotation stages (tests use it).
	Stages []whosaid.Stage
	// Linker replaces the default cross-article speaker linker.
	Linker whosaid.Linker
	// KeepRaw keeps each Doc's input bytes after cleaning (the store needs
	// them; printing does not).
	KeepRaw bool
	// OnError is called for every input that could not be read, as soon as
	// it fails.
	OnError func(error)
	// Skip, when set, is asked about each article as soon as it is read;
	// true drops it before annotation (a store skips what it holds, so an
	// interrupted ingest resumes where it stopped).
	Skip func(*whosaid.Doc) bool
	// OnDoc is called for every article once annotated, in input order
	// (before linking), for progress reports.
	OnDoc func(*whosaid.Doc)
}

// Result is what a run produced.
type Result struct {
	Docs     []*whosaid.Doc
	Speakers []whosaid.Speaker
	// Failed counts inputs that could not be read or annotated.
	Failed int
}

// Run reads every input named by paths, annotates it, and links speakers
// across the articles of the run. It holds every article in memory; a
// store ingests with Stream instead.
func Run(ctx context.Context, paths []string, opt Options) (*Result, error) {
	res := &Result{}
	failed, err := Stream(ctx, paths, opt, func(d *whosaid.Doc) error {
		res.Docs = append(res.Docs, d)
		return nil
	})
	res.Failed = failed
	if err != nil {
		return res, err
	}
	linker := opt.Linker
	if linker == nil {
		linker = DefaultLinker()
	}
	res.Speakers, err = linker.Link(ctx, res.Docs)
	return res, err
}

// Stream reads and annotates every input named by paths and hands each
// article to use, in input order, as soon as it is ready; nothing is kept.
// It returns how many inputs (or records) failed. An error from use stops
// the run and is returned.
func Stream(ctx context.Context, paths []string, opt Options, use func(*whosaid.Doc) error) (int, error) {
	stages := opt.Stages
	if stages == nil {
		var err error
		if stages, err = Stages(opt); err != nil {
			return 0, err
		}
	}
	p, err := pipeline.New([]whosaid.Layer{whosaid.LayerRaw}, stages...)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Inputs fail both in the reading goroutine and in the annotation loop.
	var failMu sync.Mutex
	failed := 0
	fail := func(err error) {
		failMu.Lock()
		defer failMu.Unlock()
		failed++
		if opt.OnError != nil {
			opt.OnError(err)
		}
	}
	in := make(chan *whosaid.Doc)
	reader := &ingest.Reader{Stdin: opt.Stdin, OnRecordError: fail}
	go func() {
		defer close(in)
		_ = ingest.Walk(paths, func(path string, err error) error {
			if err != nil {
				fail(err)
				return ctx.Err()
			}
			if err := reader.ReadPath(path, func(d *whosaid.Doc) {
				if opt.Skip != nil && opt.Skip(d) {
					return
				}
				d.AsOf = opt.AsOf
				select {
				case in <- d:
				case <-ctx.Done():
				}
			}); err != nil {
				fail(err)
			}
			return ctx.Err()
		})
	}()
	var useErr error
	for d := range p.RunAll(ctx, in, opt.Workers) {
		if useErr != nil {
			continue // drain after a failure of use
		}
		if !opt.KeepRaw {
			d.Raw = nil
		}
		if d.Failed() && d.Text == "" {
			// Nothing could be read from this input: report it, drop it.
			fail(docError(d))
			continue
		}
		if opt.OnDoc != nil {
			opt.OnDoc(d)
		}
		if err := use(d); err != nil {
			useErr = err
			cancel()
		}
	}
	failMu.Lock()
	defer failMu.Unlock()
	if useErr != nil {
		return failed, useErr
	}
	return failed, ctx.Err()
}

func docError(d *whosaid.Doc) error {
	err := d.Errors[0].Err
	if whosaid.ErrorCode(err) != whosaid.EInternal {
		if e, ok := err.(*whosaid.Error); ok && e.Input == "" {
			e.Input = d.Source
		}
		return err
	}
	return whosaid.InputError(whosaid.EInternal, d.Source, "%s: %v", d.Errors[0].Stage, err)
}
