package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/whosaid/whosaid"
)

// Agent is the product token robots.txt rules name us by.
const Agent = "whosaid"

// DefaultUserAgent says who is asking and where to read about it.
const DefaultUserAgent = "whosaid/1 (self-hosted news monitor; +https://github.com/whosaid/whosaid)"

// Defaults of Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 16 << 20
	DefaultMaxRedirects = 5
	DefaultDelay        = time.Second
	DefaultHosts        = 16
)

// Options configure a Fetcher. Zero values take the defaults.
type Options struct {
	// UserAgent is sent with every request (DefaultUserAgent).
	UserAgent string
	// Timeout bounds one request, from connecting to the last byte of the
	// body (DefaultTimeout).
	Timeout time.Duration
	// MaxBytes caps a body after decompression (DefaultMaxBytes): a
	// longer one is refused as too large, having read no more than that.
	MaxBytes int64
	// MaxRedirects caps the redirects followed (DefaultMaxRedirects;
	// negative: none).
	MaxRedirects int
	// Delay is the pause between two requests to one host (DefaultDelay;
	// negative: none); a robots.txt Crawl-delay makes it longer.
	Delay time.Duration
	// Hosts is how many requests are under way at once, to different
	// hosts (DefaultHosts).
	Hosts int
	// IgnoreRobots fetches what robots.txt disallows.
	IgnoreRobots bool
	// Transport replaces the HTTP transport (tests).
	Transport http.RoundTripper
	// Now is the clock that stamps fetch times (time.Now).
	Now func() time.Time
}

// Fetcher fetches over HTTP(S) politely. It is safe for concurrent use:
// the politeness holds across every caller.
type Fetcher struct {
	opt    Options
	client *http.Client
	hosts  *hosts

	robotsMu sync.Mutex
	robots   map[string]*robotsEntry

	requests, notModified, failed, bytes atomic.Int64
}

type robotsEntry struct {
	ready   chan struct{} // closed once loaded
	rules   *robots
	err     error
	expires time.Time
}

// New returns a Fetcher.
func New(opt Options) *Fetcher {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRedirects == 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	}
	if opt.Delay == 0 {
		opt.Delay = DefaultDelay
	}
	if opt.Hosts <= 0 {
		opt.Hosts = DefaultHosts
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	tr := opt.Transport
	if tr == nil {
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: min(opt.Timeout, 10*time.Second), KeepAlive: 30 * time.Second}).DialContext,
			ForceAttemptHTTP2:     true,
			TLSHandshakeTimeout:   min(opt.Timeout, 10*time.Second),
			ResponseHeaderTimeout: opt.Timeout,
			MaxIdleConns:          256,
			MaxIdleConnsPerHost:   1, // one request at a time per host
			IdleConnTimeout:       90 * time.Second,
		}
	}
	client := &http.Client{
		Transport: tr,
		// Redirects are followed by Get itself, so each hop goes through
		// its host's politeness and robots.txt.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return &Fetcher{opt: opt, client: client, hosts: newHosts(opt.Hosts, max(opt.Delay, 0)), robots: map[string]*robotsEntry{}}
}

// Request is one fetch.
type Request struct {
	URL string
	// ETag and LastModified, from an earlier answer, make the request
	// conditional: an unchanged resource answers NotModified.
	ETag, LastModified string
	// Accept, when set, checks the media type of the answer (without
	// parameters, "" when the server gives none) before its body is read.
	Accept func(mediaType string) error
}

// Response is a successful answer.
type Response struct {
	// URL is where the body came from, after redirects.
	URL    string
	Status int
	// NotModified: the resource did not change since the validators of
	// the request (Body is empty).
	NotModified bool
	Header      http.Header
	MediaType   string
	Body        []byte
	// Fetched is when the answer arrived.
	Fetched time.Time
	// ETag and LastModified are the answer's validators.
	ETag, LastModified string
}

// Stats count what a Fetcher did.
type Stats struct {
	Requests, NotModified, Failed, Bytes int64
}

