package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/textquery"
)

// hitColumns are the columns scanHit reads, from statements s, articles a
// and speakers sp.
const hitColumns = `s.rowid, s.id, s.article_id, s.kind, COALESCE(s.speaker_id, ''), COALESCE(sp.name, ''), COALESCE(sp.type, ''),
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
func scanHit(rows *sql.Rows, extra ...any) (whosaid.StatementHit, int64, error) {
	var h whosaid.StatementHit
	var rowid int64
	var kind, spID, spName, spType, frags, saidOn, published, class, sourceType string
	var srcT, cueT sql.NullString
	var srcS, srcE, cueS, cueE sql.NullInt64
	dest := []any{&rowid, &h.ID, &h.ArticleID, &kind, &spID, &spName, &spType,
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
	if srcT.Valid {
		h.Source = &whosaid.TextSpan{Text: srcT.String, Start: int(srcS.Int64), End: int(srcE.Int64)}
	}
	if cueT.Valid {
		h.Cue = &whosaid.TextSpan{Text: cueT.String, Start: int(cueS.Int64), End: int(cueE.Int64)}
	}
	if frags != "" {
		_ = json.Unmarshal([]byte(frags), &h.Fragments) // written by putStatement
	}
	h.SaidOn, _ = parseTime(saidOn)
	h.Published, h.PublishedClock = parseTime(published)
	return h, rowid, nil
}

// where builds the filter of a statement query.
func (s *Store) where(ctx context.Context, q whosaid.StatementQuery) (string, []any, error) {
	var conds []string
	var args []any
	if q.Speaker != "" {
		ids, err := s.speakerIDs(ctx, q.Speaker)
		if err != nil {
			return "", nil, err
		}
		if len(ids) == 0 {
			return "", nil, noSpeaker(q.Speaker)
		}
		conds = append(conds, "s.speaker_id IN ("+placeholders(len(ids))+")")
		for _, id := range ids {
			args = append(args, id)
		}
	}
	if q.Outlet != "" {
		outlets, err := s.outlets(ctx, q.Outlet)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, "a.outlet IN ("+placeholders(len(outlets))+")")
		for _, o := range outlets {
			args = append(args, o)
		}
	}
	date := "COALESCE(s.said_on, substr(a.published, 1, 10))"
	if q.Since != nil {
		conds = append(conds, date+" >= ?")
		args = append(args, q.Since.Format("2006-01-02"))
	}
	if q.Until != nil {
		conds = append(conds, date+" <= ?")
		args = append(args, q.Until.Format("2006-01-02"))
	}
	if q.Kind != "" {
		conds = append(conds, "s.kind = ?")
		args = append(args, string(q.Kind))
	}
	if !q.AllVersions {
		conds = append(conds, "a.latest = 1")
	}
	if !q.All {
		conds = append(conds, "s.speech = 1")
	}
	if q.MinConfidence > 0 {
		conds = append(conds, "s.confidence >= ?")
		args = append(args, q.MinConfidence)
	}
	if q.Independent > 1 {
		conds = append(conds, "s.cluster_id IN (SELECT id FROM clusters WHERE independent >= ?)")
		args = append(args, q.Independent)
	}
	if q.First {
		conds = append(conds, "(s.cluster_id IS NULL OR s.id = (SELECT first_statement FROM clusters WHERE id = s.cluster_id))")
	}
	if q.IngestedSince != nil {
		conds = append(conds, "a.ingested_at >= ?")
		args = append(args, q.IngestedSince.UTC().Format(time.RFC3339))
	}
	if len(conds) == 0 {
		return "1", nil, nil
	}
	return strings.Join(conds, " AND "), args, nil
}

// matchQuery turns a query in whosaid's language (package textquery) into
// an FTS5 MATCH expression: "" for a blank query, EInvalid for one that
// cannot be read.
func matchQuery(text string) (string, error) {
	e, err := textquery.Parse(text)
	if err != nil || e == nil {
		return "", err
	}
	return fts5(e), nil
}

// fts5 writes e in FTS5's syntax: every word a quoted string (so FTS5
// reads nothing in it as syntax; its tokenizer splits and stems it), every
// group in parentheses.
func fts5(e *textquery.Expr) string {
	quote := func(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }
	switch e.Op {
	case textquery.Word, textquery.Phrase:
		words := e.Words
		if e.Prefix && len(words) > 0 {
			// The index holds stems: "negotiat*" must look for "negoti",
			// the stem of the words that start with it.
			words = append(words[:len(words)-1:len(words)-1], textquery.PrefixStem(strings.ToLower(words[len(words)-1])))
		}
		s := quote(strings.Join(words, " "))
		if e.Prefix {
			s += "*"
		}
		return s
	case textquery.Or:
		parts := make([]string, len(e.Args))
		for i, a := range e.Args {
			parts[i] = fts5(a)
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	case textquery.And:
		var pos, neg []string
		for _, a := range e.Args {
			if a.Op == textquery.Not {
				neg = append(neg, fts5(a.Args[0]))
			} else {
				pos = append(pos, fts5(a))
			}
		}
		s := "(" + strings.Join(pos, " AND ") + ")"
		for _, n := range neg {
			s = "(" + s + " NOT " + n + ")"
		}
		return s
	}
	return "" // a Not outside an And: textquery never makes one
}

func noSpeaker(name string) error {
	return whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", name)
}

// rankWindow is how many of the newest matches a text search ranks.
const rankWindow = 3000

// cursor is the position after the last row of a page: the sort key and
// the rowid that breaks ties. It travels base64-encoded.
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
	fts, err := matchQuery(q.Text)
	if err != nil {
		return page, err
	}
	if fts != "" && q.Speaker != "" {
		// The speaker goes into the index query: both are posting lists
		// FTS5 intersects, far cheaper than filtering matches row by row.
		ids, err := s.speakerIDs(ctx, q.Speaker)
		if err != nil {
			return page, err
		}
		if len(ids) == 0 {
			return page, noSpeaker(q.Speaker)
		}
		var toks []string
		for _, id := range ids {
			toks = append(toks, `"`+idToken(id)+`"`)
		}
		fts = "(" + fts + ") AND speaker:(" + strings.Join(toks, " OR ") + ")"
		q.Speaker = ""
	}
	if fts != "" && q.Outlet != "" {
		// The outlets too; the SQL condition below keeps them exact.
		outlets, err := s.outlets(ctx, q.Outlet)
		if err != nil {
			return page, err
		}
		var toks []string
		for _, o := range outlets {
			toks = append(toks, `"`+strings.ReplaceAll(outletToken(o), `"`, `""`)+`"`)
		}
		fts = "(" + fts + ") AND title:(" + strings.Join(toks, " OR ") + ")"
	}
	where, args, err := s.where(ctx, q)
	if err != nil {
		return page, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	byRank := fts != "" && q.Sort != whosaid.SortDate
	var query string
	switch {
	case fts != "":
		// Rank the most recent matches only: ranking is linear in the
		// matches, and a common word matches a large part of a big
		// archive. The newest rankWindow matches (after the filters) are
		// ranked by bm25 (or by date) and the best returned.
		order, keyset := "m.rank, m.rowid", "(m.rank > ? OR m.rank = ? AND m.rowid > ?)"
		if !byRank {
			order, keyset = "m.d DESC, m.rowid DESC", "(m.d < ? OR m.d = ? AND m.rowid < ?)"
		}
		query = `SELECT ` + hitColumns + `, m.rank, m.d FROM
			(SELECT f.rowid AS rowid, f.rank AS rank, COALESCE(s.said_on, a.published, '') AS d FROM statements_fts f
				JOIN statements s ON s.rowid = f.rowid JOIN articles a ON a.id = s.article_id
				WHERE statements_fts MATCH ? AND ` + where + ` ORDER BY f.rowid DESC LIMIT ` + strconv.Itoa(rankWindow) + `) m
			JOIN statements s ON s.rowid = m.rowid JOIN articles a ON a.id = s.article_id
			LEFT JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN duplicates dup ON dup.article_id = a.id`
		args = append([]any{fts}, args...)
		if after != nil {
			query += " WHERE " + keyset
			if byRank {
				args = append(args, after.Rank, after.Rank, after.RowID)
			} else {
				args = append(args, after.Date, after.Date, after.RowID)
			}
		}
		query += " ORDER BY " + order + " LIMIT ?"
	default:
		query = `SELECT ` + hitColumns + `, 0, COALESCE(s.said_on, a.published, '')` + hitFrom + ` WHERE ` + where
		if after != nil {
			query += " AND (COALESCE(s.said_on, a.published, '') < ? OR COALESCE(s.said_on, a.published, '') = ? AND s.rowid < ?)"
			args = append(args, after.Date, after.Date, after.RowID)
		}
		query += ` ORDER BY COALESCE(s.said_on, a.published, '') DESC, s.rowid DESC LIMIT ?`
	}
	args = append(args, limit+1)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return page, dbError("search", err)
	}
	defer rows.Close()
	var last cursor
	for rows.Next() {
		var rank float64
		var date string
		h, rowid, err := scanHit(rows, &rank, &date)
		if err != nil {
			return page, err
		}
		if len(page.Items) == limit {
			page.Next = last.String() // one more row exists
			break
		}
		h.Score = -rank
		page.Items = append(page.Items, h)
		last = cursor{RowID: rowid, Date: date}
		if byRank {
			last = cursor{RowID: rowid, Rank: rank}
		}
	}
	return page, dbError("search", rows.Err())
}

// Export streams every statement matching q, oldest first.
func (s *Store) Export(ctx context.Context, q whosaid.StatementQuery, fn func(whosaid.StatementHit) error) error {
	where, args, err := s.where(ctx, q)
	if err != nil {
		return err
	}
	query := `SELECT ` + hitColumns + hitFrom + ` WHERE ` + where
	fts, err := matchQuery(q.Text)
	if err != nil {
		return err
	}
	if fts != "" {
		query += " AND s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
		args = append(args, fts)
	}
	query += " ORDER BY COALESCE(s.said_on, a.published), s.rowid"
	rows, err := s.db.QueryContext(ctx, query, args...)
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
	rows, err := s.db.QueryContext(ctx, `SELECT `+hitColumns+hitFrom+` WHERE s.id = ?`, id)
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
