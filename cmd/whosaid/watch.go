package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/watch"
)

func (a *app) watchCommand() *cobra.Command {
	var sources string
	var every time.Duration
	var once bool
	var workers int
	var ff fetchFlags
	cmd := &cobra.Command{
		Use:   "watch --sources FILE [--every 15m] [--once]",
		Short: "follow feeds: ingest each new item's page, fire saved searches",
		Long: `watch polls the RSS/Atom feeds listed in the sources file (one URL a line,
optionally followed by the outlet's name; # starts a comment), fetches the page of
each item it has not seen, ingests it, and fires the saved searches (whosaid alerts)
the new statements match. It goes on until stopped; SIGINT or SIGTERM stop the
fetching, let the articles under way be stored, and exit 0.

Feeds are asked conditionally (ETag, Last-Modified), pages politely (robots.txt,
one request per host at a time with --delay between). A feed that is down,
malformed or slow gets a line on standard error and is asked again later, the pause
doubling with each failure; the others go on. What was seen, each feed's
validators and backoff, and what fired live in the store: a restarted watch fetches
nothing twice and fires nothing twice.

With --once it polls every feed once and exits: 0 when all went well, 1 when some
feeds or pages failed, 2 when no feed could be read.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if sources == "" {
				return fmt.Errorf("--sources FILE is needed: the feeds to follow, one URL a line")
			}
			list, err := watch.ReadSources(sources)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := a.openStore(ctx, readWrite)
			if err != nil {
				return err
			}
			defer st.Close()
			opt := watch.Options{Every: every, Fetcher: ff.fetcher(), Log: a.stderr,
				Alerts: a.alertEngine(st, ff.smtpServer()), Job: job.Options{Workers: workers}}
			opt.Job.OnError = func(err error) {} // the watcher logs them
			w, err := watch.New(st, list, opt)
			if err != nil {
				return err
			}
			go func() {
				<-ctx.Done()
				if !once {
					fmt.Fprintln(a.stderr, "whosaid: watch: stopping: storing the articles under way (interrupt again to quit at once)")
				}
				// A second signal kills, as it would without us.
				signal.Reset(os.Interrupt, syscall.SIGTERM)
			}()
			fmt.Fprintf(a.stderr, "whosaid: watch: %d feeds, polled every %s\n", len(list), every)
			var last watch.RoundReport
			err = w.Run(ctx, once, func(r watch.RoundReport) {
				last = r
				fmt.Fprintf(a.stderr, "whosaid: watch: %s\n", r)
			})
			if err != nil {
				return err
			}
			if once {
				switch {
				case last.Polled > 0 && last.FeedErrors == last.Polled:
					return exitError{exitFailed}
				case last.FeedErrors > 0 || last.PageErrors > 0 || last.Failed > 0:
					return exitError{exitPartial}
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&sources, "sources", "", "file of feed URLs to follow, one a line (optionally followed by the outlet's name)")
	cmd.Flags().DurationVar(&every, "every", watch.DefaultEvery, "how often each feed is polled")
	cmd.Flags().BoolVar(&once, "once", false, "poll every feed once, then exit")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles annotated at once (default: number of CPUs)")
	ff.add(cmd, false)
	return cmd
}
