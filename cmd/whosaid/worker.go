package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/job"
)

// queueOf is the store's queue, or an error saying which store has one.
func queueOf(st whosaid.Store) (whosaid.Queue, error) {
	q, ok := st.(whosaid.Queue)
	if !ok {
		return nil, whosaid.Errorf(whosaid.EUnsupported,
			"this store has no work queue: --enqueue and worker need a PostgreSQL store (--db postgres://…) that every machine reaches")
	}
	return q, nil
}

// enqueue puts ingest's inputs into the store's queue: a URL as given,
// every file a path, folder or glob names as an absolute path (the
// workers read it, so it must be where they can: a shared folder).
func (a *app) enqueue(ctx context.Context, st whosaid.Store, args []string, urlList string) error {
	q, err := queueOf(st)
	if err != nil {
		return err
	}
	var inputs, paths []string
	for _, arg := range args {
		if isURL(arg) {
			inputs = append(inputs, arg)
		} else {
			paths = append(paths, arg)
		}
	}
	if urlList != "" {
		listed, err := readURLList(urlList, a.stdin)
		if err != nil {
			return err
		}
		inputs = append(inputs, listed...)
	}
	failed := 0
	err = ingest.Walk(paths, func(path string, err error) error {
		switch {
		case err != nil:
			failed++
			fmt.Fprintln(a.stderr, "whosaid:", err)
		case path == "-":
			failed++
			fmt.Fprintln(a.stderr, "whosaid: -: standard input cannot be queued (a worker elsewhere cannot read it)")
		default:
			abs, err := filepath.Abs(path)
			if err != nil {
				return err
			}
			inputs = append(inputs, abs)
		}
		return nil
	})
	if err != nil {
		return err
	}
	added := 0
	for len(inputs) > 0 {
		n := min(len(inputs), 1000)
		k, err := q.Enqueue(ctx, inputs[:n])
		if err != nil {
			return err
		}
		added += k
		inputs = inputs[n:]
	}
	fmt.Fprintf(a.stderr, "whosaid: queued %d inputs; %d failed\n", added, failed)
	if failed > 0 {
		return exitError{exitPartial}
	}
	return nil
}

// workerCommand drains the queue: `whosaid worker` on any number of
// machines, each taking one job at a time.
func (a *app) workerCommand() *cobra.Command {
	var lease, poll time.Duration
	var untilEmpty bool
	var workers int
	var asOf string
	var ff fetchFlags
	cmd := &cobra.Command{
		Use:   "worker [--db postgres://…] [--lease 2m] [--until-empty]",
		Short: "ingest the inputs `ingest --enqueue` queued, one job at a time, beside other workers",
		Long: `worker takes jobs from the store's queue (a PostgreSQL store: ingest --enqueue PATH|URL…
fills it) and ingests each as ingest would, on as many machines as you start it on. A job
is leased to its worker, which renews the lease while it works: a worker that dies gives
its job back when the lease runs out (after 3 lost leases the job fails with the reason).
whosaid stats shows the queue. Without --until-empty it waits for more work; Ctrl-C
stops it, and the job in hand goes back to the queue when its lease runs out.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			opt := job.Options{Workers: workers}
			if err := parseAsOf(asOf, &opt.AsOf); err != nil {
				return err
			}
			if lease < time.Second {
				return fmt.Errorf("--lease %s: give at least 1s", lease)
			}
			return a.withStore(ctx, readWrite, func(st whosaid.Store) error {
				q, err := queueOf(st)
				if err != nil {
					return err
				}
				host, _ := os.Hostname()
				name := fmt.Sprintf("%s:%d", host, os.Getpid())
				for {
					j, err := q.Claim(ctx, name, lease)
					if err != nil {
						return err
					}
					if j == nil {
						if untilEmpty {
							qs, err := q.QueueStats(ctx)
							if err != nil {
								return err
							}
							if qs.Pending == 0 && qs.Running == 0 {
								return nil
							}
						}
						select {
						case <-ctx.Done():
							return nil
						case <-time.After(poll):
						}
						continue
					}
					if err := a.work(ctx, st, q, name, j, lease, opt, &ff); err != nil {
						return err
					}
				}
			})
		},
	}
	cmd.Flags().DurationVar(&lease, "lease", 2*time.Minute, "how long a job stays this worker's without a renewal (renewed every third of it)")
	cmd.Flags().DurationVar(&poll, "poll", 5*time.Second, "how often to look for work when the queue is empty")
	cmd.Flags().BoolVar(&untilEmpty, "until-empty", false, "exit when no job is pending or running")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles annotated at once (default: number of CPUs)")
	cmd.Flags().StringVar(&asOf, "as-of", "", "reference date (YYYY-MM-DD) for relative dates")
	ff.add(cmd, false)
	return cmd
}

// work ingests one job, renewing its lease meanwhile, and records how it
// ended. Only a failure of the store stops the worker.
func (a *app) work(ctx context.Context, st whosaid.Store, q whosaid.Queue, name string, j *whosaid.Job, lease time.Duration, opt job.Options, ff *fetchFlags) error {
	jobCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	lost := make(chan error, 1)
	go func() {
		for {
			select {
			case <-jobCtx.Done():
				return
			case <-time.After(lease / 3):
			}
			if err := q.Renew(jobCtx, j.ID, name, lease); err != nil && jobCtx.Err() == nil {
				lost <- err
				cancel()
				return
			}
		}
	}()
	var reasons []string
	opt.OnError = func(err error) {
		reasons = append(reasons, err.Error())
		fmt.Fprintln(a.stderr, "whosaid:", err)
	}
	opt.OnWarning = func(err error) { fmt.Fprintln(a.stderr, "whosaid: warning:", err) }
	src, err := ff.source(jobCtx, a, st, []string{j.Input})
	var rep job.Report
	if err == nil {
		rep, err = job.Ingest(jobCtx, st, src.docs, opt)
		rep.Known += int(src.unchanged.Load())
	}
	cancel()
	select {
	case lerr := <-lost:
		fmt.Fprintf(a.stderr, "whosaid: job %d (%s): %v\n", j.ID, j.Input, lerr)
		return nil // another worker has it
	default:
	}
	if ctx.Err() != nil {
		return nil // interrupted: the lease runs out and the job goes back
	}
	fin := context.WithoutCancel(ctx)
	summary := fmt.Sprintf("%d articles: %d new, %d already stored; %d inputs failed", rep.Stored+rep.Known, rep.Stored, rep.Known, rep.Failed)
	switch {
	case err != nil && whosaid.ErrorCode(err) == whosaid.EInternal && !isInputError(err):
		return err // the store failed: stop, the lease gives the job back
	case err != nil:
		reasons = append(reasons, err.Error())
		fallthrough
	case rep.Failed > 0 && rep.Stored+rep.Known == 0:
		err = q.Fail(fin, j.ID, name, strings.Join(reasons, "; "))
	default:
		if len(reasons) > 0 {
			summary += " (" + strings.Join(reasons, "; ") + ")"
		}
		err = q.Complete(fin, j.ID, name, summary)
	}
	if whosaid.ErrorCode(err) == whosaid.EConflict {
		fmt.Fprintf(a.stderr, "whosaid: job %d (%s): %v\n", j.ID, j.Input, err)
		return nil
	}
	if err == nil {
		fmt.Fprintf(a.stderr, "whosaid: job %d %s: %s\n", j.ID, j.Input, summary)
		a.afterIngest(fin, st, ff)
	}
	return err
}

// isInputError reports an error about an input rather than the store.
func isInputError(err error) bool {
	var e *whosaid.Error
	return errors.As(err, &e) && e.Input != ""
}
