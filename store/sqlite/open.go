package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/whosaid/whosaid"
)

// Store is the SQLite store.
type Store struct {
	db   *sql.DB
	path string
	opt  Options
}

var _ whosaid.Store = (*Store)(nil)

// Options tune a store.
type Options struct {
	// Now is the clock of the store (time.Now when nil): ingest times and
	// review decisions are stamped with it.
	Now func() time.Time
	// schema stops migrations at a version (tests of the upgrade path).
	schema int
}

func (s *Store) now() time.Time {
	if s.opt.Now != nil {
		return s.opt.Now().UTC()
	}
	return time.Now().UTC()
}

// DefaultPath is the store in the user's data directory:
// $XDG_DATA_HOME/whosaid/whosaid.db, else ~/.local/share/whosaid/whosaid.db.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no data directory: set XDG_DATA_HOME or use --db: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "whosaid", "whosaid.db"), nil
}

// Open opens (creating if needed) the store at path and upgrades its schema.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, whosaid.InputError(whosaid.EInvalid, path, "cannot create the store's folder: %v", err)
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(30000)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, dbError("open store "+path, err)
	}
	db.SetMaxOpenConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, dbError("open store "+path, err)
	}
	to := SchemaVersion
	if opt.schema > 0 {
		to = opt.schema
	}
	if err := migrate(ctx, db, to); err != nil {
		db.Close()
		return nil, dbError("store "+path, err)
	}
	return &Store{db: db, path: path, opt: opt}, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Path is the store's file.
func (s *Store) Path() string { return s.path }
