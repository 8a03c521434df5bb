package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"

	"github.com/whosaid/whosaid"
)

// The duplicate index (whosaid.DuplicateIndex) over the tables duplicates
// and duplicate_keys (migration 15).

// DuplicateCandidates returns the entries under one of keys, in the order
// they were recorded.
func (t *tx) DuplicateCandidates(ctx context.Context, keys []uint64) ([]whosaid.DuplicateEntry, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = int64(k)
	}
	return t.duplicateEntries(ctx, `SELECT d.article_id, d.signature, COALESCE(d.published, ''), COALESCE(d.duplicate_of, '')
		FROM duplicates d WHERE d.rowid IN (SELECT entry FROM duplicate_keys WHERE key IN (`+placeholders(len(keys))+`))
		ORDER BY d.rowid`, args...)
}

// DuplicateGroup returns the original and the copies of a group.
func (t *tx) DuplicateGroup(ctx context.Context, original string) ([]whosaid.DuplicateEntry, error) {
	return t.duplicateEntries(ctx, `SELECT article_id, signature, COALESCE(published, ''), COALESCE(duplicate_of, '')
		FROM duplicates WHERE article_id = ? OR duplicate_of = ? ORDER BY rowid`, original, original)
}

func (t *tx) duplicateEntries(ctx context.Context, query string, args ...any) ([]whosaid.DuplicateEntry, error) {
	rows, err := t.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, dbError("duplicate index", err)
	}
	defer rows.Close()
	var out []whosaid.DuplicateEntry
	for rows.Next() {
		var e whosaid.DuplicateEntry
		var sig []byte
		var published string
		if err := rows.Scan(&e.ArticleID, &sig, &published, &e.DuplicateOf); err != nil {
			return nil, dbError("duplicate index", err)
		}
		e.Signature = decodeSignature(sig)
		e.Published, _ = parseTime(published)
		out = append(out, e)
	}
	return out, dbError("duplicate index", rows.Err())
}

// PutDuplicateEntry records an entry and its keys; an entry recorded
// before keeps its signature and keys and takes the new group.
func (t *tx) PutDuplicateEntry(ctx context.Context, e whosaid.DuplicateEntry, keys []uint64) error {
	res, err := t.tx.ExecContext(ctx, `INSERT INTO duplicates(article_id, signature, published, duplicate_of) VALUES(?,?,?,?)
		ON CONFLICT(article_id) DO NOTHING`,
		e.ArticleID, encodeSignature(e.Signature), timeText(e.Published, true), null(e.DuplicateOf))
	if err != nil {
		return dbError("duplicate index", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return t.SetDuplicateOf(ctx, []string{e.ArticleID}, e.DuplicateOf)
	}
	entry, err := res.LastInsertId()
	if err != nil {
		return dbError("duplicate index", err)
	}
	stmt, err := t.tx.PrepareContext(ctx, "INSERT OR IGNORE INTO duplicate_keys(key, entry) VALUES(?, ?)")
	if err != nil {
		return dbError("duplicate index", err)
	}
	defer stmt.Close()
	for _, k := range keys {
		if _, err := stmt.ExecContext(ctx, int64(k), entry); err != nil {
			return dbError("duplicate index", err)
		}
	}
	if e.DuplicateOf != "" {
		return t.recountArticles(ctx, []string{e.ArticleID})
	}
	return nil
}

// SetDuplicateOf moves ids into the group of original.
func (t *tx) SetDuplicateOf(ctx context.Context, ids []string, original string) error {
	for _, id := range ids {
		of := sql.NullString{String: original, Valid: original != "" && original != id}
		if _, err := t.tx.ExecContext(ctx, "UPDATE duplicates SET duplicate_of = ? WHERE article_id = ?", of, id); err != nil {
			return dbError("duplicate index", err)
		}
	}
	return t.recountArticles(ctx, ids)
}

// encodeSignature packs a signature as little-endian 32-bit words.
func encodeSignature(sig []uint32) []byte {
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func decodeSignature(b []byte) []uint32 {
	sig := make([]uint32, len(b)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig
}