// Stats returns the counts so far.
func (f *Fetcher) Stats() Stats {
	return Stats{Requests: f.requests.Load(), NotModified: f.notModified.Load(), Failed: f.failed.Load(), Bytes: f.bytes.Load()}
}

// Get fetches req.URL, following redirects, waiting for its host's turn,
// and checking robots.txt (unless IgnoreRobots). An answer other than a
// success or a 304 is an error; so is a body larger than MaxBytes.
func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error) {
	resp, err := f.get(ctx, req)
	if err != nil && ctx.Err() == nil {
		f.failed.Add(1)
	}
	return resp, err
}

func (f *Fetcher) get(ctx context.Context, req Request) (*Response, error) {
	u, err := parseURL(req.URL)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for hop := 0; ; hop++ {
		seen[u.String()] = true
		if !f.opt.IgnoreRobots {
			if err := f.checkRobots(ctx, req.URL, u); err != nil {
				return nil, err
			}
		}
		r := req
		if hop > 0 {
			r.ETag, r.LastModified = "", "" // the validators are the first URL's
		}
		resp, next, err := f.once(ctx, req.URL, u, r, f.opt.MaxBytes, false)
		if err != nil || next == nil {
			return resp, err
		}
		switch {
		case seen[next.String()]:
			return nil, fail(whosaid.EInvalid, req.URL, ReasonRedirects, 0, nil, "redirect loop (back to %s)", next)
		case hop >= f.opt.MaxRedirects:
			return nil, fail(whosaid.EInvalid, req.URL, ReasonRedirects, 0, nil, "more than %d redirects", max(f.opt.MaxRedirects, 0))
		}
		u = next
	}
}

// parseURL accepts absolute http and https URLs.
func parseURL(s string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return nil, fail(whosaid.EInvalid, s, ReasonURL, 0, err, "%v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fail(whosaid.EInvalid, s, ReasonURL, 0, nil, "not an http or https URL")
	}
	u.Fragment = ""
	return u, nil
}

func origin(u *url.URL) string { return u.Scheme + "://" + strings.ToLower(u.Host) }

