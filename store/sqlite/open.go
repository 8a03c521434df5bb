package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

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
	// SpeakerKeys gives the blocking keys of a speaker name and
	// SameSpeaker confirms a candidate (the transliteration-aware matcher
	// by default).
	SpeakerKeys func(name string) []string
	SameSpeaker func(a, b string) (bool, float64)
	// schema stops migrations at a version (tests of the upgrade path).
	schema int
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
		return nil, err
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(30000)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	to := SchemaVersion
	if opt.schema > 0 {
		to = opt.schema
	}
	if err := migrate(ctx, db, to); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if opt.SpeakerKeys == nil || opt.SameSpeaker == nil {
		opt.SpeakerKeys, opt.SameSpeaker = defaultMatcher()
	}
	return &Store{db: db, path: path, opt: opt}, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }
