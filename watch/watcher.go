package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/alert"
	"github.com/whosaid/whosaid/fetch"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/job"
)

// Defaults of Options.
const (
	DefaultEvery      = 15 * time.Minute
	DefaultMaxBackoff = 6 * time.Hour
	DefaultFeeds      = 64
)

// Options configure a Watcher. Zero values take the defaults.
type Options struct {
	// Every is how often a feed is polled (DefaultEvery).
	Every time.Duration
	// MaxBackoff caps the pause before polling a failing feed again: it
	// doubles from Every with each failure in a row (DefaultMaxBackoff).
	MaxBackoff time.Duration
	// Feeds is how many feeds are worked on at once (DefaultFeeds); the
	// fetcher keeps each host to one request at a time whatever it is.
	Feeds int
	// Fetcher fetches feeds and pages (fetch.New's defaults when nil).
	Fetcher *fetch.Fetcher
	// Job configures the ingest of what is found (its OnDoc and OnError
	// are called too).
	Job job.Options
	// Alerts, when set, are checked after each round and delivered; in
	// Run, failed deliveries are retried between rounds.
	Alerts *alert.Engine
	// Log receives a line per failing feed or item and per round (nil:
	// discarded).
	Log io.Writer
	// Now is the clock of polls and backoff (time.Now).
	Now func() time.Time
}

// Watcher follows feeds: it polls them, fetches the pages of new items,
// ingests them, and fires saved searches. Its memory of what it did lives
// in the store (whosaid.WatchStore), so a restarted watcher fetches
// nothing twice and fires nothing twice.
type Watcher struct {
	st      whosaid.Store
	ws      whosaid.WatchStore
	sources []Source
	opt     Options
	// once: a run of one round polls every feed that is not backing off,
	// however recently it was polled.
	once bool
}

