package postgres

import (
	"context"
	"sync"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/pgtest"
)

// TestConcurrentOpen opens one new database from several processes'
// worth of stores at once: one of them migrates it, the others wait and
// find it migrated.
func TestConcurrentOpen(t *testing.T) {
	db := pgtest.DB(t)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(context.Background(), db, Options{})
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestUpgradeInPlace writes a store of schema 3, whose index was built
// with PostgreSQL's Snowball stemmer, and opens it with this whosaid:
// migration 4 indexes it again with FTS5's stems.
func TestUpgradeInPlace(t *testing.T) {
	ctx := context.Background()
	db := pgtest.DB(t)
	old, err := Open(ctx, db, Options{schema: 3})
	if err != nil {
		t.Fatal(err)
	}
	// An article with one statement, indexed as schema 3 indexed it.
	for _, q := range []string{
		`INSERT INTO articles(id, url, text, title, ingested_at) VALUES('old1', 'https://old.example/1', 'Officials said the ports would stay closed.', 'Old', '2020-01-01T00:00:00Z')`,
		`INSERT INTO statements(id, article_id, seq, kind, content_text, content_start, content_end, tsv, ntok_content)
			VALUES('old1-1', 'old1', 0, 'indirect', 'the ports would stay closed', 15, 42, setweight(to_tsvector('whosaid', 'the ports would stay closed'), 'A'), 5)`,
		`INSERT INTO fts_totals(shard, rows, tokens) VALUES(0, 1, 5)`,
	} {
		if _, err := old.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	s, err := Open(ctx, db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.pool.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&v)
	if v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}
	// Porter stems "stay" and "stays" to "stai", Snowball to "stay": only
	// the new index finds it by its porter stem.
	page, err := s.Search(ctx, whosaid.StatementQuery{Text: "stays"})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != "old1-1" {
		t.Errorf("after the upgrade: %+v, %v", page.Items, err)
	}
	var stems, docs int
	s.pool.QueryRow(ctx, `SELECT count(*) FROM statements, unnest(tsv) u WHERE u.lexeme = 'stai'`).Scan(&stems)
	s.pool.QueryRow(ctx, `SELECT sum(docs) FROM fts_terms WHERE term = 'stai' AND col = ''`).Scan(&docs)
	if stems != 1 || docs != 1 {
		t.Errorf("%d statements indexed with the porter stem stai, %d counted; want 1 and 1", stems, docs)
	}
}
