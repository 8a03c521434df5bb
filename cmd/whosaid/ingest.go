package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/job"
)

func (a *app) ingestCommand() *cobra.Command {
	var asOf string
	var workers int
	var quiet, enqueue bool
	var ff fetchFlags
	cmd := &cobra.Command{
		Use:   "ingest [--db FILE] PATH... | URL... | --urls FILE | -",
		Short: "annotate articles and keep them in the store",
		Long: `ingest reads what extract reads — plain text and HTML files, folders, globs, stdin —
plus WARC/WARC.gz archives (HTML responses), RSS/Atom feeds (one article per item) and
JSONL files ({"url","html"|"text","published","fetched"} per line) and Telegram
channel exports (result.json), and fetches http(s) URLs (given as arguments or listed
in --urls FILE: politely, robots.txt respected, a page fetched again only if it
changed); it annotates every article and stores it with its statements and speakers.
Saved searches (whosaid alerts) that the new statements match fire afterwards.

The same article is stored once, however often it is ingested; a changed article at a
known URL is a new version, the old one kept. An interrupted ingest (even killed) loses
nothing stored and, run again, skips what is stored and goes on.

Exit status: 0 all inputs stored, 1 some failed (reported on standard error with a
count at the end), 2 nothing could be done.

With --enqueue (a PostgreSQL store), the inputs go into the store's work queue instead:
URLs as given, the files of paths, folders and globs as absolute paths (put them where
every worker can read them), and ` + "`whosaid worker`" + ` on any machine ingests them.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && ff.urls == "" {
				return fmt.Errorf("nothing to ingest: give files, folders, URLs or --urls FILE")
			}
			ctx := cmd.Context()
			if enqueue {
				return a.withStore(ctx, readWrite, func(st whosaid.Store) error { return a.enqueue(ctx, st, args, ff.urls) })
			}
			opt := job.Options{Workers: workers}
			if err := parseAsOf(asOf, &opt.AsOf); err != nil {
				return err
			}
			st, err := a.openStore(ctx, readWrite)
			if err != nil {
				return err
			}
			defer st.Close()
			prog := a.newProgress("articles", args, quiet)
			opt.OnError = func(err error) {
				prog.Fail(errorInput(err))
				fmt.Fprintln(a.stderr, "whosaid:", err)
			}
			opt.OnWarning = func(err error) { fmt.Fprintln(a.stderr, "whosaid: warning:", err) }
			opt.OnDoc = func(d *whosaid.Doc) { prog.Doc(d.Source) }
			opt.OnKnown = func(d *whosaid.Doc) { prog.Known(d.Source) }
			src, err := ff.source(ctx, a, st, args)
			if err != nil {
				return err
			}
			rep, err := job.Ingest(ctx, st, src.docs, opt)
			rep.Known += int(src.unchanged.Load())
			prog.Done(func(secs float64) string {
				return fmt.Sprintf("%d articles: %d new, %d already stored; %d inputs failed; %.1fs%s",
					rep.Stored+rep.Known, rep.Stored, rep.Known, rep.Failed, secs, rate(rep.Stored+rep.Known, secs, "articles"))
			})
			a.afterIngest(ctx, st, &ff)
			switch {
			case err != nil:
				return err
			case rep.Failed > 0 && rep.Stored+rep.Known == 0:
				return exitError{exitFailed}
			case rep.Failed > 0:
				return exitError{exitPartial}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "reference date (YYYY-MM-DD) for relative dates")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles annotated at once (default: number of CPUs)")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress and no summary (errors and warnings still go to standard error)")
	cmd.Flags().BoolVar(&enqueue, "enqueue", false, "put the inputs into the store's work queue for `whosaid worker` (PostgreSQL store) instead of ingesting them here")
	ff.add(cmd, true)
	return cmd
}

// errorInput is the input an error names, if any.
func errorInput(err error) string {
	var e *whosaid.Error
	if errors.As(err, &e) {
		return e.Input
	}
	return ""
}

// parseAsOf reads an --as-of date.
func parseAsOf(s string, to **time.Time) error {
	if s == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return fmt.Errorf("--as-of %q: want a date as YYYY-MM-DD", s)
	}
	*to = &t
	return nil
}
