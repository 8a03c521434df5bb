package postgres

import (
	"context"
	"sort"

	"github.com/jackc/pgx/v5"
)

// termKey is a term in a column ("" for any column).
type termKey struct{ term, col string }

// termCounts counts statements per term, to add to fts_terms.
type termCounts map[termKey]int64

// row counts one statement's terms (by column) with sign d: +1 stored,
// -1 taken away.
func (tc termCounts) row(cols map[string][]string, d int64) {
	all := map[string]bool{}
	for col, ts := range cols {
		seen := map[string]bool{}
		for _, t := range ts {
			if !seen[t] {
				seen[t] = true
				tc[termKey{t, col}] += d
			}
			all[t] = true
		}
	}
	for t := range all {
		tc[termKey{t, ""}] += d
	}
}

// addTerms adds counts to this process's shard of fts_terms, in key
// order so two writers updating the same terms take their rows in the
// same order.
func (s *Store) addTerms(ctx context.Context, t pgx.Tx, tc termCounts) error {
	keys := make([]termKey, 0, len(tc))
	for k, n := range tc {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].term != keys[j].term {
			return keys[i].term < keys[j].term
		}
		return keys[i].col < keys[j].col
	})
	terms, cols, ns := make([]string, len(keys)), make([]string, len(keys)), make([]int64, len(keys))
	for i, k := range keys {
		terms[i], cols[i], ns[i] = k.term, k.col, tc[k]
	}
	_, err := t.Exec(ctx, `INSERT INTO fts_terms(term, col, shard, docs)
		SELECT x.t, x.c, $4, x.n FROM unnest($1::text[], $2::text[], $3::bigint[]) WITH ORDINALITY AS x(t, c, n, o) ORDER BY x.o
		ON CONFLICT(term, col, shard) DO UPDATE SET docs = fts_terms.docs + excluded.docs`, terms, cols, ns, s.shard)
	return err
}

// docFrequency is how many statements hold phrase p: from fts_terms for
// a single term, else by counting the matches.
func (s *Store) docFrequency(ctx context.Context, p phrase) (int64, error) {
	var n int64
	if len(p.Stems) == 1 && !p.Prefix {
		err := s.pool.QueryRow(ctx, `SELECT COALESCE(sum(docs), 0) FROM fts_terms WHERE term = $1 AND col = $2`, p.Stems[0], p.Only).Scan(&n)
		return n, err
	}
	err := s.pool.QueryRow(ctx, "SELECT count(*) FROM statements WHERE tsv @@ $1::tsquery", p.tsquery()).Scan(&n)
	return n, err
}
