package postgres

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
)

// Article returns a stored article and its statements.
func (s *Store) Article(ctx context.Context, id string) (*whosaid.Article, error) {
	a := &whosaid.Article{}
	var published, fetched, ingested string
	err := s.pool.QueryRow(ctx, `SELECT id, COALESCE(url, ''), COALESCE(source, ''), COALESCE(title, ''), COALESCE(outlet, ''),
		COALESCE(byline, ''), COALESCE(published, ''), COALESCE(published_from, ''), COALESCE(fetched, ''), version, ingested_at, text,
		COALESCE(raw_sha256, ''), COALESCE(media_type, ''), COALESCE(charset, ''), COALESCE(charset_from, ''),
		COALESCE(medium, ''), COALESCE(via, ''),
		COALESCE((SELECT duplicate_of FROM duplicates WHERE article_id = articles.id), '') FROM articles WHERE id = $1`, id).
		Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Outlet, &a.Byline, &published, &a.PublishedFrom, &fetched, &a.Version,
			&ingested, &a.Text, &a.RawSHA256, &a.MediaType, &a.Charset, &a.CharsetFrom, &a.Medium, &a.Via, &a.DuplicateOf)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no article %q in the store", id)
	}
	if err != nil {
		return nil, dbError("article "+id, err)
	}
	a.Published, a.PublishedClock = parseTime(published)
	a.Fetched, _ = parseTime(fetched)
	if t, err := time.Parse(time.RFC3339, ingested); err == nil {
		a.IngestedAt = t
	}
	rows, err := s.pool.Query(ctx, `SELECT `+hitColumns+hitFrom+` WHERE s.article_id = $1 ORDER BY s.seq`, id)
	if err != nil {
		return nil, dbError("article "+id, err)
	}
	defer rows.Close()
	for rows.Next() {
		h, _, err := scanHit(rows)
		if err != nil {
			return nil, err
		}
		a.Statements = append(a.Statements, h)
	}
	return a, dbError("article "+id, rows.Err())
}

// RawCopy returns the bytes an article was read from.
func (s *Store) RawCopy(ctx context.Context, id string) (*whosaid.RawCopy, error) {
	var gz []byte
	r := &whosaid.RawCopy{ArticleID: id}
	err := s.pool.QueryRow(ctx, "SELECT raw_gz, COALESCE(raw_sha256, ''), COALESCE(media_type, '') FROM articles WHERE id = $1", id).
		Scan(&gz, &r.SHA256, &r.MediaType)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no article %q in the store", id)
	}
	if err != nil {
		return nil, dbError("raw copy of "+id, err)
	}
	if gz == nil {
		return nil, whosaid.Errorf(whosaid.ENotFound, "article %q was stored without its raw copy", id)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, dbError("raw copy of "+id, err)
	}
	if r.Bytes, err = io.ReadAll(zr); err != nil {
		return nil, dbError("raw copy of "+id, err)
	}
	return r, nil
}
