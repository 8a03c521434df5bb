package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/alert"
	"github.com/whosaid/whosaid/fetch"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/watch"
)

// fetchFlags are how ingest and watch fetch from the web and deliver
// alerts.
type fetchFlags struct {
	urls         string // ingest --urls FILE
	ignoreRobots bool
	timeout      time.Duration
	delay        time.Duration
	smtp         string
}

func (f *fetchFlags) add(cmd *cobra.Command, withURLs bool) {
	if withURLs {
		cmd.Flags().StringVar(&f.urls, "urls", "", "fetch the URLs listed in FILE, one a line (- for standard input)")
	}
	cmd.Flags().BoolVar(&f.ignoreRobots, "ignore-robots", false, "fetch pages robots.txt disallows")
	cmd.Flags().DurationVar(&f.timeout, "timeout", fetch.DefaultTimeout, "give up on a request after this long")
	cmd.Flags().DurationVar(&f.delay, "delay", fetch.DefaultDelay, "pause between two requests to one host")
	cmd.Flags().StringVar(&f.smtp, "smtp", "", "SMTP server for mail alerts: host:port or smtp://[user:password@]host[:port][?from=ADDRESS] (default $WHOSAID_SMTP)")
}

func (f *fetchFlags) fetcher() *fetch.Fetcher {
	delay := f.delay
	if delay == 0 {
		delay = -1 // --delay 0: no pause
	}
	return fetch.New(fetch.Options{Timeout: f.timeout, Delay: delay, IgnoreRobots: f.ignoreRobots})
}

func (f *fetchFlags) smtpServer() string {
	if f.smtp != "" {
		return f.smtp
	}
	return os.Getenv("WHOSAID_SMTP")
}

// isURL tells an http(s) URL from a path among ingest's arguments.
func isURL(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// ingestSource is what ingest reads: the files of its arguments, then the
// pages of its URLs (and of --urls).
type ingestSource struct {
	docs      iter.Seq2[*whosaid.Doc, error]
	unchanged atomic.Int64 // pages that answered 304: their articles are stored
}

// source chooses the document stream of ingest's arguments.
func (f *fetchFlags) source(ctx context.Context, a *app, st whosaid.Store, args []string) (*ingestSource, error) {
	var paths, urls []string
	for _, arg := range args {
		if isURL(arg) {
			urls = append(urls, arg)
		} else {
			paths = append(paths, arg)
		}
	}
	if f.urls != "" {
		listed, err := readURLList(f.urls, a.stdin)
		if err != nil {
			return nil, err
		}
		urls = append(urls, listed...)
	}
	if len(paths) == 0 && len(urls) == 0 {
		return nil, fmt.Errorf("nothing to ingest: give files, folders, URLs or --urls FILE")
	}
	src := &ingestSource{}
	reader := &ingest.Reader{Stdin: a.stdin}
	files := reader.Docs(ctx, paths)
	var pages iter.Seq2[*whosaid.Doc, error]
	if len(urls) > 0 {
		opt := fetch.DocsOptions{NotModified: func(string) { src.unchanged.Add(1) }}
		if ws, ok := st.(whosaid.WatchStore); ok {
			opt.Cache = watch.PageCache{Store: st, State: ws}
		}
		pages = f.fetcher().Docs(ctx, urls, opt)
	}
	src.docs = func(yield func(*whosaid.Doc, error) bool) {
		if len(paths) > 0 {
			for d, err := range files {
				if !yield(d, err) {
					return
				}
			}
		}
		if pages != nil {
			for d, err := range pages {
				if !yield(d, err) {
					return
				}
			}
		}
	}
	return src, nil
}

// readURLList reads a list of URLs, one a line; blank lines and # comments
// are skipped. A line that is not a URL is an error naming it.
func readURLList(path string, stdin io.Reader) ([]string, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, whosaid.InputError(whosaid.ENotFound, path, "cannot open the URL list: %v", err)
		}
		defer f.Close()
		r = f
	}
	var out []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !isURL(line) {
			return nil, whosaid.InputError(whosaid.EInvalid, fmt.Sprintf("%s:%d", path, n), "%q is not an http or https URL", line)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, whosaid.InputError(whosaid.EInvalid, path, "read failed: %v", err)
	}
	return out, nil
}

// alertEngine is the alert engine of st, nil when st keeps no saved
// searches.
func (a *app) alertEngine(st whosaid.Store, smtp string) *alert.Engine {
	e, err := alert.New(st, alert.Options{Log: a.stderr, SMTP: smtp})
	if err != nil {
		return nil
	}
	return e
}

// afterIngest fires the saved searches that what was stored matches and
// delivers what is due; a delivery that fails waits for the next ingest
// or watch. It never fails the ingest.
func (a *app) afterIngest(ctx context.Context, st whosaid.Store, f *fetchFlags) {
	e := a.alertEngine(st, f.smtpServer())
	if e == nil {
		return
	}
	ctx = context.WithoutCancel(ctx) // what was stored is checked even after an interrupt
	fired, err := e.Check(ctx)
	if err != nil {
		fmt.Fprintln(a.stderr, "whosaid: alerts:", err)
	}
	rep, err := e.Deliver(ctx)
	if err != nil {
		fmt.Fprintln(a.stderr, "whosaid: delivering alerts:", err)
	}
	if fired > 0 || rep.Sent+rep.Failed+rep.GaveUp > 0 {
		fmt.Fprintf(a.stderr, "whosaid: %d alerts fired, %d delivered, %d to retry, %d given up\n", fired, rep.Sent, rep.Failed, rep.GaveUp)
	}
}
