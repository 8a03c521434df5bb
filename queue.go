package whosaid

import (
	"context"
	"time"
)

// Queue is a shared backlog of inputs to ingest (file paths, URLs) that
// any number of workers, on any number of machines, drain: `whosaid
// ingest --enqueue` fills it, `whosaid worker` empties it. store/postgres
// implements it beside Store; a store without it (SQLite: one file on one
// machine) has no queue.
//
// A worker claims a job with a lease; while it works it renews the
// lease, and when it is done it completes or fails the job. A worker
// that dies (killed, its machine gone) stops renewing: when the lease
// runs out the job is pending again for another worker, up to
// MaxAttempts claims, then failed with the reason. Two workers never hold
// one job at once. Ingest is idempotent, so a job a dead worker had half
// done is done again without duplicates.
//
// Errors as for Store; Complete, Fail and Renew give EConflict when the
// job is no longer the worker's (its lease ran out and another took it).
type Queue interface {
	// Enqueue adds inputs as pending jobs; an input pending or running
	// already is not added twice. It returns how many were added.
	Enqueue(ctx context.Context, inputs []string) (int, error)
	// Claim gives worker the oldest job that is pending, or whose lease
	// ran out, leased for lease; nil when there is none.
	Claim(ctx context.Context, worker string, lease time.Duration) (*Job, error)
	// Renew extends the lease of a job the worker holds.
	Renew(ctx context.Context, id int64, worker string, lease time.Duration) error
	// Complete records a job done, with a summary of what it did.
	Complete(ctx context.Context, id int64, worker, summary string) error
	// Fail records a job failed for good, with the reason.
	Fail(ctx context.Context, id int64, worker, reason string) error
	// QueueStats counts the jobs by state, with the latest failures.
	QueueStats(ctx context.Context) (QueueStats, error)
}

// MaxAttempts is how many times a job is claimed before a lease that
// keeps running out (a worker dying on it) fails it.
const MaxAttempts = 3

// Job is a claimed job.
type Job struct {
	ID       int64
	Input    string
	Attempts int // claims so far, this one included
}

// QueueStats is the state of a queue.
type QueueStats struct {
	Pending, Running, Done, Failed int
	// Failures are the latest failed jobs, newest first.
	Failures []JobFailure
}

// JobFailure is a failed job and why it failed.
type JobFailure struct {
	Input    string
	Reason   string
	Attempts int
	At       time.Time
}
