package postgres

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
)

// hitColumns are the columns scanHit reads, from statements s, articles a
// and speakers sp.
const hitColumns = `s.n, s.id, s.article_id, s.kind, COALESCE(s.speaker_id, ''), COALESCE(sp.name, ''), COALESCE(sp.type, ''),
	s.source_text, s.source_start, s.source_end, s.cue_text, s.cue_start, s.cue_end,
	s.content_text, s.content_start, s.content_end, COALESCE(s.fragments, ''), COALESCE(s.said_on, ''), COALESCE(s.said_on_from, ''),
	COALESCE(s.confidence, 0), COALESCE(a.published, ''), COALESCE(a.outlet, ''), COALESCE(a.title, ''),
	COALESCE(a.url, ''), COALESCE(a.source, ''),
	COALESCE(s.class, ''), COALESCE(s.class_confidence, 0), COALESCE(s.source_type, ''), COALESCE(s.cluster_id, ''),
	COALESCE(s.medium, ''), COALESCE(s.via, ''), COALESCE(dup.duplicate_of, '')`

// hitFrom is the FROM clause of hitColumns.
const hitFrom = ` FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id
	LEFT JOIN duplicates dup ON dup.article_id = a.id`

// scanHit reads one row of hitColumns (and extra columns after them).
func scanHit(rows pgx.Rows, extra ...any) (whosaid.StatementHit, int64, error) {
	var h whosaid.StatementHit
	var n int64
	var kind, spID, spName, spType, frags, saidOn, published, class, sourceType string
	var srcT, cueT *string
	var srcS, srcE, cueS, cueE *int
	dest := []any{&n, &h.ID, &h.ArticleID, &kind, &spID, &spName, &spType,
		&srcT, &srcS, &srcE, &cueT, &cueS, &cueE,
		&h.Content.Text, &h.Content.Start, &h.Content.End, &frags, &saidOn, &h.SaidOnFrom,
		&h.Confidence, &published, &h.Outlet, &h.Title, &h.URL, &h.InputSource,
		&class, &h.ClassConfidence, &sourceType, &h.Cluster, &h.Medium, &h.Via, &h.DuplicateOf}
	if err := rows.Scan(append(dest, extra...)...); err != nil {
		return h, 0, dbError("read statement", err)
	}
	h.Kind = whosaid.StatementKind(kind)
	h.Class, h.SourceType = whosaid.StatementClass(class), whosaid.SourceType(sourceType)
	if spID != "" {
		h.Speaker = &whosaid.SpeakerRef{ID: spID, Name: spName, Type: entityType(spType)}
	}
	if srcT != nil {
		h.Source = &whosaid.TextSpan{Text: *srcT, Start: ival(srcS), End: ival(srcE)}
	}
	if cueT != nil {
		h.Cue = &whosaid.TextSpan{Text: *cueT, Start: ival(cueS), End: ival(cueE)}
	}
	if frags != "" {
		_ = json.Unmarshal([]byte(frags), &h.Fragments) // written by queueStatement
	}
	h.SaidOn, _ = parseTime(saidOn)
	h.Published, h.PublishedClock = parseTime(published)
	return h, n, nil
}

