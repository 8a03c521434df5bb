package job

import (
	"context"
	"iter"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/cluster"
	"github.com/whosaid/whosaid/dedup"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/pipeline"
)

// Options configure a job.
type Options struct {
	// Pipeline chooses among the standard stages.
	Pipeline pipeline.Options
	// Stages replaces the standard stages (tests use it).
	Stages []whosaid.Stage
	// Workers is the number of documents annotated at once (0 = GOMAXPROCS).
	Workers int
	// AsOf is the reference date for relative dates in every document.
	AsOf *time.Time
	// Linker replaces the standard cross-article linker.
	Linker whosaid.Linker
	// Clusterer replaces the standard statement clusterer.
	Clusterer whosaid.Clusterer
	// OnError is told about every input, record or document that failed,
	// as soon as it fails; the job goes on.
	OnError func(error)
	// OnWarning is told what was repaired or guessed in a document's input
	// (Doc.Warnings: bytes that were not UTF-8, a charset guessed), as an
	// error naming the input; the document is kept.
	OnWarning func(error)
	// OnDoc is told about every document once annotated and linked, in
	// input order (progress reports).
	OnDoc func(*whosaid.Doc)
	// OnKnown is told about every document Ingest skips because the store
	// holds it already (progress reports); it may be called from another
	// goroutine than OnDoc.
	OnKnown func(*whosaid.Doc)
	// OnStored is told, in Ingest, what storing each document did (New
	// false when it was stored already), in input order: per-record
	// results (the server's ingest) come from it.
	OnStored func(*whosaid.Doc, whosaid.ArticleRef)
	// Duplicates is the duplicate index Extract groups near copies in (a
	// new dedup.MemoryIndex when nil); Ingest uses the store's.
	Duplicates whosaid.DuplicateIndex
	// KeepRaw keeps each document's input bytes in Extract (Ingest always
	// keeps them: they are the stored raw copy).
	KeepRaw bool
}

// Report counts what a job did.
type Report struct {
	// Annotated counts the documents annotated.
	Annotated int
	// Failed counts the inputs, records and documents that could not be
	// read or annotated.
	Failed int
	// Stored counts the new articles stored (Ingest), Known the ones found
	// stored already (skipped before annotation, or the same text again).
	Stored, Known int
}

// Extract annotates each document of docs, links its speakers through ix
// (a new identity.MemoryIndex when nil), groups near copies
// (opt.Duplicates) and calls emit with it, in input order. An error from emit stops the job and is returned.
func Extract(ctx context.Context, docs iter.Seq2[*whosaid.Doc, error], ix whosaid.SpeakerIndex, opt Options, emit func(*whosaid.Doc) error) (Report, error) {
	if ix == nil {
		ix = identity.NewMemoryIndex()
	}
	dups := opt.Duplicates
	if dups == nil {
		dups = dedup.NewMemoryIndex()
	}
	linker, clusterer := linkerOf(opt), clustererOf(opt)
	clusters := cluster.NewMemoryIndex()
	return annotate(ctx, docs, opt, nil, func(r *Report, d *whosaid.Doc) error {
		if err := linker.Link(ctx, ix, d); err != nil {
			return err
		}
		var err error
		if d.DuplicateOf, err = dedup.Add(ctx, dups, d.ID, d.Text, d.Meta.Published); err != nil {
			return err
		}
		if err := clusterer.Cluster(ctx, clusters, d); err != nil {
			return err
		}
		if opt.OnDoc != nil {
			opt.OnDoc(d)
		}
		return emit(d)
	})
}

// Ingest annotates each document of docs and, in one transaction each,
// links its speakers against the store and stores it. Documents whose raw
// bytes the store holds are skipped before annotation.
func Ingest(ctx context.Context, st whosaid.Store, docs iter.Seq2[*whosaid.Doc, error], opt Options) (Report, error) {
	linker, clusterer := linkerOf(opt), clustererOf(opt)
	skip := func(d *whosaid.Doc) (bool, error) {
		if d.RawSHA256 == "" {
			return false, nil
		}
		return st.HasRaw(ctx, d.RawSHA256)
	}
	return annotate(ctx, docs, opt, skip, func(r *Report, d *whosaid.Doc) error {
		var ref whosaid.ArticleRef
		err := st.Update(ctx, func(tx whosaid.Tx) error {
			ref = whosaid.ArticleRef{}
			if has, err := tx.Has(ctx, d.ID); err != nil || has {
				return err
			}
			if err := linker.Link(ctx, tx, d); err != nil {
				return err
			}
			// Statements join their clusters before the article is
			// stored, so each is stored with its cluster.
			if err := clusterer.Cluster(ctx, tx, d); err != nil {
				return err
			}
			var err error
			if ref, err = tx.PutArticle(ctx, d); err != nil || !ref.New {
				return err
			}
			// Grouped in the transaction that stores it, so a copy
			// stored at once by another writer is seen or waits.
			d.DuplicateOf, err = dedup.Add(ctx, tx, d.ID, d.Text, d.Meta.Published)
			return err
		})
		if err != nil {
			return whosaid.InputError(whosaid.ErrorCode(err), d.Source, "storing: %v", err)
		}
		if ref.New {
			r.Stored++
			if opt.OnDoc != nil {
				opt.OnDoc(d)
			}
		} else {
			r.Known++
			if opt.OnKnown != nil {
				opt.OnKnown(d)
			}
		}
		if opt.OnStored != nil {
			opt.OnStored(d, ref)
		}
		return nil
	})
}

