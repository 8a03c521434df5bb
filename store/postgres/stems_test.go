package postgres

import (
	"context"
	"database/sql"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/whosaid/whosaid/internal/gen"
	"github.com/whosaid/whosaid/store/storetest"
)

// TestStemsAgree compares this store's stemmer (English Snowball) with
// SQLite's FTS5 porter tokenizer on the words of the suite's fixture
// (all must agree: the suite's results depend on them) and of a
// generated corpus (the share that differ is logged).
func TestStemsAgree(t *testing.T) {
	ctx := context.Background()
	s := open(t, nil).(*Store)
	docs, err := storetest.Docs()
	if err != nil {
		t.Fatal(err)
	}
	var fixture []string
	for _, d := range docs {
		fixture = append(fixture, searchWords(d.Text+" "+d.Meta.Title)...)
	}
	g := gen.New(3, 300, 20)
	var generated []string
	for i := 0; i < 300; i++ {
		generated = append(generated, searchWords(g.Next().Text)...)
	}
	lite, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "stems.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	for name, words := range map[string][]string{"fixture": fixture, "generated": generated} {
		words = distinct(words)
		pg, err := s.stems.of(ctx, s.pool, words)
		if err != nil {
			t.Fatal(err)
		}
		porter := porterStems(t, lite, words)
		var differ []string
		for _, w := range words {
			if pg[w] != porter[w] {
				differ = append(differ, w+": "+pg[w]+" vs "+porter[w])
			}
		}
		if name == "fixture" && len(differ) > 0 {
			t.Errorf("the stemmers differ on fixture words: %v", differ)
		}
		t.Logf("%s: %d of %d distinct words stem differently (Snowball vs porter): %v", name, len(differ), len(words), differ[:min(len(differ), 20)])
	}
}

func distinct(ws []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// porterStems tokenizes each word with SQLite's porter tokenizer.
func porterStems(t *testing.T, db *sql.DB, words []string) map[string]string {
	t.Helper()
	for _, q := range []string{
		`DROP TABLE IF EXISTS w`, `DROP TABLE IF EXISTS wv`,
		`CREATE VIRTUAL TABLE w USING fts5(word, tokenize='porter unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE wv USING fts5vocab(w, 'instance')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for i, w := range words {
		if _, err := db.Exec(`INSERT INTO w(rowid, word) VALUES(?, ?)`, i+1, w); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.Query(`SELECT doc, term FROM wv`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var doc int
		var term string
		rows.Scan(&doc, &term)
		out[words[doc-1]] = strings.TrimSpace(term)
	}
	return out
}
