package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/job"
)

func (a *app) ingestCommand() *cobra.Command {
	var asOf string
	var workers int
	var quiet bool
	cmd := &cobra.Command{
		Use:   "ingest [--db FILE] PATH... | -",
		Short: "annotate articles and keep them in the store",
		Long: `ingest reads what extract reads — plain text and HTML files, folders, globs, stdin —
plus WARC/WARC.gz archives (HTML responses), RSS/Atom feeds (one article per item) and
JSONL files ({"url","html"|"text","published","fetched"} per line), annotates every
article and stores it with its statements and speakers.

The same article is stored once, however often it is ingested; a changed article at a
known URL is a new version, the old one kept. An interrupted ingest (even killed) loses
nothing stored and, run again, skips what is stored and goes on.

Exit status: 0 all inputs stored, 1 some failed (reported on standard error with a
count at the end), 2 nothing could be done.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
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
			reader := &ingest.Reader{Stdin: a.stdin}
			rep, err := job.Ingest(ctx, st, reader.Docs(ctx, args), opt)
			prog.Done(func(secs float64) string {
				return fmt.Sprintf("%d articles: %d new, %d already stored; %d inputs failed; %.1fs%s",
					rep.Stored+rep.Known, rep.Stored, rep.Known, rep.Failed, secs, rate(rep.Stored+rep.Known, secs, "articles"))
			})
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
