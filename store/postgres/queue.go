package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
)

var _ whosaid.Queue = (*Store)(nil)

// Enqueue adds inputs as pending jobs, skipping those pending or running.
func (s *Store) Enqueue(ctx context.Context, inputs []string) (int, error) {
	if len(inputs) == 0 {
		return 0, nil
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO jobs(input) SELECT i FROM unnest($1::text[]) WITH ORDINALITY AS x(i, o) ORDER BY o
		ON CONFLICT (input) WHERE state IN ('pending', 'running') DO NOTHING`, inputs)
	if err != nil {
		return 0, dbError("enqueue", err)
	}
	return int(tag.RowsAffected()), nil
}

// Claim leases the oldest due job to worker: FOR UPDATE SKIP LOCKED, so
// workers claiming at once take different jobs without waiting on each
// other. A job whose lease ran out MaxAttempts times is failed instead.
func (s *Store) Claim(ctx context.Context, worker string, lease time.Duration) (*whosaid.Job, error) {
	if _, err := s.pool.Exec(ctx, `UPDATE jobs SET state = 'failed', finished = now(),
		reason = format('the lease ran out %s times (the worker died or hung on it; last %s)', attempts, worker)
		WHERE state = 'running' AND lease_until < now() AND attempts >= $1`, whosaid.MaxAttempts); err != nil {
		return nil, dbError("claim a job", err)
	}
	var j whosaid.Job
	err := s.pool.QueryRow(ctx, `WITH due AS (
			SELECT id FROM jobs WHERE state = 'pending' OR state = 'running' AND lease_until < now()
			ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
		UPDATE jobs SET state = 'running', worker = $1, lease_until = now() + $2::interval, attempts = attempts + 1
		FROM due WHERE jobs.id = due.id RETURNING jobs.id, jobs.input, jobs.attempts`,
		worker, interval(lease)).Scan(&j.ID, &j.Input, &j.Attempts)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, dbError("claim a job", err)
	}
	return &j, nil
}

// Renew extends a held job's lease.
func (s *Store) Renew(ctx context.Context, id int64, worker string, lease time.Duration) error {
	return s.finishJob(ctx, id, worker, "renew", `lease_until = now() + $3::interval`, interval(lease))
}

// Complete records a held job done.
func (s *Store) Complete(ctx context.Context, id int64, worker, summary string) error {
	return s.finishJob(ctx, id, worker, "complete", `state = 'done', finished = now(), lease_until = NULL, summary = $3`, summary)
}

// Fail records a held job failed with reason.
func (s *Store) Fail(ctx context.Context, id int64, worker, reason string) error {
	return s.finishJob(ctx, id, worker, "fail", `state = 'failed', finished = now(), lease_until = NULL, reason = $3`, reason)
}

func (s *Store) finishJob(ctx context.Context, id int64, worker, what, set string, arg any) error {
	tag, err := s.pool.Exec(ctx, `UPDATE jobs SET `+set+` WHERE id = $1 AND worker = $2 AND state = 'running'`, id, worker, arg)
	if err != nil {
		return dbError(what+" job", err)
	}
	if tag.RowsAffected() == 0 {
		return whosaid.Errorf(whosaid.EConflict, "job %d is no longer %s's (its lease ran out and another worker took it)", id, worker)
	}
	return nil
}

// QueueStats counts the jobs by state, with the latest 20 failures.
func (s *Store) QueueStats(ctx context.Context) (whosaid.QueueStats, error) {
	var st whosaid.QueueStats
	err := s.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE state = 'pending' OR state = 'running' AND lease_until < now()),
		count(*) FILTER (WHERE state = 'running' AND lease_until >= now()),
		count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'failed') FROM jobs`).
		Scan(&st.Pending, &st.Running, &st.Done, &st.Failed)
	if err != nil {
		return st, dbError("queue", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT input, COALESCE(reason, ''), attempts, finished FROM jobs WHERE state = 'failed'
		ORDER BY finished DESC, id DESC LIMIT 20`)
	if err != nil {
		return st, dbError("queue", err)
	}
	defer rows.Close()
	for rows.Next() {
		var f whosaid.JobFailure
		if err := rows.Scan(&f.Input, &f.Reason, &f.Attempts, &f.At); err != nil {
			return st, dbError("queue", err)
		}
		f.At = f.At.UTC()
		st.Failures = append(st.Failures, f)
	}
	return st, dbError("queue", rows.Err())
}

// interval writes a duration as PostgreSQL reads an interval.
func interval(d time.Duration) string { return fmt.Sprintf("%d microseconds", d.Microseconds()) }
