package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
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
	// ReadOnly opens an existing store for reading only: nothing is
	// created, upgraded or written, so a misspelt path is an error
	// (ENotFound) instead of a new empty store, and a file the user may
	// only read can still be searched. Writes fail with EInvalid.
	ReadOnly bool
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

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Open opens the store at path. Read-write (the default), it creates the
// file when missing and upgrades its schema; read-only, it opens only an
// existing store of this schema. Either way a file that is not a whosaid
// store (empty, another kind of file, another program's database) is
// refused with EInvalid naming the path and the reason, and never
// overwritten.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	exists, err := checkFile(path, opt.ReadOnly)
	if err != nil {
		return nil, err
	}
	if !exists {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, whosaid.InputError(whosaid.EInvalid, path, "cannot create the store's folder: %v", err)
		}
	}
	if exists && !opt.ReadOnly {
		// Look before writing: setting up a writer (WAL) already changes
		// the file, and this may be another program's database.
		ro, err := openReader(ctx, path)
		if err != nil {
			return nil, err
		}
		err = (&Store{db: ro.db, path: path, opt: Options{ReadOnly: true, schema: -1}}).prepare(ctx, true)
		ro.Close()
		if err != nil {
			return nil, err
		}
	}
	if opt.ReadOnly {
		s, err := openReader(ctx, path)
		if err != nil {
			return nil, err
		}
		s.opt = opt
		if err := s.prepare(ctx, true); err != nil {
			s.Close()
			return nil, err
		}
		return s, nil
	}
	db, err := connect(ctx, path, false, false)
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, opt: opt}
	if err := s.prepare(ctx, exists); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// openReader opens an existing file read-only.
func openReader(ctx context.Context, path string) (*Store, error) {
	db, err := connect(ctx, path, true, false)
	if err != nil && (cannotOpen(err) || readOnlyFile(err)) {
		// A WAL store in a folder the user may not write to: SQLite cannot
		// create its shared-memory file beside it. Read it as an immutable
		// file instead (no locking: this user cannot be writing it).
		db, err = connect(ctx, path, true, true)
	}
	if err != nil {
		return nil, openError(path, err)
	}
	return &Store{db: db, path: path, opt: Options{ReadOnly: true}}, nil
}

// connect opens the database file with the connection settings of a
// writer or a reader.
func connect(ctx context.Context, path string, readOnly, immutable bool) (*sql.DB, error) {
	q := url.Values{}
	pragmas := []string{"busy_timeout(30000)", "foreign_keys(1)"}
	if readOnly {
		q.Set("mode", "ro")
		if immutable {
			q.Set("immutable", "1")
		}
	} else {
		pragmas = append(pragmas, "journal_mode(WAL)", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// Ping may not touch the file; reading the schema version does.
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// escapePath keeps a path's ? and # from being read as URI syntax.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// checkFile tells whether path exists and refuses what cannot be a store
// before SQLite sees it: SQLite would take an empty or missing file for a
// new database and write a schema into it.
func checkFile(path string, readOnly bool) (bool, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if readOnly {
			return false, whosaid.InputError(whosaid.ENotFound, path,
				"no store here (a store is made by `whosaid ingest`; check --db or WHOSAID_DB)")
		}
		return false, nil
	case err != nil:
		return false, whosaid.InputError(whosaid.EInvalid, path, "cannot open the store: %v", reason(err))
	case fi.IsDir():
		return true, whosaid.InputError(whosaid.EInvalid, path, "is a folder, not a store file")
	case fi.Size() == 0:
		return true, whosaid.InputError(whosaid.EInvalid, path,
			"is an empty file, not a whosaid store (remove it, or give another --db)")
	}
	f, err := os.Open(path)
	if err != nil {
		return true, whosaid.InputError(whosaid.EInvalid, path, "cannot read the store: %v", reason(err))
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return true, whosaid.InputError(whosaid.EInvalid, path, "is not a whosaid store (not an SQLite database)")
	}
	return true, nil
}

// prepare checks the schema of an opened file and, read-write, brings it
// up to date.
func (s *Store) prepare(ctx context.Context, existed bool) error {
	var have int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return openError(s.path, err)
	}
	if have == 0 && existed {
		var tables int
		if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master").Scan(&tables); err != nil {
			return openError(s.path, err)
		}
		if tables > 0 {
			return whosaid.InputError(whosaid.EInvalid, s.path, "is an SQLite database of another program, not a whosaid store")
		}
	}
	to := SchemaVersion
	if s.opt.schema > 0 {
		to = s.opt.schema
	}
	if s.opt.schema < 0 {
		to = 0 // only looking: any version this whosaid knows will do
	}
	switch {
	case have > len(migrations):
		return whosaid.InputError(whosaid.EUnsupported, s.path,
			"the store was written by a newer whosaid (schema %d, this one knows %d): upgrade whosaid", have, len(migrations))
	case s.opt.ReadOnly && have < to:
		return whosaid.InputError(whosaid.EUnsupported, s.path,
			"the store has schema %d and this whosaid reads schema %d: run `whosaid upgrade` (or any ingest) to upgrade it in place", have, to)
	case s.opt.ReadOnly:
		return nil
	}
	if err := migrate(ctx, s.db, to); err != nil {
		return openError(s.path, err)
	}
	return nil
}

// readOnlyFile reports SQLite's SQLITE_READONLY and its extended codes.
func readOnlyFile(err error) bool {
	return err != nil && strings.Contains(err.Error(), "readonly database")
}

// cannotOpen reports SQLite's SQLITE_CANTOPEN (14).
func cannotOpen(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "(14)") || strings.Contains(err.Error(), "unable to open database file"))
}

// openError turns a failure to open or upgrade the file into an error
// that says why, in words: SQLite's own ("unable to open database file
// (14)") says nothing of the cause.
func openError(path string, err error) error {
	if whosaid.ErrorCode(err) != whosaid.EInternal {
		return err
	}
	msg := err.Error()
	switch {
	case readOnlyFile(err):
		return &whosaid.Error{Code: whosaid.EInvalid, Input: path, Err: err,
			Message: "the store is read-only for this user; commands that read (search, speakers, speaker, article, export, stats) still work"}
	case cannotOpen(err):
		why := "cannot open the store"
		if dirErr := writable(filepath.Dir(path)); dirErr != nil {
			why += ": its folder is not writable (" + dirErr.Error() + ")"
		} else if _, statErr := os.Stat(path); statErr != nil {
			why += ": " + reason(statErr).Error()
		}
		return &whosaid.Error{Code: whosaid.EInvalid, Input: path, Message: why, Err: err}
	case strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed"):
		return &whosaid.Error{Code: whosaid.EInvalid, Input: path, Message: "is damaged or not a whosaid store: " + msg, Err: err}
	case strings.Contains(msg, "database is locked"):
		return &whosaid.Error{Code: whosaid.EConflict, Input: path, Message: "another whosaid holds the store locked; try again when it is done", Err: err}
	}
	return &whosaid.Error{Code: whosaid.EInternal, Input: path, Message: "open store: " + msg, Err: err}
}

// writable tells whether files can be created in dir.
func writable(dir string) error {
	f, err := os.CreateTemp(dir, ".whosaid-probe-*")
	if err != nil {
		return reason(err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// reason is the cause of a file error without the repeated path.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Path is the store's file.
func (s *Store) Path() string { return s.path }
