package main

import (
	"context"
	"os"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/postgres"
	"github.com/whosaid/whosaid/store/sqlite"
)

// access is what a command does with the store: read commands open an
// existing store read-only (a misspelt --db is an error, never a new empty
// store); only commands that write create or upgrade one.
type access int

const (
	readOnly  access = iota // search, speakers, speaker, article, export, stats
	readWrite               // ingest, review decisions, upgrade
)

// backends maps the scheme of a --db location to the store that opens it:
// the one table of stores. A location without a scheme is a SQLite file.
var backends = []struct {
	schemes []string
	open    func(ctx context.Context, location string, mode access) (whosaid.Store, error)
}{
	{[]string{"sqlite", "file"}, func(ctx context.Context, loc string, mode access) (whosaid.Store, error) {
		return sqlite.Open(ctx, loc, sqlite.Options{ReadOnly: mode == readOnly})
	}},
	{[]string{"postgres", "postgresql"}, func(ctx context.Context, loc string, mode access) (whosaid.Store, error) {
		return postgres.Open(ctx, loc, postgres.Options{ReadOnly: mode == readOnly})
	}},
}

// location is where --db (or WHOSAID_DB) says the store is: a scheme and
// what follows it. A bare path is SQLite.
func (a *app) location() (scheme, rest string, err error) { return locationOf(a.db) }

// locationOf reads a store location as --db takes it ("" for the default).
func locationOf(loc string) (scheme, rest string, err error) {
	if loc == "" {
		loc = os.Getenv("WHOSAID_DB")
	}
	if loc == "" {
		p, err := sqlite.DefaultPath()
		return "sqlite", p, err
	}
	if i := strings.Index(loc, "://"); i > 0 {
		return strings.ToLower(loc[:i]), loc, nil
	}
	if strings.HasPrefix(loc, "sqlite:") {
		return "sqlite", strings.TrimPrefix(loc, "sqlite:"), nil
	}
	return "sqlite", loc, nil
}

// openStore opens the store --db names, for reading or for writing.
func (a *app) openStore(ctx context.Context, mode access) (whosaid.Store, error) {
	return openLocation(ctx, a.db, mode)
}

// openLocation opens the store at a location as --db gives it.
func openLocation(ctx context.Context, given string, mode access) (whosaid.Store, error) {
	scheme, loc, err := locationOf(given)
	if err != nil {
		return nil, err
	}
	for _, b := range backends {
		for _, s := range b.schemes {
			if s != scheme {
				continue
			}
			if s == "sqlite" || s == "file" {
				loc = strings.TrimPrefix(strings.TrimPrefix(loc, s+"://"), s+":")
			}
			return b.open(ctx, loc, mode)
		}
	}
	return nil, whosaid.Errorf(whosaid.EUnsupported, "--db %q: unknown store scheme %q (a file path, sqlite://PATH, or postgres://…)", given, scheme)
}

// withStore runs fn on the store opened with mode, closing it after.
func (a *app) withStore(ctx context.Context, mode access, fn func(whosaid.Store) error) error {
	st, err := a.openStore(ctx, mode)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}
