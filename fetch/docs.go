package fetch

import (
	"context"
	"errors"
	"iter"
	"strings"
	"sync"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/ingest"
)

// acceptPage admits what can hold an article: HTML, XHTML, plain text, or
// an answer that does not say (the body is sniffed then).
func acceptPage(name string) func(string) error {
	return func(mt string) error {
		switch mt {
		case "", "text/html", "application/xhtml+xml", "text/plain":
			return nil
		}
		return fail(whosaid.EInvalid, name, ReasonNotHTML, 0, nil, "the server says it is %s", mt)
	}
}

// Page fetches an article page: an answer that is not HTML or text (by
// its Content-Type, then by its bytes) is an error with ReasonNotHTML.
// With validators in req, an unchanged page returns a NotModified
// response and no Doc.
func (f *Fetcher) Page(ctx context.Context, req Request) (*whosaid.Doc, *Response, error) {
	req.Accept = acceptPage(req.URL)
	resp, err := f.Get(ctx, req)
	if err != nil || resp.NotModified {
		return nil, resp, err
	}
	d, err := PageDoc(req.URL, resp)
	return d, resp, err
}

// PageDoc makes the Doc of a fetched page: its body is the raw copy, the
// fetch time the reference for relative dates, the URL the one the body
// came from (after redirects); source is what the user gave.
func PageDoc(source string, r *Response) (*whosaid.Doc, error) {
	media, err := ingest.Sniff(source, r.Body)
	if err != nil {
		var e *whosaid.Error
		if whosaid.ErrorCode(err) == whosaid.EInvalid && errors.As(err, &e) {
			return nil, fail(whosaid.EInvalid, source, ReasonNotHTML, 0, err, "%s", strings.TrimPrefix(e.Message, "not text: "))
		}
		return nil, err
	}
	fetched := r.Fetched
	return &whosaid.Doc{RawSHA256: whosaid.RawSHA256(r.Body), Source: source, URL: r.URL, Raw: r.Body, MediaType: media, Fetched: &fetched}, nil
}

// Cache remembers what pages answered, so fetching them again is a
// conditional request.
type Cache interface {
	// Validators returns the validators to send for url ("" for none).
	Validators(ctx context.Context, url string) (etag, lastModified string)
	// Remember records a full answer for url.
	Remember(ctx context.Context, url string, r *Response)
}

// DocsOptions tune Docs.
type DocsOptions struct {
	// Cache makes requests conditional (nil: none).
	Cache Cache
	// NotModified is told about each page that answered 304 (it yields no
	// Doc: its article is stored already).
	NotModified func(url string)
}

// Docs fetches urls and yields each page as a Doc, or an error naming the
// URL and the reason. Hosts are fetched in parallel, each host's URLs one
// after another, so the order is the order pages arrive in. It stops when
// the consumer stops or ctx is done (then yielding ctx.Err() once).
func (f *Fetcher) Docs(ctx context.Context, urls []string, opt DocsOptions) iter.Seq2[*whosaid.Doc, error] {
	return func(yield func(*whosaid.Doc, error) bool) {
		type result struct {
			d   *whosaid.Doc
			err error
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		// One queue per host, in the order hosts first appear.
		var order []string
		queues := map[string][]string{}
		var bad []error
		for _, s := range urls {
			u, err := parseURL(s)
			if err != nil {
				bad = append(bad, err)
				continue
			}
			o := origin(u)
			if _, ok := queues[o]; !ok {
				order = append(order, o)
			}
			queues[o] = append(queues[o], s)
		}
		for _, err := range bad {
			if !yield(nil, err) {
				return
			}
		}
		out := make(chan result)
		var wg sync.WaitGroup
		for _, o := range order {
			wg.Add(1)
			go func(list []string) {
				defer wg.Done()
				for _, s := range list {
					req := Request{URL: s}
					if opt.Cache != nil {
						req.ETag, req.LastModified = opt.Cache.Validators(ctx, s)
					}
					d, resp, err := f.Page(ctx, req)
					if ctx.Err() != nil {
						return
					}
					switch {
					case err != nil:
					case resp.NotModified:
						if opt.NotModified != nil {
							opt.NotModified(s)
						}
						continue
					case opt.Cache != nil:
						opt.Cache.Remember(ctx, s, resp)
					}
					select {
					case out <- result{d, err}:
					case <-ctx.Done():
						return
					}
				}
			}(queues[o])
		}
		go func() { wg.Wait(); close(out) }()
		for r := range out {
			if !yield(r.d, r.err) {
				cancel()
				for range out {
				}
				return
			}
		}
		if ctx.Err() != nil {
			yield(nil, ctx.Err())
		}
	}
}
