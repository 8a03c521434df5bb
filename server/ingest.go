package server

import (
	"bytes"
	"errors"
	"io"
	"iter"
	"net/http"
	"sync"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/wire"
)

// ingestName names a request body in the records' input ("request.jsonl:3").
const ingestName = "request.jsonl"

// apiIngest annotates and stores the JSONL articles of the body — the
// pipeline `whosaid ingest` runs, through job.Ingest — and answers with
// what became of each record. One ingest runs at a time (429 otherwise).
// The body is read whole before anything is stored, so a 413 stores
// nothing.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	select {
	case s.ingesting <- struct{}{}:
		defer func() { <-s.ingesting }()
	default:
		return errorf(eBusy, "an ingest is running; send this one when it is done")
	}
	body, err := readBody(w, r, s.limits.MaxIngest)
	if err != nil {
		return err
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return whosaid.Errorf(whosaid.EEmpty, `empty body: send articles as JSON lines, one {"url", "html"|"text", "published", "fetched"} object per line`)
	}
	if trimmed[0] != '{' {
		return whosaid.Errorf(whosaid.EUnsupported, `the body is not JSON lines: send one {"url", "html"|"text", "published", "fetched"} object per line`)
	}
	opt, err := s.ingestOptions()
	if err != nil {
		return err
	}
	rec := newIngestRecords()
	opt.OnError = rec.fail
	opt.OnStored = rec.stored
	opt.OnKnown = rec.known
	opt.OnDoc = nil
	rep, err := job.Ingest(r.Context(), s.store, rec.docs(body), opt)
	if err != nil {
		return err
	}
	out := rec.report()
	if rep.Stored != out.Stored {
		s.log.Warn("ingest counts differ", "job", rep.Stored, "records", out.Stored)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// ingestOptions are the ingest job's options, the standard stages built
// on the first call: loading the models takes seconds and hundreds of
// megabytes, which a server that only answers queries never needs.
func (s *Server) ingestOptions() (job.Options, error) {
	s.stagesMu.Lock()
	defer s.stagesMu.Unlock()
	if s.ingestOpt.Stages == nil {
		stages, err := pipeline.Default(s.ingestOpt.Pipeline)
		if err != nil {
			return s.ingestOpt, err
		}
		s.ingestOpt.Stages = stages
	}
	return s.ingestOpt, nil
}

// readBody reads a request body of at most limit bytes (eTooLarge past it).
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, errorf(eTooLarge, "the body is %d bytes: at most %d", r.ContentLength, limit)
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, errorf(eTooLarge, "the body is over %d bytes", limit)
	}
	if err != nil {
		return nil, whosaid.Errorf(whosaid.EInvalid, "reading the body: %v", err)
	}
	return b, nil
}

// ingestRecords collects what became of each record of a request, in
// input order, from the reader (records that could not be read), the
// job's errors and its stored documents.
type ingestRecords struct {
	mu    sync.Mutex
	list  []wire.IngestRecord
	index map[string]int // input → position in list
}

func newIngestRecords() *ingestRecords { return &ingestRecords{index: map[string]int{}} }

func (c *ingestRecords) at(input string) *wire.IngestRecord {
	i, ok := c.index[input]
	if !ok {
		i = len(c.list)
		c.index[input] = i
		c.list = append(c.list, wire.IngestRecord{Input: input})
	}
	return &c.list[i]
}

// docs reads body's records as a document stream, noting each record.
func (c *ingestRecords) docs(body []byte) iter.Seq2[*whosaid.Doc, error] {
	return func(yield func(*whosaid.Doc, error) bool) {
		stopped := false
		send := func(d *whosaid.Doc, err error) bool {
			if stopped {
				return false
			}
			if err != nil {
				c.fail(err)
			} else {
				c.mu.Lock()
				c.at(d.Source)
				c.mu.Unlock()
			}
			stopped = !yield(d, err)
			return !stopped
		}
		rd := &ingest.Reader{OnRecordError: func(err error) { send(nil, err) }}
		if err := rd.Read(ingestName, bytes.NewReader(body), func(d *whosaid.Doc) bool { return send(d, nil) }); err != nil {
			send(nil, err)
		}
	}
}

// fail records err against the record it names (the first error wins).
func (c *ingestRecords) fail(err error) {
	input := ingestName
	var e *whosaid.Error
	if errors.As(err, &e) && e.Input != "" {
		input = e.Input
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.at(input)
	if r.Status == "" {
		msg := err.Error()
		r.Status, r.Error = wire.IngestFailed, &msg
	}
}

// stored records what storing a document did.
func (c *ingestRecords) stored(d *whosaid.Doc, ref whosaid.ArticleRef) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.at(d.Source)
	r.Status = wire.IngestKnown
	if ref.New {
		r.Status = wire.IngestStored
	}
	id := d.ID
	r.Article, r.Version, r.Statements = &id, ref.Version, len(d.Statements)
}

// known records a document the job skipped because the store holds its
// raw bytes (read, not annotated: its article id is not known yet).
func (c *ingestRecords) known(d *whosaid.Doc) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r := c.at(d.Source); r.Status == "" {
		r.Status = wire.IngestKnown
		if d.ID != "" {
			id := d.ID
			r.Article = &id
		}
	}
}

// report is the answer; a record nothing was said about was not
// processed (the job stopped first).
func (c *ingestRecords) report() wire.IngestReport {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := wire.IngestReport{Records: c.list}
	for i := range out.Records {
		rec := &out.Records[i]
		if rec.Status == "" {
			msg := "not processed"
			rec.Status, rec.Error = wire.IngestFailed, &msg
		}
		switch rec.Status {
		case wire.IngestStored:
			out.Stored++
		case wire.IngestKnown:
			out.Known++
		default:
			out.Failed++
		}
	}
	if out.Records == nil {
		out.Records = []wire.IngestRecord{}
	}
	return out
}
