package postgres

import (
	"database/sql"
	"github.com/whosaid/whosaid/textquery"
	"math/rand"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/whosaid/whosaid/internal/gen"
	"github.com/whosaid/whosaid/store/storetest"
)

// TestPorterAsFTS5 compares porter with SQLite's FTS5 porter tokenizer on
// the fixture's words, a generated corpus's and random words built from
// English suffixes.
func TestPorterAsFTS5(t *testing.T) {
	docs, err := storetest.Docs()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, d := range docs {
		words = append(words, searchWords(d.Text+" "+d.Meta.Title)...)
	}
	g := gen.New(3, 300, 20)
	for i := 0; i < 300; i++ {
		words = append(words, searchWords(g.Next().Text)...)
	}
	rng := rand.New(rand.NewSource(1))
	stems := []string{"gener", "nation", "cry", "happ", "hop", "fall", "agre", "control", "rat", "relat", "formal", "sensit", "adjust", "depend", "tripl", "electr", "plot", "fil", "bo", "sky", "dy", "ly", "ta", "news", "goe"}
	suffixes := []string{"", "s", "es", "ies", "sses", "ed", "eed", "ing", "ly", "y", "ational", "tional", "enci", "anci", "izer", "bli", "abli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "e", "ll", "ble", "at", "iz", "bb"}
	for _, s := range stems {
		for _, x := range suffixes {
			words = append(words, s+x)
			words = append(words, s+x+suffixes[rng.Intn(len(suffixes))])
		}
	}
	letters := "abcdefghijklmnopqrstuvwxyzaeiouy"
	for i := 0; i < 3000; i++ {
		n := 2 + rng.Intn(10)
		b := make([]byte, n)
		for k := range b {
			b[k] = letters[rng.Intn(len(letters))]
		}
		words = append(words, string(b)+suffixes[rng.Intn(len(suffixes))])
	}
	words = distinct(words)
	lite, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "stems.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	want := porterStems(t, lite, words)
	bad := 0
	for _, w := range words {
		if got := textquery.Porter(w); got != want[w] {
			bad++
			if bad <= 30 {
				t.Errorf("textquery.Porter(%q) = %q, FTS5 gives %q", w, got, want[w])
			}
		}
	}
	t.Logf("%d words, %d differ", len(words), bad)
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