// once makes one request, in its host's turn. A redirect returns the
// next URL instead of a response. A body over limit is an error, or cut
// there when truncate is set.
func (f *Fetcher) once(ctx context.Context, name string, u *url.URL, req Request, limit int64, truncate bool) (*Response, *url.URL, error) {
	release, err := f.hosts.acquire(ctx, origin(u))
	if err != nil {
		return nil, nil, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fail(whosaid.EInvalid, name, ReasonURL, 0, err, "%v", err)
	}
	hr.Header.Set("User-Agent", f.opt.UserAgent)
	hr.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	f.requests.Add(1)
	resp, err := f.client.Do(hr)
	if err != nil {
		return nil, nil, netError(ctx, name, err, f.opt.Timeout.String())
	}
	defer resp.Body.Close()
	out := &Response{URL: u.String(), Status: resp.StatusCode, Header: resp.Header, Fetched: f.opt.Now(),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified && (req.ETag != "" || req.LastModified != ""):
		f.notModified.Add(1)
		out.NotModified = true
		return out, nil, nil
	case resp.StatusCode >= 300 && resp.StatusCode < 400 && resp.StatusCode != http.StatusNotModified:
		loc := resp.Header.Get("Location")
		if loc == "" {
			return nil, nil, statusError(name, resp.StatusCode, "without a Location to go to")
		}
		next, err := u.Parse(loc)
		if err != nil || next.Scheme != "http" && next.Scheme != "https" {
			return nil, nil, fail(whosaid.EInvalid, name, ReasonRedirects, 0, err, "redirect to a bad URL %q", loc)
		}
		next.Fragment = ""
		return nil, next, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, nil, statusError(name, resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	out.MediaType, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if req.Accept != nil {
		if err := req.Accept(out.MediaType); err != nil {
			return nil, nil, err
		}
	}
	if resp.ContentLength > limit && !truncate {
		return nil, nil, fail(whosaid.EInvalid, name, ReasonTooLarge, 0, nil, "the body is %s, over the limit of %s", size(resp.ContentLength), size(limit))
	}
	// Read at most one byte past the limit: a larger body is known to be
	// too large without being held.
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	f.bytes.Add(int64(len(body)))
	if err != nil {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return nil, nil, err
		}
		return nil, nil, netError(ctx, name, err, f.opt.Timeout.String())
	}
	if int64(len(body)) > limit {
		if !truncate {
			return nil, nil, fail(whosaid.EInvalid, name, ReasonTooLarge, 0, nil, "the body is over the limit of %s", size(limit))
		}
		body = body[:limit]
	}
	out.Body = body
	return out, nil, nil
}

// checkRobots asks u's robots.txt (fetched once per host and kept a day)
// whether u may be fetched, and slows the host down to its Crawl-delay.
func (f *Fetcher) checkRobots(ctx context.Context, name string, u *url.URL) error {
	o := origin(u)
	f.robotsMu.Lock()
	e := f.robots[o]
	if e != nil {
		select {
		case <-e.ready:
			if f.opt.Now().After(e.expires) {
				e = nil
			}
		default:
		}
	}
	if e == nil {
		if len(f.robots) >= 4096 {
			f.pruneRobots()
		}
		e = &robotsEntry{ready: make(chan struct{})}
		f.robots[o] = e
		f.robotsMu.Unlock()
		e.rules, e.err = f.loadRobots(ctx, o)
		e.expires = f.opt.Now().Add(24 * time.Hour)
		if e.err != nil {
			e.expires = f.opt.Now().Add(5 * time.Minute) // a host that is down is asked again soon
		}
		if errors.Is(e.err, context.Canceled) || errors.Is(e.err, context.DeadlineExceeded) && ctx.Err() != nil {
			// Our caller stopped, the host said nothing: forget it.
			f.robotsMu.Lock()
			delete(f.robots, o)
			f.robotsMu.Unlock()
		}
		close(e.ready)
		if e.rules != nil && e.rules.delay > 0 {
			f.hosts.slowDown(o, e.rules.delay)
		}
	} else {
		f.robotsMu.Unlock()
	}
	select {
	case <-e.ready:
	case <-ctx.Done():
		return ctx.Err()
	}
	if e.err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(e.err, context.Canceled) || errors.Is(e.err, context.DeadlineExceeded) && ReasonOf(e.err) == "" {
			return f.checkRobots(ctx, name, u) // the one loading it stopped: load it again
		}
		return fail(whosaid.ErrorCode(e.err), name, ReasonRobots, 0, e.err, "%s/robots.txt could not be read (%v); not fetching without it", o, errors.Unwrap(e.err))
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.rules.allowed(path) {
		return fail(whosaid.EForbidden, name, ReasonRobots, 0, nil, "%s/robots.txt disallows %s (--ignore-robots fetches it anyway)", o, path)
	}
	return nil
}

func (f *Fetcher) pruneRobots() {
	now := f.opt.Now()
	for o, e := range f.robots {
		select {
		case <-e.ready:
			if now.After(e.expires) {
				delete(f.robots, o)
			}
		default:
		}
	}
}

// loadRobots fetches a host's robots.txt: a missing one (4xx) allows
// everything; one that cannot be had (5xx, no answer) is an error, since
// the RFC asks a crawler then to assume it disallows everything.
func (f *Fetcher) loadRobots(ctx context.Context, o string) (*robots, error) {
	u, _ := url.Parse(o + "/robots.txt")
	name := u.String()
	for hop := 0; hop <= 5; hop++ {
		resp, next, err := f.once(ctx, name, u, Request{}, robotsLimit, true)
		switch {
		case err != nil && whosaid.ErrorCode(err) == whosaid.EUnavailable, err != nil && ctx.Err() != nil:
			return nil, err
		case err != nil:
			return &robots{}, nil // no robots.txt (a 4xx): no restriction
		case next == nil:
			return parseRobots(resp.Body, Agent), nil
		}
		u = next
	}
	return &robots{}, nil // redirected too often: taken as missing, as the RFC says
}

// size writes a byte count for people.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