func clustererOf(opt Options) whosaid.Clusterer {
	if opt.Clusterer != nil {
		return opt.Clusterer
	}
	return cluster.Clusterer{}
}

func linkerOf(opt Options) whosaid.Linker {
	if opt.Linker != nil {
		return opt.Linker
	}
	return identity.Linker{}
}

// annotate reads docs on one goroutine, skips what skip says is done,
// annotates the rest on opt.Workers goroutines and calls use with each, in
// input order, on the calling goroutine.
func annotate(ctx context.Context, docs iter.Seq2[*whosaid.Doc, error], opt Options,
	skip func(*whosaid.Doc) (bool, error), use func(*Report, *whosaid.Doc) error) (Report, error) {
	var rep Report
	stages := opt.Stages
	if stages == nil {
		var err error
		if stages, err = pipeline.Default(opt.Pipeline); err != nil {
			return rep, err
		}
	}
	p, err := pipeline.New([]whosaid.Layer{whosaid.LayerRaw}, stages...)
	if err != nil {
		return rep, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Inputs fail both on the reading goroutine and on this one.
	var mu sync.Mutex
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		rep.Failed++
		if opt.OnError != nil {
			opt.OnError(err)
		}
	}
	known := 0
	var readErr error
	in := make(chan *whosaid.Doc)
	go func() {
		defer close(in)
		for d, err := range docs {
			if err != nil {
				if ctx.Err() != nil {
					return
				}
				fail(err)
				continue
			}
			if skip != nil {
				done, err := skip(d)
				if err != nil {
					mu.Lock()
					readErr = err // the store cannot answer: stop
					mu.Unlock()
					cancel()
					return
				}
				if done {
					mu.Lock()
					known++
					mu.Unlock()
					if opt.OnKnown != nil {
						opt.OnKnown(d)
					}
					continue
				}
			}
			d.AsOf = opt.AsOf
			select {
			case in <- d:
			case <-ctx.Done():
				return
			}
		}
	}()
	var useErr error
	for d := range p.RunAll(ctx, in, opt.Workers) {
		if useErr != nil {
			continue // drain after a failure
		}
		if skip == nil && !opt.KeepRaw {
			d.Raw = nil // printing does not need the input bytes
		}
		if d.Failed() && d.Text == "" {
			fail(docError(d)) // nothing could be read from this input
			continue
		}
		rep.Annotated++
		if opt.OnWarning != nil {
			for _, w := range d.Warnings {
				opt.OnWarning(whosaid.InputError(whosaid.EInvalid, d.Source, "%s", w))
			}
		}
		if err := use(&rep, d); err != nil {
			useErr = err
			cancel()
		}
	}
	mu.Lock()
	defer mu.Unlock()
	rep.Known += known
	switch {
	case useErr != nil:
		return rep, useErr
	case readErr != nil:
		return rep, readErr
	}
	return rep, ctx.Err()
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

// ExtractFiles runs Extract over the inputs args names (files, folders,
// globs; see ingest.Reader.Docs) and returns the documents in input order.
// Holding them all, it names each speaker by the fullest name seen in the
// whole run (a streaming Extract can only give the fullest seen so far).
func ExtractFiles(ctx context.Context, args []string, opt Options) ([]*whosaid.Doc, Report, error) {
	var docs []*whosaid.Doc
	r := &ingest.Reader{}
	ix := identity.NewMemoryIndex()
	dups := dedup.NewMemoryIndex()
	opt.Duplicates = dups
	rep, err := Extract(ctx, r.Docs(ctx, args), ix, opt, func(d *whosaid.Doc) error {
		docs = append(docs, d)
		return nil
	})
	for _, d := range docs {
		// An original read after its copy took the group over.
		d.DuplicateOf = dups.DuplicateOf(d.ID)
		for i := range d.Speakers {
			if n := ix.Name(d.Speakers[i].ID); n != "" {
				d.Speakers[i].Name = n
			}
		}
	}
	return docs, rep, err
}
