package sqlite

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

const hitColumns = `s.id, s.article_id, s.kind, COALESCE(s.speaker_id, ''), COALESCE(sp.name, ''),
	COALESCE(s.source_text, ''), COALESCE(s.cue_text, ''), s.content_text, s.content_start, s.content_end,
	COALESCE(s.said_on, ''), COALESCE(a.published, ''), COALESCE(a.outlet, ''), COALESCE(a.title, ''),
	COALESCE(a.url, ''), COALESCE(a.source, '')`

func scanHit(rows *sql.Rows, extra ...any) (whosaid.StatementHit, error) {
	var h whosaid.StatementHit
	var kind string
	dest := []any{&h.ID, &h.ArticleID, &kind, &h.SpeakerID, &h.SpeakerName, &h.Source, &h.Cue, &h.Content,
		&h.Start, &h.End, &h.SaidOn, &h.Published, &h.Outlet, &h.Title, &h.URL, &h.InputSource}
	err := rows.Scan(append(dest, extra...)...)
	h.Kind = whosaid.StatementKind(kind)
	return h, err
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
			return "0", nil, nil // nobody by that name: nothing matches
		}
		conds = append(conds, "s.speaker_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+")")
		for _, id := range ids {
			args = append(args, id)
		}
	}
	if q.Outlet != "" {
		conds = append(conds, "a.outlet = ? COLLATE NOCASE")
		args = append(args, q.Outlet)
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
	if len(conds) == 0 {
		return "1", nil, nil
	}
	return strings.Join(conds, " AND "), args, nil
}

// ftsQuery makes a user's words an FTS5 query: every word must occur,
// punctuation and FTS operators taken literally.
func ftsQuery(text string) string {
	var parts []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r == '_' || r == '\'' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127)
	}) {
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}

// rankWindow is how many of the newest matches a text search ranks.
const rankWindow = 3000

// Search returns statements matching q, best match first (newest first
// without a text query).
func (s *Store) Search(ctx context.Context, q whosaid.StatementQuery) ([]whosaid.StatementHit, error) {
	fts := ftsQuery(q.Text)
	if fts != "" && q.Speaker != "" {
		// The speaker goes into the index query: both are posting lists
		// FTS5 intersects, far cheaper than filtering matches row by row.
		ids, err := s.speakerIDs(ctx, q.Speaker)
		if err != nil || len(ids) == 0 {
			return nil, err
		}
		var toks []string
		for _, id := range ids {
			toks = append(toks, `"`+idToken(id)+`"`)
		}
		fts = "(" + fts + ") AND speaker:(" + strings.Join(toks, " OR ") + ")"
		q.Speaker = ""
	}
	if fts != "" && q.Outlet != "" {
		// The outlet too; the SQL condition below keeps it exact.
		fts = "(" + fts + `) AND title:"` + strings.ReplaceAll(outletToken(q.Outlet), `"`, `""`) + `"`
	}
	where, args, err := s.where(ctx, q)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	var query string
	switch {
	case fts != "":
		// Rank the most recent matches only: ranking is linear in the
		// matches, and a common word matches a large part of a big
		// archive. The newest rankWindow matches (after the filters) are
		// ranked by bm25 and the best returned.
		query = `SELECT ` + hitColumns + `, m.rank FROM
			(SELECT f.rowid AS rowid, f.rank AS rank FROM statements_fts f
				JOIN statements s ON s.rowid = f.rowid JOIN articles a ON a.id = s.article_id
				WHERE statements_fts MATCH ? AND ` + where + ` ORDER BY f.rowid DESC LIMIT ` + strconv.Itoa(rankWindow) + `) m
			JOIN statements s ON s.rowid = m.rowid JOIN articles a ON a.id = s.article_id
			LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY m.rank LIMIT ?`
		args = append([]any{fts}, args...)
	default:
		query = `SELECT ` + hitColumns + `, 0 FROM statements s JOIN articles a ON a.id = s.article_id
			LEFT JOIN speakers sp ON sp.id = s.speaker_id
			WHERE ` + where + ` ORDER BY COALESCE(s.said_on, a.published) DESC, s.rowid DESC LIMIT ?`
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []whosaid.StatementHit
	for rows.Next() {
		var score float64
		h, err := scanHit(rows, &score)
		if err != nil {
			return nil, err
		}
		h.Score = -score
		out = append(out, h)
	}
	return out, rows.Err()
}

// Export streams every statement matching q, oldest first.
func (s *Store) Export(ctx context.Context, q whosaid.StatementQuery, fn func(whosaid.StatementHit) error) error {
	where, args, err := s.where(ctx, q)
	if err != nil {
		return err
	}
	query := `SELECT ` + hitColumns + ` FROM statements s JOIN articles a ON a.id = s.article_id
		LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE ` + where
	if fts := ftsQuery(q.Text); fts != "" {
		query += " AND s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
		args = append(args, fts)
	}
	query += " ORDER BY COALESCE(s.said_on, a.published), s.rowid"
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		h, err := scanHit(rows)
		if err != nil {
			return err
		}
		if err := fn(h); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Article returns a stored article and its statements.
func (s *Store) Article(ctx context.Context, id string) (*whosaid.StoredArticle, error) {
	a := &whosaid.StoredArticle{}
	err := s.db.QueryRowContext(ctx, `SELECT id, COALESCE(url, ''), COALESCE(source, ''), COALESCE(title, ''), COALESCE(outlet, ''),
		COALESCE(byline, ''), COALESCE(published, ''), COALESCE(published_from, ''), version, text FROM articles WHERE id = ?`, id).
		Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Outlet, &a.Byline, &a.Published, &a.PublishedFrom, &a.Version, &a.Text)
	if err == sql.ErrNoRows {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no article %q in the store", id)
	}
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+hitColumns+` FROM statements s JOIN articles a ON a.id = s.article_id
		LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.article_id = ? ORDER BY s.seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		h, err := scanHit(rows)
		if err != nil {
			return nil, err
		}
		a.Statements = append(a.Statements, h)
	}
	return a, rows.Err()
}
