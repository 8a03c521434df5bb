package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/storetest"
)

func open(t *testing.T, now func() time.Time) whosaid.Store {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, storetest.Config{Open: open, Ranking: true}) }

// TestUpgradeInPlace writes a store with the first schema only, as an
// older whosaid did, and opens it with this one.
func TestUpgradeInPlace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := Open(ctx, path, Options{schema: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Write one article by hand, the way schema 1 stored it.
	if _, err := old.db.ExecContext(ctx, `INSERT INTO articles(id, text, title, ingested_at) VALUES('old1', 'The mayor said taxes will fall.', 'Old', '2020-01-01')`); err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.ExecContext(ctx, `INSERT INTO statements(id, article_id, seq, kind, content_text, content_start, content_end) VALUES('old1-1', 'old1', 0, 'indirect', 'taxes will fall', 15, 30)`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}
	// "tax" finds "taxes" only in an index rebuilt with stemming.
	page, err := s.Search(ctx, whosaid.StatementQuery{Text: "tax"})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != "old1-1" {
		t.Errorf("the old statement is not searchable after the upgrade: %+v %v", page.Items, err)
	}
}

func TestFollow(t *testing.T) { storetest.RunFollow(t, storetest.Config{Open: open}) }
