package postgres

import (
	"context"
	"encoding/binary"
	"strconv"

	"github.com/whosaid/whosaid"
)

// The duplicate index (whosaid.DuplicateIndex) over the tables duplicates
// and duplicate_keys (migration 7).

// DuplicateCandidates returns the entries under one of keys, in the order
// they were recorded. It first locks the keys, so two writers storing
// copies of one story at once (they share band keys) decide one after
// the other and the second sees the first.
func (t *tx) DuplicateCandidates(ctx context.Context, keys []uint64) ([]whosaid.DuplicateEntry, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	names := make([]string, len(keys))
	ks := make([]int64, len(keys))
	for i, k := range keys {
		names[i] = strconv.FormatUint(k, 16)
		ks[i] = int64(k)
	}
	if err := t.lock(ctx, "duplicate", names...); err != nil {
		return nil, err
	}
	return t.duplicateEntries(ctx, `SELECT d.article_id, d.signature, COALESCE(d.published, ''), COALESCE(d.duplicate_of, '')
		FROM duplicates d WHERE d.n IN (SELECT entry FROM duplicate_keys WHERE key = ANY($1)) ORDER BY d.n`, ks)
}

// DuplicateGroup returns the original and the copies of a group.
func (t *tx) DuplicateGroup(ctx context.Context, original string) ([]whosaid.DuplicateEntry, error) {
	return t.duplicateEntries(ctx, `SELECT article_id, signature, COALESCE(published, ''), COALESCE(duplicate_of, '')
		FROM duplicates WHERE article_id = $1 OR duplicate_of = $1 ORDER BY n`, original)
}

func (t *tx) duplicateEntries(ctx context.Context, query string, args ...any) ([]whosaid.DuplicateEntry, error) {
	rows, err := t.tx.Query(ctx, query, args...)
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
	var n int64
	err := t.tx.QueryRow(ctx, `INSERT INTO duplicates(article_id, signature, published, duplicate_of) VALUES($1,$2,$3,$4)
		ON CONFLICT(article_id) DO UPDATE SET duplicate_of = EXCLUDED.duplicate_of RETURNING n`,
		e.ArticleID, encodeSignature(e.Signature), timeText(e.Published, true), null(e.DuplicateOf)).Scan(&n)
	if err != nil {
		return dbError("duplicate index", err)
	}
	ks := make([]int64, len(keys))
	for i, k := range keys {
		ks[i] = int64(k)
	}
	if _, err = t.tx.Exec(ctx, `INSERT INTO duplicate_keys(key, entry) SELECT k, $2 FROM unnest($1::bigint[]) k ON CONFLICT DO NOTHING`, ks, n); err != nil {
		return dbError("duplicate index", err)
	}
	return t.recountArticles(ctx, []string{e.ArticleID})
}

// SetDuplicateOf moves ids into the group of original.
func (t *tx) SetDuplicateOf(ctx context.Context, ids []string, original string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := t.tx.Exec(ctx, `UPDATE duplicates SET duplicate_of = CASE WHEN article_id = $2 OR $2 = '' THEN NULL ELSE $2 END
		WHERE article_id = ANY($1)`, ids, original)
	if err != nil {
		return dbError("duplicate index", err)
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