// New returns the Watcher of sources over st, which must implement
// whosaid.WatchStore (EUnsupported otherwise).
func New(st whosaid.Store, sources []Source, opt Options) (*Watcher, error) {
	ws, ok := st.(whosaid.WatchStore)
	if !ok {
		return nil, whosaid.Errorf(whosaid.EUnsupported, "this store cannot keep what a watch has seen")
	}
	if opt.Every <= 0 {
		opt.Every = DefaultEvery
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = DefaultMaxBackoff
	}
	if opt.Feeds <= 0 {
		opt.Feeds = DefaultFeeds
	}
	if opt.Fetcher == nil {
		opt.Fetcher = fetch.New(fetch.Options{})
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Watcher{st: st, ws: ws, sources: sources, opt: opt}, nil
}

// RoundReport counts what one round did.
type RoundReport struct {
	// Polled feeds, of which NotModified answered 304 and FeedErrors
	// failed; Waiting were not due (backing off, or polled recently).
	Polled, NotModified, FeedErrors, Waiting int
	// NewItems were not seen before; Pages were fetched for them, of
	// which PageErrors failed (Retry of them will be tried again).
	NewItems, Pages, PageErrors, Retry int
	// Stored new articles, Known ones found stored, Failed to annotate.
	Stored, Known, Failed int
	// Fired alerts; Sent of the deliveries due.
	Fired, Sent int
	Took        time.Duration
}

func (r RoundReport) String() string {
	return fmt.Sprintf("%d feeds polled (%d unchanged, %d failed, %d waiting), %d new items, %d pages fetched (%d failed, %d to retry), %d articles stored, %d already stored, %d failed, %d alerts fired, %d sent, in %s",
		r.Polled, r.NotModified, r.FeedErrors, r.Waiting, r.NewItems, r.Pages, r.PageErrors, r.Retry, r.Stored, r.Known, r.Failed, r.Fired, r.Sent, r.Took.Round(time.Millisecond))
}

// Run polls rounds until ctx is done, or, with once, polls every feed
// that is not backing off after a failure once.
// When ctx is done, a round under way stops fetching, finishes the
// articles it is annotating, records them, and Run returns nil.
func (w *Watcher) Run(ctx context.Context, once bool, report func(RoundReport)) error {
	w.once = once
	if w.opt.Alerts != nil && !once {
		go w.opt.Alerts.Run(ctx, min(w.opt.Every, 30*time.Second))
	}
	for {
		rep, err := w.Round(ctx)
		if report != nil {
			report(rep)
		}
		if err != nil && ctx.Err() == nil {
			return err
		}
		if once || ctx.Err() != nil {
			return nil
		}
		wait, err := w.untilNext(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// untilNext is how long until the first feed is due.
func (w *Watcher) untilNext(ctx context.Context) (time.Duration, error) {
	now := w.opt.Now()
	next := now.Add(w.opt.Every)
	for _, s := range w.sources {
		st, err := w.ws.SourceState(ctx, s.URL)
		if whosaid.ErrorCode(err) == whosaid.ENotFound {
			return 0, nil
		}
		if err != nil {
			return 0, err
		}
		if st.NextPoll.Before(next) {
			next = st.NextPoll
		}
	}
	return max(next.Sub(now), 0), nil
}

// item is a new feed item on its way to the store.
type item struct {
	feed *feedRound
	key  string
}

// feedRound is one feed's part of a round.
type feedRound struct {
	src    Source
	state  whosaid.SourceState // as it will be recorded
	polled bool
	fresh  *fetch.Response // the answer whose validators are recorded once every new item is handled
	open   int             // new items not handled yet
}

// round is the bookkeeping of one round, shared by the feed workers and
// the ingest callbacks.
type round struct {
	mu      sync.Mutex
	rep     RoundReport
	pending map[string][]item // by Doc.Source: the items waiting for that doc's article
	fetched map[string]string // page URL → Doc.Source, for items of several feeds that share a page
}

// Round polls the feeds that are due once, fetches and ingests what is
// new, records it, and checks and delivers alerts.
func (w *Watcher) Round(ctx context.Context) (RoundReport, error) {
	start := time.Now()
	r := &round{pending: map[string][]item{}, fetched: map[string]string{}}
	now := w.opt.Now()
	var due []*feedRound
	for _, s := range w.sources {
		st, err := w.ws.SourceState(ctx, s.URL)
		switch {
		case whosaid.ErrorCode(err) == whosaid.ENotFound:
			st = &whosaid.SourceState{URL: s.URL}
		case err != nil:
			return r.rep, err
		}
		if st.NextPoll.After(now) && !(w.once && st.Failures == 0) {
			r.rep.Waiting++
			continue
		}
		due = append(due, &feedRound{src: s, state: *st})
	}
	// Storing goes on after a stop, for what is being annotated; fetching
	// stops at once.
	keep := context.WithoutCancel(ctx)
	docs := make(chan *whosaid.Doc)
	go func() {
		defer close(docs)
		work := make(chan *feedRound)
		var wg sync.WaitGroup
		for i := 0; i < min(w.opt.Feeds, len(due)); i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for f := range work {
					w.pollFeed(ctx, keep, r, f, docs)
				}
			}()
		}
	feeds:
		for _, f := range due {
			select {
			case work <- f:
			case <-ctx.Done():
				break feeds
			}
		}
		close(work)
		wg.Wait()
	}()
	jopt := w.opt.Job
	jopt.OnDoc = func(d *whosaid.Doc) {
		w.handled(keep, r, d.Source, d.ID, "")
		if w.opt.Job.OnDoc != nil {
			w.opt.Job.OnDoc(d)
		}
	}
	jopt.OnError = func(err error) {
		var e *whosaid.Error
		if errors.As(err, &e) && e.Input != "" {
			w.handled(keep, r, e.Input, "", err.Error())
		}
		fmt.Fprintf(w.opt.Log, "whosaid: watch: %v\n", err)
		if w.opt.Job.OnError != nil {
			w.opt.Job.OnError(err)
		}
	}
	stream := iter.Seq2[*whosaid.Doc, error](func(yield func(*whosaid.Doc, error) bool) {
		for d := range docs {
			if !yield(d, nil) {
				for range docs {
				}
				return
			}
		}
	})
	jrep, jerr := job.Ingest(keep, w.st, stream, jopt)
	r.mu.Lock()
	r.rep.Stored, r.rep.Known, r.rep.Failed = jrep.Stored, jrep.Known+r.rep.Known, jrep.Failed
	r.mu.Unlock()
	// Record each polled feed: its new validators only when every new item
	// of it was handled, so a feed whose items wait for a retry is read
	// whole again next time.
	for _, f := range due {
		if !f.polled {
			continue // stopped before its turn
		}
		if f.fresh != nil && f.open == 0 {
			f.state.ETag, f.state.LastModified = f.fresh.ETag, f.fresh.LastModified
		}
		if err := w.ws.PutSourceState(keep, f.state); err != nil {
			return r.rep, err
		}
	}
	if jerr != nil {
		r.rep.Took = time.Since(start)
		return r.rep, jerr
	}
	if w.opt.Alerts != nil {
		actx, cancel := context.WithTimeout(keep, time.Minute)
		fired, err := w.opt.Alerts.Check(actx)
		r.rep.Fired = fired
		if err != nil {
			fmt.Fprintf(w.opt.Log, "whosaid: watch: alerts: %v\n", err)
		}
		if sent, err := w.opt.Alerts.Deliver(actx); err == nil {
			r.rep.Sent = sent.Sent
		} else {
			fmt.Fprintf(w.opt.Log, "whosaid: watch: delivering alerts: %v\n", err)
		}
		cancel()
	}
	r.rep.Took = time.Since(start)
	return r.rep, nil
}

// handled records the items waiting for the doc from source: stored as
// article id, or given up on with why.
func (w *Watcher) handled(ctx context.Context, r *round, source, id, why string) {
	r.mu.Lock()
	items := r.pending[source]
	delete(r.pending, source)
	r.mu.Unlock()
	for _, it := range items {
		w.seen(ctx, r, it, source, id, why)
	}
}

// seen marks one item handled.
func (w *Watcher) seen(ctx context.Context, r *round, it item, url, id, why string) {
	err := w.ws.MarkSeen(ctx, whosaid.SeenItem{Source: it.feed.src.URL, Key: it.key, URL: url, ArticleID: id, Error: why, At: w.opt.Now()})
	if err != nil {
		fmt.Fprintf(w.opt.Log, "whosaid: watch: %s: recording item %q: %v\n", it.feed.src.URL, it.key, err)
		return
	}
	r.mu.Lock()
	it.feed.open--
	r.mu.Unlock()
}

// pollFeed polls one feed and sends the docs of its new items.
func (w *Watcher) pollFeed(ctx, keep context.Context, r *round, f *feedRound, docs chan<- *whosaid.Doc) {
	if ctx.Err() != nil {
		return
	}
	now := w.opt.Now()
	resp, err := w.opt.Fetcher.Get(ctx, fetch.Request{URL: f.src.URL, ETag: f.state.ETag, LastModified: f.state.LastModified})
	if ctx.Err() != nil {
		return // stopped: this poll does not count
	}
	f.state.LastPoll, f.polled = now, true
	var feed *ingest.Feed
	if err == nil && !resp.NotModified {
		feed, err = ingest.ParseFeed(f.src.URL, resp.Body)
	}
	if err != nil {
		w.failed(r, f, now, err)
		return
	}
	f.state.Failures, f.state.LastError, f.state.LastOK = 0, "", now
	f.state.NextPoll = now.Add(w.opt.Every)
	r.mu.Lock()
	r.rep.Polled++
	if resp.NotModified {
		r.rep.NotModified++
	}
	r.mu.Unlock()
	if resp.NotModified {
		return
	}
	f.fresh = resp
	outlet := f.src.Outlet
	if outlet == "" {
		outlet = feed.Title
	}
	// The new items, oldest first (feeds list the newest first).
	keys := make([]string, len(feed.Items))
	for i := range feed.Items {
		keys[i] = feed.Items[i].Key
	}
	seen, err := w.ws.Seen(keep, f.src.URL, keys)
	if err != nil {
		f.fresh = nil // read whole again next time
		fmt.Fprintf(w.opt.Log, "whosaid: watch: %s: %v\n", f.src.URL, err)
		return
	}
	var fresh []*ingest.FeedItem
	for i := len(feed.Items) - 1; i >= 0; i-- {
		it := &feed.Items[i]
		if !seen[it.Key] {
			seen[it.Key] = true // an item listed twice is one item
			fresh = append(fresh, it)
		}
	}
	r.mu.Lock()
	f.open = len(fresh)
	r.rep.NewItems += len(fresh)
	r.mu.Unlock()
	for _, it := range fresh {
		if ctx.Err() != nil {
			return
		}
		w.item(ctx, keep, r, f, it, outlet, docs)
	}
}

// failed records a failed poll: a line in the log, and a pause that
// doubles with each failure in a row.
func (w *Watcher) failed(r *round, f *feedRound, now time.Time, err error) {
	f.state.Failures++
	f.state.LastError = err.Error()
	pause := w.opt.Every
	for i := 0; i < f.state.Failures && pause < w.opt.MaxBackoff; i++ {
		pause *= 2
	}
	pause = min(pause, max(w.opt.MaxBackoff, w.opt.Every))
	f.state.NextPoll = now.Add(pause)
	r.mu.Lock()
	r.rep.Polled++
	r.rep.FeedErrors++
	r.mu.Unlock()
	fmt.Fprintf(w.opt.Log, "whosaid: watch: %v; polled again in %s (%d failures in a row)\n", err, pause, f.state.Failures)
}

// item fetches the page of a new item (or, without one, takes the feed's
// text) and sends its doc, unless its article is stored already.
func (w *Watcher) item(ctx, keep context.Context, r *round, f *feedRound, it *ingest.FeedItem, outlet string, docs chan<- *whosaid.Doc) {
	ref := item{feed: f, key: it.Key}
	if it.Link != "" {
		r.mu.Lock()
		src, inFlight := r.fetched[it.Link]
		if inFlight {
			r.pending[src] = append(r.pending[src], ref) // another feed's item brought this page
		}
		r.mu.Unlock()
		if inFlight {
			return
		}
	}
	var d *whosaid.Doc
	if it.Link != "" {
		page, _, err := w.opt.Fetcher.Page(ctx, fetch.Request{URL: it.Link})
		if ctx.Err() != nil {
			return
		}
		r.mu.Lock()
		r.rep.Pages++
		if err != nil {
			r.rep.PageErrors++
		}
		r.mu.Unlock()
		switch {
		case err == nil:
			d = page
		case fetch.Transient(err):
			r.mu.Lock()
			r.rep.Retry++
			r.mu.Unlock()
			fmt.Fprintf(w.opt.Log, "whosaid: watch: %v; tried again next round\n", err)
			return
		default:
			// The page will not come: the feed's own text, if it has any.
			d = it.Doc(f.src.URL+"#"+it.Link, outlet)
			if d == nil {
				fmt.Fprintf(w.opt.Log, "whosaid: watch: %v; the item has no text of its own\n", err)
				w.seen(keep, r, ref, it.Link, "", err.Error())
				return
			}
			fmt.Fprintf(w.opt.Log, "whosaid: watch: %v; the feed's text of it is taken instead\n", err)
		}
	} else {
		d = it.Doc(f.src.URL+"#"+it.Key, outlet)
		if d == nil {
			w.seen(keep, r, ref, "", "", "a feed item without a link or text")
			return
		}
	}
	if d.OutletHint == "" {
		d.OutletHint = outlet
	}
	if d.PublishedHint == nil {
		d.PublishedHint = it.Published
	}
	if d.RawSHA256 != "" {
		if ok, err := w.st.HasRaw(keep, d.RawSHA256); err == nil && ok {
			r.mu.Lock()
			r.rep.Known++
			r.mu.Unlock()
			w.seen(keep, r, ref, it.Link, "", "")
			return
		}
	}
	r.mu.Lock()
	r.pending[d.Source] = append(r.pending[d.Source], ref)
	if it.Link != "" {
		r.fetched[it.Link] = d.Source
	}
	r.mu.Unlock()
	select {
	case docs <- d:
	case <-ctx.Done():
		// Stopped: the job no longer reads; the item waits for next time.
	}
}
