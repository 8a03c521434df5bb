package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/whosaid/whosaid"
)

// DefaultMaxBytes caps one article's decompressed input. News articles are
// kilobytes; anything past this is an archive that needs a streaming reader
// or a mistake, and must not exhaust memory.
const DefaultMaxBytes = 32 << 20

// Reader reads inputs into Docs.
type Reader struct {
	// MaxBytes caps the decompressed size of one article (0 = DefaultMaxBytes).
	MaxBytes int64
	// Stdin is read for the input "-".
	Stdin io.Reader
	// OnRecordError is told about each bad record inside an archive, feed or
	// JSONL file, whose other records go on. When nil, Read returns the
	// record errors joined, after emitting the good records.
	OnRecordError func(error)
}

// Docs reads every input named by args (files, folders, globs, "-" for
// standard input; see Walk) and yields each article in input order, with
// a nil error, and each input or record that could not be read, as a nil
// Doc and an error naming it and the reason; the other inputs go on. It
// stops when the consumer stops or ctx is done (then yielding ctx.Err()
// once).
func (r *Reader) Docs(ctx context.Context, args []string) iter.Seq2[*whosaid.Doc, error] {
	return func(yield func(*whosaid.Doc, error) bool) {
		stopped := false
		send := func(d *whosaid.Doc, err error) bool {
			if stopped {
				return false
			}
			if ctx.Err() != nil {
				stopped = true
				yield(nil, ctx.Err())
				return false
			}
			if !yield(d, err) {
				stopped = true
			}
			return !stopped
		}
		_ = Walk(args, func(path string, err error) error {
			if err != nil {
				send(nil, err)
			} else {
				rr := *r
				rr.OnRecordError = func(err error) { send(nil, err) }
				if err := rr.ReadPath(path, func(d *whosaid.Doc) bool { return send(d, nil) }); err != nil {
					send(nil, err)
				}
			}
			if stopped {
				return errStopped
			}
			return nil
		})
	}
}

var errStopped = errors.New("stopped")

// ReadPath opens path ("-" for standard input) and calls emit for each
// article in it, until emit returns false. The error, if any, names the
// input and the reason.
func (r *Reader) ReadPath(path string, emit func(*whosaid.Doc) bool) error {
	if path == "-" {
		in := r.Stdin
		if in == nil {
			in = os.Stdin
		}
		return r.Read(path, in, emit)
	}
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return whosaid.InputError(whosaid.ENotFound, path, "no such file")
		}
		return whosaid.InputError(whosaid.EInvalid, path, "cannot open: %v", err)
	}
	defer f.Close()
	return r.Read(path, f, emit)
}

// Read reads one input stream named name, calling emit for each article
// until it returns false.
func (r *Reader) Read(name string, in io.Reader, emit func(*whosaid.Doc) bool) error {
	limit := r.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	br := bufio.NewReader(in)
	magic, _ := br.Peek(2)
	var src io.Reader = br
	compressed := len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	if compressed {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return whosaid.InputError(whosaid.EInvalid, name, "broken gzip header: %v", err)
		}
		defer zr.Close()
		src = zr
	}
	// Archives, feeds and JSONL hold many articles and are streamed record
	// by record; anything else is one article.
	sb := bufio.NewReaderSize(src, 64<<10)
	switch container(name, sb) {
	case containerWARC:
		return r.records(name, func(rec func(*whosaid.Doc, error) bool) error { return readWARC(name, sb, limit, rec) }, emit)
	case containerFeed:
		return r.records(name, func(rec func(*whosaid.Doc, error) bool) error { return readFeed(name, sb, limit, rec) }, emit)
	case containerJSONL:
		return r.records(name, func(rec func(*whosaid.Doc, error) bool) error { return readJSONL(name, sb, limit, rec) }, emit)
	case containerTelegram:
		return r.records(name, func(rec func(*whosaid.Doc, error) bool) error { return readTelegram(name, sb, limit, rec) }, emit)
	}
	raw, err := io.ReadAll(io.LimitReader(sb, limit+1))
	if err != nil {
		what := "read failed"
		if compressed {
			what = "truncated or corrupt gzip data"
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			what = "truncated input"
			if compressed {
				what = "truncated gzip data"
			}
		}
		return whosaid.InputError(whosaid.EInvalid, name, "%s: %v", what, err)
	}
	if int64(len(raw)) > limit {
		return whosaid.InputError(whosaid.EInvalid, name, "larger than %s after decompression; not an article", byteSize(limit))
	}
	media, err := Sniff(name, raw)
	if err != nil {
		return err
	}
	emit(&whosaid.Doc{RawSHA256: whosaid.RawSHA256(raw), Source: name, Raw: raw, MediaType: media})
	return nil
}

// records runs a container reader, passing good records to emit and bad
// ones to OnRecordError (or collecting them), until emit returns false.
func (r *Reader) records(name string, read func(func(*whosaid.Doc, error) bool) error, emit func(*whosaid.Doc) bool) error {
	var errs []error
	n := 0
	err := read(func(d *whosaid.Doc, err error) bool {
		if err != nil {
			if r.OnRecordError != nil {
				r.OnRecordError(err)
			} else {
				errs = append(errs, err)
			}
			return true
		}
		n++
		return emit(d)
	})
	if err != nil {
		errs = append(errs, err)
	}
	if n == 0 && len(errs) == 0 {
		return whosaid.InputError(whosaid.EEmpty, name, "no articles in it")
	}
	return errors.Join(errs...)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
