package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/store/sqlite"
)

// openStore opens the store at --db, or the default one.
func (a *app) openStore(ctx context.Context) (*sqlite.Store, error) {
	path := a.db
	if path == "" {
		var err error
		if path, err = sqlite.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return sqlite.Open(ctx, path, sqlite.Options{})
}

func (a *app) ingestCommand() *cobra.Command {
	var asOf string
	var workers int
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
			st, err := a.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			opt := extract.Options{Workers: workers, Stdin: a.stdin, KeepRaw: true}
			if asOf != "" {
				t, err := time.Parse("2006-01-02", asOf)
				if err != nil {
					return fmt.Errorf("--as-of %q: want a date as YYYY-MM-DD", asOf)
				}
				opt.AsOf = &t
			}
			prog := a.newProgress("articles", -1)
			skipped := 0
			opt.Skip = func(d *whosaid.Doc) bool {
				ok, err := st.Has(ctx, d.ID)
				if ok && err == nil {
					skipped++ // read by one goroutine only
				}
				return ok && err == nil
			}
			var errs []error
			opt.OnError = func(err error) {
				errs = append(errs, err)
				prog.Fail()
				fmt.Fprintln(a.stderr, "whosaid:", err)
			}
			stored, seen := 0, 0
			linker := extract.DefaultLinker()
			failed, err := extract.Stream(ctx, args, opt, func(d *whosaid.Doc) error {
				seen++
				// Speakers are named within the article here; the store
				// links them to the speakers it holds.
				if _, err := linker.Link(ctx, []*whosaid.Doc{d}); err != nil {
					return err
				}
				ref, err := st.PutArticle(ctx, d)
				if err != nil {
					return fmt.Errorf("storing %s: %w", d.Source, err)
				}
				if ref.New {
					stored++
				}
				prog.Add(len(d.Raw))
				return nil
			})
			prog.Done()
			fmt.Fprintf(a.stderr, "whosaid: %d articles stored, %d already stored, %d inputs failed\n", stored, skipped+seen-stored, failed)
			switch {
			case err != nil:
				return err
			case failed > 0 && stored+skipped+seen == 0:
				return exitError{exitFailed}
			case failed > 0:
				return exitError{exitPartial}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "reference date (YYYY-MM-DD) for relative dates")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles annotated at once (default: number of CPUs)")
	return cmd
}

// withStore runs fn on the store, closing it after.
func (a *app) withStore(ctx context.Context, fn func(*sqlite.Store) error) error {
	st, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}