func ival(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// args numbers query arguments ($1, $2, …) as they are added.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// dateExpr is the day a statement is filed under; sortDate what it sorts by.
const (
	dateExpr = "COALESCE(s.said_on, substr(a.published, 1, 10))"
	sortDate = "COALESCE(s.said_on, a.published, '')"
)

// where builds the filter of a statement query.
func (s *Store) where(ctx context.Context, q whosaid.StatementQuery, a *args) (string, error) {
	var conds []string
	if q.Speaker != "" {
		ids, err := s.speakerIDs(ctx, q.Speaker)
		if err != nil {
			return "", err
		}
		if len(ids) == 0 {
			return "", noSpeaker(q.Speaker)
		}
		conds = append(conds, "s.speaker_id = ANY("+a.add(ids)+")")
	}
	if q.Outlet != "" {
		outlets, err := s.outlets(ctx, q.Outlet)
		if err != nil {
			return "", err
		}
		conds = append(conds, "a.outlet = ANY("+a.add(outlets)+")")
	}
	if q.Since != nil {
		conds = append(conds, dateExpr+" >= "+a.add(q.Since.Format("2006-01-02")))
	}
	if q.Until != nil {
		conds = append(conds, dateExpr+" <= "+a.add(q.Until.Format("2006-01-02")))
	}
	if q.Kind != "" {
		conds = append(conds, "s.kind = "+a.add(string(q.Kind)))
	}
	if !q.AllVersions {
		conds = append(conds, "a.latest")
	}
	if !q.All {
		conds = append(conds, "s.speech")
	}
	if q.MinConfidence > 0 {
		conds = append(conds, "s.confidence >= "+a.add(q.MinConfidence))
	}
	if q.Independent > 1 {
		conds = append(conds, "s.cluster_id IN (SELECT id FROM clusters WHERE independent >= "+a.add(q.Independent)+")")
	}
	if q.First {
		conds = append(conds, "(s.cluster_id IS NULL OR s.id = (SELECT first_statement FROM clusters WHERE id = s.cluster_id))")
	}
	if q.IngestedSince != nil {
		conds = append(conds, "a.ingested_at >= "+a.add(q.IngestedSince.UTC().Format(time.RFC3339)))
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return strings.Join(conds, " AND "), nil
}

func noSpeaker(name string) error {
	return whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", name)
}

// rankWindow is how many of the newest matches a text search ranks, as
// in the SQLite store.
const rankWindow = 3000

// cursor is the position after the last row of a page: the sort key and
// the row number that breaks ties. It travels base64-encoded.
type cursor struct {
	Rank  float64 `json:"r,omitempty"`
	Date  string  `json:"d,omitempty"`
	RowID int64   `json:"i"`
}

func (c cursor) String() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func parseCursor(s string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	var c cursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.RowID <= 0 {
		return nil, whosaid.Errorf(whosaid.EInvalid, "bad cursor %q: give back the \"next\" of a previous page", s)
	}
	return &c, nil
}

// Search returns a page of statements matching q: by relevance for a
// text query, else (or with SortDate) newest first.
func (s *Store) Search(ctx context.Context, q whosaid.StatementQuery) (whosaid.Page[whosaid.StatementHit], error) {
	var page whosaid.Page[whosaid.StatementHit]
	after, err := parseCursor(q.Cursor)
	if err != nil {
		return page, err
	}
	switch q.Sort {
	case "", whosaid.SortRelevance, whosaid.SortDate:
	default:
		return page, whosaid.Errorf(whosaid.EInvalid, "unknown sort %q (want %s or %s)", q.Sort, whosaid.SortRelevance, whosaid.SortDate)
	}
	if err := ctx.Err(); err != nil {
		return page, fmt.Errorf("search: %w", err)
	}
	c, err := s.compile(q.Text)
	if err != nil {
		return page, err
	}
	if c != nil && q.Speaker != "" {
		// The speaker goes into the index query, as in SQLite's store
		// (and so into the ranking).
		ids, err := s.speakerIDs(ctx, q.Speaker)
		if err != nil {
			return page, err
		}
		if len(ids) == 0 {
			return page, noSpeaker(q.Speaker)
		}
		toks := make([]string, len(ids))
		for i, id := range ids {
			toks[i] = idToken(id)
		}
		s.also(c, toks, "B")
		q.Speaker = ""
	}
	if c != nil && q.Outlet != "" {
		outlets, err := s.outlets(ctx, q.Outlet)
		if err != nil {
			return page, err
		}
		toks := make([]string, len(outlets))
		for i, o := range outlets {
			toks[i] = strings.Join(searchWords(outletToken(o)), "")
		}
		s.also(c, toks, "C")
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	if c != nil {
		return s.textSearch(ctx, q, c, after, limit)
	}
	var a args
	where, err := s.where(ctx, q, &a)
	if err != nil {
		return page, err
	}
	query := `SELECT ` + hitColumns + `, ` + sortDate + hitFrom + ` WHERE ` + where
	if after != nil {
		d, n := a.add(after.Date), a.add(after.RowID)
		query += " AND (" + sortDate + " < " + d + " OR " + sortDate + " = " + d + " AND s.n < " + n + ")"
	}
	query += ` ORDER BY ` + sortDate + ` DESC, s.n DESC LIMIT ` + a.add(limit+1)
	rows, err := s.pool.Query(ctx, query, a...)
	if err != nil {
		return page, dbError("search", err)
	}
	defer rows.Close()
	var last cursor
	for rows.Next() {
		var date string
		h, n, err := scanHit(rows, &date)
		if err != nil {
			return page, err
		}
		if len(page.Items) == limit {
			page.Next = last.String()
			break
		}
		page.Items = append(page.Items, h)
		last = cursor{RowID: n, Date: date}
	}
	return page, dbError("search", rows.Err())
}

// textSearch ranks the newest rankWindow matches of c (after the
// filters) by BM25, or by date with SortDate, and returns a page.
func (s *Store) textSearch(ctx context.Context, q whosaid.StatementQuery, c *compiled, after *cursor, limit int) (whosaid.Page[whosaid.StatementHit], error) {
	var page whosaid.Page[whosaid.StatementHit]
	a := args{c.TSQuery}
	where, err := s.where(ctx, q, &a)
	if err != nil {
		return page, err
	}
	rows, err := s.pool.Query(ctx, `SELECT s.n, `+sortDate+`, s.ntok_content + s.ntok_speaker + s.ntok_title
		FROM statements s JOIN articles a ON a.id = s.article_id
		WHERE s.tsv @@ $1::tsquery AND `+where+` ORDER BY s.n DESC LIMIT `+strconv.Itoa(rankWindow), a...)
	if err != nil {
		return page, dbError("search", err)
	}
	var cands []candidate
	for rows.Next() {
		var x candidate
		if err := rows.Scan(&x.n, &x.date, &x.size); err != nil {
			rows.Close()
			return page, dbError("search", err)
		}
		cands = append(cands, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, dbError("search", err)
	}
	// Scores are given by date too, as SQLite's store gives them.
	byRank := q.Sort != whosaid.SortDate
	if err := s.rank(ctx, c, cands); err != nil {
		return page, err
	}
	sortCandidates(cands, byRank)
	var picked []candidate
	for _, x := range cands {
		if after != nil {
			if byRank && (x.rank < after.Rank || x.rank == after.Rank && x.n <= after.RowID) {
				continue
			}
			if !byRank && (x.date > after.Date || x.date == after.Date && x.n >= after.RowID) {
				continue
			}
		}
		picked = append(picked, x)
		if len(picked) == limit+1 {
			break
		}
	}
	if len(picked) > limit {
		last := picked[limit-1]
		if byRank {
			page.Next = cursor{RowID: last.n, Rank: last.rank}.String()
		} else {
			page.Next = cursor{RowID: last.n, Date: last.date}.String()
		}
		picked = picked[:limit]
	}
	if len(picked) == 0 {
		return page, nil
	}
	ns := make([]int64, len(picked))
	for i, x := range picked {
		ns[i] = x.n
	}
	hits, err := s.hitsByRow(ctx, ns)
	if err != nil {
		return page, err
	}
	for _, x := range picked {
		h := hits[x.n]
		h.Score = -x.rank
		page.Items = append(page.Items, h)
	}
	return page, nil
}

// hitsByRow reads the statements with these row numbers.
func (s *Store) hitsByRow(ctx context.Context, ns []int64) (map[int64]whosaid.StatementHit, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+hitColumns+hitFrom+` WHERE s.n = ANY($1)`, ns)
	if err != nil {
		return nil, dbError("search", err)
	}
	defer rows.Close()
	out := make(map[int64]whosaid.StatementHit, len(ns))
	for rows.Next() {
		h, n, err := scanHit(rows)
		if err != nil {
			return nil, err
		}
		out[n] = h
	}
	return out, dbError("search", rows.Err())
}

// Export streams every statement matching q, oldest first.
func (s *Store) Export(ctx context.Context, q whosaid.StatementQuery, fn func(whosaid.StatementHit) error) error {
	var a args
	c, err := s.compile(q.Text)
	if err != nil {
		return err
	}
	where, err := s.where(ctx, q, &a)
	if err != nil {
		return err
	}
	query := `SELECT ` + hitColumns + hitFrom + ` WHERE ` + where
	if c != nil {
		query += " AND s.tsv @@ " + a.add(c.TSQuery) + "::tsquery"
	}
	// NULLs first, as SQLite sorts them.
	query += " ORDER BY COALESCE(s.said_on, a.published) NULLS FIRST, s.n"
	rows, err := s.pool.Query(ctx, query, a...)
	if err != nil {
		return dbError("export", err)
	}
	defer rows.Close()
	for rows.Next() {
		h, _, err := scanHit(rows)
		if err != nil {
			return err
		}
		if err := fn(h); err != nil {
			return err
		}
	}
	return dbError("export", rows.Err())
}

// Statement returns one statement by id.
func (s *Store) Statement(ctx context.Context, id string) (*whosaid.StatementHit, error) {
	return statement(ctx, s.pool, id)
}

func statement(ctx context.Context, q querier, id string) (*whosaid.StatementHit, error) {
	rows, err := q.Query(ctx, `SELECT `+hitColumns+hitFrom+` WHERE s.id = $1`, id)
	if err != nil {
		return nil, dbError("statement "+id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, dbError("statement "+id, err)
		}
		return nil, whosaid.Errorf(whosaid.ENotFound, "no statement %q in the store", id)
	}
	h, _, err := scanHit(rows)
	return &h, err
}
