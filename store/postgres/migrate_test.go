package postgres

import (
	"context"
	"sync"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/internal/pgtest"
	"github.com/whosaid/whosaid/store/storetest"
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
	docs, err := storetest.Docs()
	if err != nil {
		t.Fatal(err)
	}
	d := docs["a2.txt"] // "… the ports would stay closed"
	if err := old.Update(ctx, func(tx whosaid.Tx) error {
		if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
			return err
		}
		_, err := tx.PutArticle(ctx, d)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// The index as schema 3 wrote it.
	if _, err := old.pool.Exec(ctx, `UPDATE statements SET tsv = setweight(to_tsvector('whosaid', content_text), 'A')`); err != nil {
		t.Fatal(err)
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
	if err != nil || len(page.Items) != 1 || page.Items[0].Content.Text != "that the ports would stay closed" {
		t.Errorf("after the upgrade: %+v, %v", page.Items, err)
	}
	var stems int
	s.pool.QueryRow(ctx, `SELECT count(*) FROM statements, unnest(tsv) u WHERE u.lexeme = 'stai'`).Scan(&stems)
	if stems != 1 {
		t.Errorf("%d statements indexed with the porter stem stai, want 1", stems)
	}
}
