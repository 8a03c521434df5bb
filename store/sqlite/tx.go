package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
)

// tx is a write transaction: the speaker index and the article writes.
type tx struct {
	s  *Store
	tx *sql.Tx
}

var _ whosaid.Tx = (*tx)(nil)

// Update runs fn in one immediate (write-locking) transaction.
func (s *Store) Update(ctx context.Context, fn func(whosaid.Tx) error) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return dbError("begin a write", err)
	}
	defer t.Rollback()
	if err := fn(&tx{s: s, tx: t}); err != nil {
		return err
	}
	return dbError("commit", t.Commit())
}

// Has tells whether the article with id is stored.
func (t *tx) Has(ctx context.Context, id string) (bool, error) {
	return exists(ctx, t.tx, "SELECT 1 FROM articles WHERE id = ?", id)
}

// HasRaw tells whether an article read from these bytes is stored.
func (s *Store) HasRaw(ctx context.Context, sum string) (bool, error) {
	return exists(ctx, s.db, "SELECT 1 FROM articles WHERE raw_sha256 = ?", sum)
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func exists(ctx context.Context, q queryer, query string, args ...any) (bool, error) {
	var one int
	err := q.QueryRowContext(ctx, query, args...).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, dbError("look up", err)
}

// SpeakersByKey returns the live speakers with a variant under one of keys.
func (t *tx) SpeakersByKey(ctx context.Context, keys []string) ([]whosaid.SpeakerNames, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	ids, err := stringsOf(ctx, t.tx, `SELECT DISTINCT k.speaker_id FROM speaker_keys k
		JOIN speakers sp ON sp.id = k.speaker_id AND sp.merged_into IS NULL
		WHERE k.key IN (`+placeholders(len(keys))+`) ORDER BY k.speaker_id LIMIT 500`, args...)
	if err != nil {
		return nil, err
	}
	out := make([]whosaid.SpeakerNames, 0, len(ids))
	for _, id := range ids {
		sp := whosaid.SpeakerNames{ID: id}
		var typ sql.NullString
		if err := t.tx.QueryRowContext(ctx, "SELECT name, type FROM speakers WHERE id = ?", id).Scan(&sp.Name, &typ); err != nil {
			return nil, dbError("speaker "+id, err)
		}
		sp.Type = entityType(typ.String)
		if sp.Variants, err = stringsOf(ctx, t.tx, "SELECT variant FROM speaker_variants WHERE speaker_id = ? ORDER BY n DESC, variant", id); err != nil {
			return nil, err
		}
		if sp.Roles, err = stringsOf(ctx, t.tx, "SELECT role FROM speaker_roles WHERE speaker_id = ? ORDER BY role", id); err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, nil
}

// Pinned returns the live speaker a review decision gave variant to.
func (t *tx) Pinned(ctx context.Context, variant string) (string, error) {
	var id string
	err := t.tx.QueryRowContext(ctx, "SELECT speaker_id FROM pinned WHERE variant = ?", identity.PinKey(variant)).Scan(&id)
	if err == sql.ErrNoRows {
		return "", nil
	}
	if err != nil {
		return "", dbError("pinned variant", err)
	}
	return live(ctx, t.tx, id)
}

// Blocked reports whether a split took variant away from speaker id, or
// id was merged into another speaker (new statements go to that one).
func (t *tx) Blocked(ctx context.Context, id, variant string) (bool, error) {
	if merged, err := exists(ctx, t.tx, "SELECT 1 FROM speakers WHERE id = ? AND merged_into IS NOT NULL", id); err != nil || merged {
		return merged, err
	}
	return exists(ctx, t.tx, "SELECT 1 FROM decisions WHERE kind = 'split' AND speaker_id = ? AND instr(variants, ?) > 0",
		id, "\x1f"+identity.PinKey(variant)+"\x1f")
}

// PutSpeaker creates or extends a speaker.
func (t *tx) PutSpeaker(ctx context.Context, sp whosaid.SpeakerNames) (string, error) {
	if _, err := t.tx.ExecContext(ctx, "INSERT INTO speakers(id, name, type) VALUES(?,?,?) ON CONFLICT(id) DO NOTHING",
		sp.ID, sp.Name, string(sp.Type)); err != nil {
		return "", dbError("speaker "+sp.ID, err)
	}
	var typ sql.NullString
	if err := t.tx.QueryRowContext(ctx, "SELECT type FROM speakers WHERE id = ?", sp.ID).Scan(&typ); err != nil {
		return "", dbError("speaker "+sp.ID, err)
	}
	if entityType(typ.String) == whosaid.UnknownType && sp.Type != whosaid.UnknownType {
		if _, err := t.tx.ExecContext(ctx, "UPDATE speakers SET type = ? WHERE id = ?", string(sp.Type), sp.ID); err != nil {
			return "", dbError("speaker "+sp.ID, err)
		}
	}
	for _, v := range sp.Variants {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO speaker_variants(speaker_id, variant) VALUES(?,?)
			ON CONFLICT(speaker_id, variant) DO UPDATE SET n = n + 1`, sp.ID, v); err != nil {
			return "", dbError("speaker "+sp.ID, err)
		}
	}
	for _, k := range sp.Keys {
		if _, err := t.tx.ExecContext(ctx, "INSERT OR IGNORE INTO speaker_keys(key, speaker_id) VALUES(?,?)", k, sp.ID); err != nil {
			return "", dbError("speaker "+sp.ID, err)
		}
	}
	for _, r := range sp.Roles {
		if _, err := t.tx.ExecContext(ctx, "INSERT OR IGNORE INTO speaker_roles(speaker_id, role) VALUES(?,?)", sp.ID, r); err != nil {
			return "", dbError("speaker "+sp.ID, err)
		}
	}
	// The name it goes by: the fullest of the names seen.
	rows, err := t.tx.QueryContext(ctx, "SELECT variant, n FROM speaker_variants WHERE speaker_id = ?", sp.ID)
	if err != nil {
		return "", dbError("speaker "+sp.ID, err)
	}
	seen := map[string]int{}
	for rows.Next() {
		var v string
		var n int
		if err := rows.Scan(&v, &n); err != nil {
			rows.Close()
			return "", dbError("speaker "+sp.ID, err)
		}
		seen[v] = n
	}
	rows.Close()
	var cur string
	if err := t.tx.QueryRowContext(ctx, "SELECT name FROM speakers WHERE id = ?", sp.ID).Scan(&cur); err != nil {
		return "", dbError("speaker "+sp.ID, err)
	}
	name := identity.Fullest(seen, cur)
	if name != cur {
		if _, err := t.tx.ExecContext(ctx, "UPDATE speakers SET name = ? WHERE id = ?", name, sp.ID); err != nil {
			return "", dbError("speaker "+sp.ID, err)
		}
	}
	return name, nil
}

// live follows merges to the speaker that stands for id now.
func live(ctx context.Context, q queryer, id string) (string, error) {
	for i := 0; i < 100; i++ {
		var into sql.NullString
		err := q.QueryRowContext(ctx, "SELECT merged_into FROM speakers WHERE id = ?", id).Scan(&into)
		if err == sql.ErrNoRows || err == nil && (!into.Valid || into.String == "") {
			return id, nil
		}
		if err != nil {
			return "", dbError("speaker "+id, err)
		}
		id = into.String
	}
	return id, nil
}

func stringsOf(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, dbError("query", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, dbError("query", err)
		}
		out = append(out, v)
	}
	return out, dbError("query", rows.Err())
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

func entityType(s string) whosaid.EntityType {
	switch whosaid.EntityType(s) {
	case whosaid.Person, whosaid.Organization:
		return whosaid.EntityType(s)
	}
	return whosaid.UnknownType
}
