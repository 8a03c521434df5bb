package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/storetest"
)

// TestOpenRefusesWhatIsNotAStore: a read-only open never creates a file,
// and no open turns an empty file, a text file or another program's
// database into a store.
func TestOpenRefusesWhatIsNotAStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes(x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	os.WriteFile(filepath.Join(dir, "empty.db"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "text.db"), []byte("not a database at all\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "folder.db"), 0o755)
	cases := []struct {
		file     string
		readOnly bool
		code     string
	}{
		{"missing.db", true, whosaid.ENotFound},
		{"empty.db", true, whosaid.EInvalid},
		{"empty.db", false, whosaid.EInvalid},
		{"text.db", true, whosaid.EInvalid},
		{"text.db", false, whosaid.EInvalid},
		{"other.db", true, whosaid.EInvalid},
		{"other.db", false, whosaid.EInvalid},
		{"folder.db", false, whosaid.EInvalid},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.file)
		before, statErr := os.Stat(path)
		s, err := Open(ctx, path, Options{ReadOnly: c.readOnly})
		if err == nil {
			s.Close()
		}
		if whosaid.ErrorCode(err) != c.code {
			t.Errorf("%s (read-only %v): %v, want %s", c.file, c.readOnly, err, c.code)
			continue
		}
		var e *whosaid.Error
		if !errors.As(err, &e) || e.Input != path {
			t.Errorf("%s: the error does not name the file: %v", c.file, err)
		}
		after, err := os.Stat(path)
		switch {
		case statErr != nil && err == nil:
			t.Errorf("%s: opening it created it", c.file)
		case statErr == nil && (after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime())):
			t.Errorf("%s: opening it changed it", c.file)
		}
	}
}

// TestReadOnly: a read-only store answers queries, refuses writes with
// EInvalid, and refuses a store of an older schema instead of upgrading
// it behind the user's back.
func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	rw, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := storetest.Docs()
	if err != nil {
		t.Fatal(err)
	}
	d := docs["a1.txt"]
	if err := rw.Update(ctx, func(tx whosaid.Tx) error { _, err := tx.PutArticle(ctx, d); return err }); err != nil {
		t.Fatal(err)
	}
	rw.Close()
	ro, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if page, err := ro.Search(ctx, whosaid.StatementQuery{Text: "strike"}); err != nil || len(page.Items) == 0 {
		t.Errorf("search of a read-only store: %d hits, %v", len(page.Items), err)
	}
	err = ro.Update(ctx, func(tx whosaid.Tx) error { _, err := tx.PutArticle(ctx, docs["a3.txt"]); return err })
	if whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Errorf("a write to a read-only store: %v, want EInvalid", err)
	}

	old := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, old, Options{schema: 2})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, old, Options{ReadOnly: true}); whosaid.ErrorCode(err) != whosaid.EUnsupported {
		t.Errorf("read-only open of an older schema: %v, want EUnsupported", err)
	}
}
