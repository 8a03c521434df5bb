package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
)

// SourceState returns the stored state of a source.
func (s *Store) SourceState(ctx context.Context, url string) (*whosaid.SourceState, error) {
	st := &whosaid.SourceState{URL: url}
	var lastPoll, lastOK, nextPoll string
	err := s.pool.QueryRow(ctx, `SELECT COALESCE(etag, ''), COALESCE(last_modified, ''), COALESCE(raw_sha256, ''),
		COALESCE(last_poll, ''), COALESCE(last_ok, ''), COALESCE(next_poll, ''), failures, COALESCE(last_error, '')
		FROM watch_sources WHERE url = $1`, url).
		Scan(&st.ETag, &st.LastModified, &st.RawSHA256, &lastPoll, &lastOK, &nextPoll, &st.Failures, &st.LastError)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no state for source %q", url)
	}
	if err != nil {
		return nil, dbError("source "+url, err)
	}
	st.LastPoll, st.LastOK, st.NextPoll = instant(lastPoll), instant(lastOK), instant(nextPoll)
	return st, nil
}

// PutSourceState records the state of a source.
func (s *Store) PutSourceState(ctx context.Context, st whosaid.SourceState) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO watch_sources(url, etag, last_modified, raw_sha256, last_poll, last_ok, next_poll, failures, last_error)
		VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
		raw_sha256 = excluded.raw_sha256, last_poll = excluded.last_poll, last_ok = excluded.last_ok, next_poll = excluded.next_poll,
		failures = excluded.failures, last_error = excluded.last_error`,
		st.URL, null(st.ETag), null(st.LastModified), null(st.RawSHA256), instantText(st.LastPoll), instantText(st.LastOK),
		instantText(st.NextPoll), st.Failures, null(st.LastError))
	return dbError("source "+st.URL, err)
}

// Seen returns which of keys were handled for source.
func (s *Store) Seen(ctx context.Context, source string, keys []string) (map[string]bool, error) {
	seen := map[string]bool{}
	got, err := stringsOf(ctx, s.pool, "SELECT key FROM watch_seen WHERE source = $1 AND key = ANY($2)", source, keys)
	if err != nil {
		return nil, err
	}
	for _, k := range got {
		seen[k] = true
	}
	return seen, nil
}

// MarkSeen records a handled item (the first record stays).
func (s *Store) MarkSeen(ctx context.Context, it whosaid.SeenItem) error {
	at := it.At
	if at.IsZero() {
		at = s.now()
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO watch_seen(source, key, url, article_id, error, at) VALUES($1,$2,$3,$4,$5,$6)
		ON CONFLICT(source, key) DO NOTHING`, it.Source, it.Key, null(it.URL), null(it.ArticleID), null(it.Error), instantText(at))
	return dbError("seen item "+it.Key, err)
}

// instantLayout writes a moment in UTC with every digit of its
// nanoseconds: fixed width, so moments compare as text, as in the SQLite
// store (timestamptz would keep microseconds only).
const instantLayout = "2006-01-02T15:04:05.000000000Z07:00"

// instantText is a moment as the follow tables keep it; the zero time is
// NULL.
func instantText(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(instantLayout)
	return &s
}

func instant(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
