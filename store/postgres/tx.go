package postgres

import (
	"context"
	"errors"
	"hash/fnv"
	"sort"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
)

// tx is a write transaction: the speaker index and the article writes.
type tx struct {
	s      *Store
	tx     pgx.Tx
	locked map[int64]bool // advisory locks this transaction holds
}

var _ whosaid.Tx = (*tx)(nil)

// decisionLock is the advisory lock writers hold shared and review
// decisions exclusive: a decision waits for the writes in flight and
// binds those after it.
const decisionLock = 0x77686f7361696402

// Update runs fn in one transaction, taking the decision lock shared.
// A transaction PostgreSQL aborts to break a deadlock between two
// writers' key locks runs again (fn must be safe to run twice: the
// linker is).
func (s *Store) Update(ctx context.Context, fn func(whosaid.Tx) error) error {
	return s.update(ctx, false, fn)
}

// update runs fn in a transaction; exclusive takes the decision lock
// exclusively (review decisions).
func (s *Store) update(ctx context.Context, exclusive bool, fn func(whosaid.Tx) error) error {
	if s.opt.ReadOnly {
		return whosaid.Errorf(whosaid.EInvalid, "%s: the store is open read-only", s.loc)
	}
	var err error
	for attempt := 0; attempt < 8; attempt++ {
		if err = s.try(ctx, exclusive, fn); err == nil || !retryable(err) {
			return err
		}
	}
	return dbError("write", err)
}

func (s *Store) try(ctx context.Context, exclusive bool, fn func(whosaid.Tx) error) error {
	t, err := s.pool.Begin(ctx)
	if err != nil {
		return dbError("begin a write", err)
	}
	defer t.Rollback(ctx)
	lock := "SELECT pg_advisory_xact_lock_shared($1)"
	if exclusive {
		lock = "SELECT pg_advisory_xact_lock($1)"
	}
	if _, err := t.Exec(ctx, lock, int64(decisionLock)); err != nil {
		return dbError("begin a write", err)
	}
	if err := fn(&tx{s: s, tx: t, locked: map[int64]bool{}}); err != nil {
		return err // a deadlock stays retryable: update runs fn again
	}
	if err := t.Commit(ctx); err != nil {
		if retryable(err) {
			return err
		}
		return dbError("commit", err)
	}
	return nil
}

