package postgres

import (
	"context"
	"math"
	"sort"
	"strings"
)

// candidate is a statement matching a text query: its row number, sort
// date, word count and rank (lower is better, as FTS5 ranks).
type candidate struct {
	n    int64
	date string
	size int
	rank float64
}

func sortCandidates(cs []candidate, byRank bool) {
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if byRank {
			if a.rank != b.rank {
				return a.rank < b.rank
			}
			return a.n < b.n
		}
		if a.date != b.date {
			return a.date > b.date
		}
		return a.n > b.n
	})
}

// Column weights of BM25, as the SQLite store configures FTS5
// (bm25(4.0, 2.0, 1.0)): content, speaker, title. Keys are the weight
// labels of the tsvector.
var columnWeight = map[string]float64{"A": 4, "B": 2, "C": 1}

// BM25's parameters, FTS5's.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// rank sets each candidate's rank to minus its BM25 score, computed as
// FTS5's bm25() computes it: for each phrase of the query, its inverse
// document frequency over every row of the index, times the saturated
// frequency of its instances in the row (each weighted by its column),
// normalised by the row's word count against the average. PostgreSQL's
// own ts_rank knows neither document frequencies nor column weights in
// this sense; computing BM25 here makes both stores order alike.
func (s *Store) rank(ctx context.Context, c *compiled, cands []candidate) error {
	if len(cands) == 0 || len(c.Phrases) == 0 {
		return nil
	}
	var rows, tokens int64
	if err := s.pool.QueryRow(ctx, "SELECT COALESCE(sum(rows), 0), COALESCE(sum(tokens), 0) FROM fts_totals").Scan(&rows, &tokens); err != nil {
		return dbError("search", err)
	}
	if rows == 0 {
		return nil
	}
	avg := float64(tokens) / float64(rows)
	// Document frequency of each phrase, over the whole index.
	idf := make([]float64, len(c.Phrases))
	for i, p := range c.Phrases {
		hits, err := s.docFrequency(ctx, p)
		if err != nil {
			return dbError("search", err)
		}
		idf[i] = math.Log((float64(rows) - float64(hits) + 0.5) / (float64(hits) + 0.5))
		if idf[i] <= 0 {
			idf[i] = 1e-6
		}
	}
	// The positions of the query's stems in each candidate.
	var exact, prefixes []string
	for _, p := range c.Phrases {
		for i, st := range p.Stems {
			if p.Prefix && i == len(p.Stems)-1 {
				prefixes = append(prefixes, st+"%")
			} else {
				exact = append(exact, st)
			}
		}
	}
	ns := make([]int64, len(cands))
	for i, x := range cands {
		ns[i] = x.n
	}
	r, err := s.pool.Query(ctx, `SELECT s.n, u.lexeme, u.positions, u.weights FROM statements s CROSS JOIN LATERAL unnest(s.tsv) u
		WHERE s.n = ANY($1) AND (u.lexeme = ANY($2) OR u.lexeme LIKE ANY($3))`, ns, exact, prefixes)
	if err != nil {
		return dbError("search", err)
	}
	defer r.Close()
	occ := map[int64]map[string]map[int]string{} // row → lexeme → position → weight
	for r.Next() {
		var n int64
		var lex string
		var pos []int16
		var ws []string
		if err := r.Scan(&n, &lex, &pos, &ws); err != nil {
			return dbError("search", err)
		}
		if occ[n] == nil {
			occ[n] = map[string]map[int]string{}
		}
		m := map[int]string{}
		for i, p := range pos {
			m[int(p)] = strings.ToUpper(ws[i])
		}
		occ[n][lex] = m
	}
	if err := r.Err(); err != nil {
		return dbError("search", err)
	}
	for i := range cands {
		x := &cands[i]
		score := 0.0
		for k, p := range c.Phrases {
			f := p.frequency(occ[x.n])
			if f == 0 {
				continue
			}
			score += idf[k] * f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*float64(x.size)/avg))
		}
		x.rank = -score
	}
	return nil
}

// tsquery is the phrase alone as a tsquery.
func (p phrase) tsquery() string {
	parts := make([]string, len(p.Stems))
	for i, st := range p.Stems {
		parts[i] = "'" + strings.ReplaceAll(st, "'", "''") + "'"
		switch {
		case p.Prefix && i == len(p.Stems)-1:
			parts[i] += ":*" + p.Only
		case p.Only != "":
			parts[i] += ":" + p.Only
		}
	}
	return strings.Join(parts, " <-> ")
}

// frequency is the weighted count of the phrase's instances in a row:
// its stems at consecutive positions of one column, each instance
// counting its column's weight.
func (p phrase) frequency(lexemes map[string]map[int]string) float64 {
	if len(p.Stems) == 0 || lexemes == nil {
		return 0
	}
	at := func(i int) []map[int]string { // the position maps of stem i
		st := p.Stems[i]
		if p.Prefix && i == len(p.Stems)-1 {
			var out []map[int]string
			for lex, m := range lexemes {
				if strings.HasPrefix(lex, st) {
					out = append(out, m)
				}
			}
			return out
		}
		if m, ok := lexemes[st]; ok {
			return []map[int]string{m}
		}
		return nil
	}
	f := 0.0
	for _, first := range at(0) {
		for pos, w := range first {
			if p.Only != "" && w != p.Only {
				continue
			}
			ok := true
			for i := 1; i < len(p.Stems) && ok; i++ {
				ok = false
				for _, m := range at(i) {
					if m[pos+i] == w {
						ok = true
						break
					}
				}
			}
			if ok {
				f += columnWeight[w]
			}
		}
	}
	return f
}
