package postgres

import (
	"context"
	"errors"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/whosaid/whosaid"
)

// Store is the PostgreSQL store.
type Store struct {
	pool  *pgxpool.Pool
	loc   string // the address without its password
	opt   Options
	shard int // this process's row of fts_totals
}

var (
	_ whosaid.Store       = (*Store)(nil)
	_ whosaid.CoMentioner = (*Store)(nil)
	_ whosaid.Corrector   = (*Store)(nil)
	_ whosaid.WatchStore  = (*Store)(nil)
	_ whosaid.AlertStore  = (*Store)(nil)
)

// Options tune a store.
type Options struct {
	// Now is the clock of the store (time.Now when nil): ingest times and
	// review decisions are stamped with it.
	Now func() time.Time
	// ReadOnly opens an existing store for reading only: nothing is
	// created, upgraded or written (the connections are read-only), so a
	// misspelt database is an error instead of a new store. Writes fail
	// with EInvalid.
	ReadOnly bool
	// MaxConns caps the pool (0: pgx's default, or pool_max_conns in the
	// address).
	MaxConns int32
	// schema stops migrations at a version (tests of the upgrade path).
	schema int
}

func (s *Store) now() time.Time {
	if s.opt.Now != nil {
		return s.opt.Now().UTC()
	}
	return time.Now().UTC()
}

// totalShards is how many rows fts_totals spreads the index totals over.
const totalShards = 16

// Open connects to the database at location (postgres://… or any
// address pgx reads) and, read-write, brings its schema up to date. A
// database holding tables of another program is refused with EInvalid;
// read-only, a database without a whosaid store is ENotFound and one of
// an older schema EUnsupported.
func Open(ctx context.Context, location string, opt Options) (*Store, error) {
	shown := redact(location)
	cfg, err := pgxpool.ParseConfig(location)
	if err != nil {
		return nil, whosaid.InputError(whosaid.EInvalid, shown, "not a PostgreSQL address: %v", err)
	}
	if opt.MaxConns > 0 {
		cfg.MaxConns = opt.MaxConns
	}
	if opt.ReadOnly {
		cfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "whosaid"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, openError(shown, err)
	}
	s := &Store{pool: pool, loc: shown, opt: opt, shard: os.Getpid() % totalShards}
	if err := s.prepare(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// prepare checks the schema and, read-write, upgrades it.
func (s *Store) prepare(ctx context.Context) error {
	have, err := schemaVersion(ctx, s.pool)
	if err != nil {
		return openError(s.loc, err)
	}
	switch {
	case have < 0:
		return whosaid.InputError(whosaid.EInvalid, s.loc, "the database holds tables of another program, not a whosaid store (give a database of its own)")
	case have > SchemaVersion:
		return whosaid.InputError(whosaid.EUnsupported, s.loc,
			"the store was written by a newer whosaid (schema %d, this one knows %d): upgrade whosaid", have, SchemaVersion)
	case s.opt.ReadOnly && have == 0:
		return whosaid.InputError(whosaid.ENotFound, s.loc, "no store in this database (a store is made by `whosaid ingest`; check --db or WHOSAID_DB)")
	case s.opt.ReadOnly && have < SchemaVersion:
		return whosaid.InputError(whosaid.EUnsupported, s.loc,
			"the store has schema %d and this whosaid reads schema %d: run `whosaid upgrade` (or any ingest) to upgrade it in place", have, SchemaVersion)
	case s.opt.ReadOnly:
		return nil
	}
	to := SchemaVersion
	if s.opt.schema > 0 {
		to = s.opt.schema
	}
	if have >= to {
		return nil
	}
	if err := migrate(ctx, s.pool, to); err != nil {
		return openError(s.loc, err)
	}
	return nil
}

// openError says in words why the database could not be reached.
func openError(loc string, err error) error {
	if code := whosaid.ErrorCode(err); code != whosaid.EInternal {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "3D000":
			return &whosaid.Error{Code: whosaid.ENotFound, Input: loc, Message: "no such database (create it: createdb NAME)", Err: err}
		case "28P01", "28000":
			return &whosaid.Error{Code: whosaid.EInvalid, Input: loc, Message: "the server refused the role or password: " + pe.Message, Err: err}
		case "42501":
			return &whosaid.Error{Code: whosaid.EInvalid, Input: loc, Message: "the role may not create tables here: " + pe.Message + " (GRANT CREATE ON SCHEMA public, or own the database)", Err: err}
		}
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return &whosaid.Error{Code: whosaid.EUnavailable, Input: loc, Message: "cannot reach the PostgreSQL server: " + err.Error(), Err: err}
	}
	return &whosaid.Error{Code: whosaid.EInternal, Input: loc, Message: "open store: " + err.Error(), Err: err}
}

// redact is the address as shown in messages and stats: without its
// password.
func redact(location string) string {
	u, err := url.Parse(location)
	if err != nil || u.Scheme == "" {
		if i := strings.Index(location, "password="); i >= 0 {
			end := strings.IndexByte(location[i:], ' ')
			if end < 0 {
				return location[:i] + "password=xxxxx"
			}
			return location[:i] + "password=xxxxx" + location[i+end:]
		}
		return location
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Close closes the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Location is the database's address without its password.
func (s *Store) Location() string { return s.loc }