// lock takes transaction-scoped advisory locks on names (in one order,
// so two transactions locking the same set never deadlock), skipping
// those held. Writers lock what they are about to read and create: an
// article id, a URL, a speaker's name keys.
func (t *tx) lock(ctx context.Context, kind string, names ...string) error {
	var keys []int64
	for _, n := range names {
		h := fnv.New64a()
		h.Write([]byte(kind))
		h.Write([]byte{0})
		h.Write([]byte(n))
		k := int64(h.Sum64())
		if !t.locked[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	if _, err := t.tx.Exec(ctx, "SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) k ORDER BY k", keys); err != nil {
		return lockError(err)
	}
	for _, k := range keys {
		t.locked[k] = true
	}
	return nil
}

// lockError keeps a deadlock retryable and maps the rest.
func lockError(err error) error {
	if retryable(err) {
		return err
	}
	return dbError("lock", err)
}

// Has tells whether the article with id is stored, after waiting for a
// writer storing it now.
func (t *tx) Has(ctx context.Context, id string) (bool, error) {
	if err := t.lock(ctx, "article", id); err != nil {
		return false, err
	}
	return exists(ctx, t.tx, "SELECT 1 FROM articles WHERE id = $1", id)
}

// HasRaw tells whether an article read from these bytes is stored.
func (s *Store) HasRaw(ctx context.Context, sum string) (bool, error) {
	return exists(ctx, s.pool, "SELECT 1 FROM articles WHERE raw_sha256 = $1", sum)
}

func exists(ctx context.Context, q querier, query string, args ...any) (bool, error) {
	var one int
	err := q.QueryRow(ctx, query, args...).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	return err == nil, dbError("look up", err)
}

// SpeakersByKey returns the live speakers with a variant under one of
// keys, after locking the keys: a writer that may create a speaker under
// one of them now waits for this transaction, and this one for it.
func (t *tx) SpeakersByKey(ctx context.Context, keys []string) ([]whosaid.SpeakerNames, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	if err := t.lock(ctx, "key", keys...); err != nil {
		return nil, err
	}
	ids, err := stringsOf(ctx, t.tx, `SELECT DISTINCT k.speaker_id FROM speaker_keys k
		JOIN speakers sp ON sp.id = k.speaker_id AND sp.merged_into IS NULL
		WHERE k.key = ANY($1) ORDER BY k.speaker_id LIMIT 500`, keys)
	if err != nil {
		return nil, err
	}
	out := make([]whosaid.SpeakerNames, 0, len(ids))
	for _, id := range ids {
		sp := whosaid.SpeakerNames{ID: id}
		var typ *string
		if err := t.tx.QueryRow(ctx, "SELECT name, type FROM speakers WHERE id = $1", id).Scan(&sp.Name, &typ); err != nil {
			return nil, dbError("speaker "+id, err)
		}
		sp.Type = entityType(deref(typ))
		if sp.Variants, err = stringsOf(ctx, t.tx, "SELECT variant FROM speaker_variants WHERE speaker_id = $1 ORDER BY n DESC, variant COLLATE \"C\"", id); err != nil {
			return nil, err
		}
		if sp.Roles, err = stringsOf(ctx, t.tx, "SELECT role FROM speaker_roles WHERE speaker_id = $1 ORDER BY role COLLATE \"C\"", id); err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, nil
}

// Pinned returns the live speaker a review decision gave variant to.
func (t *tx) Pinned(ctx context.Context, variant string) (string, error) {
	var id string
	err := t.tx.QueryRow(ctx, "SELECT speaker_id FROM pinned WHERE variant = $1", identity.PinKey(variant)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", dbError("pinned variant", err)
	}
	return live(ctx, t.tx, id)
}

// Blocked reports whether a split took variant away from speaker id, or
// id was merged into another speaker.
func (t *tx) Blocked(ctx context.Context, id, variant string) (bool, error) {
	if merged, err := exists(ctx, t.tx, "SELECT 1 FROM speakers WHERE id = $1 AND merged_into IS NOT NULL", id); err != nil || merged {
		return merged, err
	}
	return exists(ctx, t.tx, "SELECT 1 FROM decisions WHERE kind = 'split' AND speaker_id = $1 AND strpos(variants, $2) > 0",
		id, "\x1f"+identity.PinKey(variant)+"\x1f")
}

// PutSpeaker creates or extends a speaker (an upsert: two writers that
// derive the same id make one row).
func (t *tx) PutSpeaker(ctx context.Context, sp whosaid.SpeakerNames) (string, error) {
	if err := t.lock(ctx, "key", sp.Keys...); err != nil {
		return "", err
	}
	fail := func(err error) (string, error) { return "", dbError("speaker "+sp.ID, err) }
	if _, err := t.tx.Exec(ctx, "INSERT INTO speakers(id, name, type) VALUES($1,$2,$3) ON CONFLICT(id) DO NOTHING",
		sp.ID, sp.Name, string(sp.Type)); err != nil {
		return fail(err)
	}
	if sp.Type != whosaid.UnknownType && sp.Type != "" {
		if _, err := t.tx.Exec(ctx, "UPDATE speakers SET type = $1 WHERE id = $2 AND (type IS NULL OR type NOT IN ('person', 'organization'))",
			string(sp.Type), sp.ID); err != nil {
			return fail(err)
		}
	}
	if len(sp.Variants) > 0 {
		// Once per variant given, as SQLite's store counts them.
		for _, v := range sp.Variants {
			if _, err := t.tx.Exec(ctx, `INSERT INTO speaker_variants(speaker_id, variant) VALUES($1,$2)
				ON CONFLICT(speaker_id, variant) DO UPDATE SET n = speaker_variants.n + 1`, sp.ID, v); err != nil {
				return fail(err)
			}
		}
	}
	if len(sp.Keys) > 0 {
		if _, err := t.tx.Exec(ctx, `INSERT INTO speaker_keys(key, speaker_id) SELECT k, $2 FROM unnest($1::text[]) k
			ON CONFLICT DO NOTHING`, sp.Keys, sp.ID); err != nil {
			return fail(err)
		}
	}
	if len(sp.Roles) > 0 {
		if _, err := t.tx.Exec(ctx, `INSERT INTO speaker_roles(speaker_id, role) SELECT $2, r FROM unnest($1::text[]) r
			ON CONFLICT DO NOTHING`, sp.Roles, sp.ID); err != nil {
			return fail(err)
		}
	}
	rows, err := t.tx.Query(ctx, "SELECT variant, n FROM speaker_variants WHERE speaker_id = $1", sp.ID)
	if err != nil {
		return fail(err)
	}
	seen := map[string]int{}
	for rows.Next() {
		var v string
		var n int
		if err := rows.Scan(&v, &n); err != nil {
			rows.Close()
			return fail(err)
		}
		seen[v] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	var cur string
	if err := t.tx.QueryRow(ctx, "SELECT name FROM speakers WHERE id = $1", sp.ID).Scan(&cur); err != nil {
		return fail(err)
	}
	name := identity.Fullest(seen, cur)
	if name != cur {
		if _, err := t.tx.Exec(ctx, "UPDATE speakers SET name = $1 WHERE id = $2", name, sp.ID); err != nil {
			return fail(err)
		}
	}
	return name, nil
}

// live follows merges to the speaker that stands for id now.
func live(ctx context.Context, q querier, id string) (string, error) {
	for i := 0; i < 100; i++ {
		var into *string
		err := q.QueryRow(ctx, "SELECT merged_into FROM speakers WHERE id = $1", id).Scan(&into)
		if errors.Is(err, pgx.ErrNoRows) || err == nil && (into == nil || *into == "") {
			return id, nil
		}
		if err != nil {
			return "", dbError("speaker "+id, err)
		}
		id = *into
	}
	return id, nil
}

func stringsOf(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, dbError("query", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return out, dbError("query", err)
}

func entityType(s string) whosaid.EntityType {
	switch whosaid.EntityType(s) {
	case whosaid.Person, whosaid.Organization:
		return whosaid.EntityType(s)
	}
	return whosaid.UnknownType
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// null stores "" as NULL: an unknown value, not an empty one.
func null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
