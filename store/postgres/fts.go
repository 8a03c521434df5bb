package postgres

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/whosaid/whosaid/textquery"
)

// searchWords splits text into words as SQLite's unicode61 tokenizer
// does (letters, digits and private-use characters make words; anything
// else separates them), lower-cased and without diacritics.
func searchWords(text string) []string {
	text = strings.ToLower(norm.NFD.String(text))
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a diacritic of the letter before it
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r):
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return words
}

// terms are the index terms of text: its words, stemmed as FTS5's
// porter tokenizer stems them.
func terms(text string) []string {
	w := searchWords(text)
	for i := range w {
		w[i] = textquery.Porter(w[i])
	}
	return w
}

// tsvector writes the terms of a statement's columns as a tsvector
// literal: each term at its position with its column's weight (A, B, C),
// a position left empty between columns so no phrase runs from one into
// the next. The store builds its vectors itself, so PostgreSQL's parser
// and dictionaries play no part: the index holds FTS5's terms.
func tsvector(cols ...column) string {
	var b strings.Builder
	pos := 0
	for _, c := range cols {
		pos++ // the gap
		for _, t := range c.terms {
			pos++
			p := min(pos, 16383) // PostgreSQL's largest position
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte('\'')
			b.WriteString(strings.NewReplacer(`\`, `\\`, "'", "''").Replace(t))
			b.WriteString("':")
			b.WriteString(strconv.Itoa(p))
			b.WriteString(c.weight)
		}
	}
	return b.String()
}

// column is one weighted part of a statement's index.
type column struct {
	terms  []string
	weight string
}

// speakerColumn is the speaker part of a statement's index: the name and
// the id as one word, so a speaker filter is an index lookup.
func speakerColumn(name, id string) string {
	if id == "" {
		return ""
	}
	return name + " " + idToken(id)
}

// titleColumn is the title part: the title and the outlet as one word.
func titleColumn(title, outlet string) string { return title + " " + outletToken(outlet) }

// idToken is the id as the tokenizer keeps it (letters and digits only).
func idToken(id string) string {
	out := make([]byte, 0, len(id))
	for i := 0; i < len(id); i++ {
		if c := id[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			out = append(out, c)
		}
	}
	return string(out)
}

// outletToken marks the outlet in the title column ("Daily Harbour" →
// "outletdailyharbour").
func outletToken(o string) string {
	if o == "" {
		return ""
	}
	return "outlet" + strings.ToLower(strings.ReplaceAll(o, " ", ""))
}

// phrase is one leaf of a text query as the index sees it: stems in a
// row, the last a prefix when Prefix is set.
type phrase struct {
	Stems  []string
	Prefix bool
	Only   string // a column's weight label when the phrase is bound to it
}

// compiled is a text query ready for the index: the tsquery and its
// phrases (for ranking).
type compiled struct {
	TSQuery string
	Phrases []phrase
}

// compile turns a query in whosaid's language into a tsquery: "" for a
// blank query, EInvalid for one that cannot be read.
func (s *Store) compile(text string) (*compiled, error) {
	e, err := textquery.Parse(text)
	if err != nil || e == nil {
		return nil, err
	}
	c := &compiled{}
	var write func(e *textquery.Expr) string
	write = func(e *textquery.Expr) string {
		switch e.Op {
		case textquery.Word, textquery.Phrase:
			var ws []string
			for _, w := range e.Words {
				ws = append(ws, searchWords(w)...)
			}
			p := phrase{Prefix: e.Prefix}
			for i, w := range ws {
				if e.Prefix && i == len(ws)-1 {
					// As FTS5 reads the SQLite store's prefix query: the
					// tokenizer's stem of the prefix's stem (see
					// textquery.PrefixStem).
					w = textquery.PrefixStem(w)
				}
				p.Stems = append(p.Stems, textquery.Porter(w))
			}
			if len(p.Stems) == 0 {
				// A word of punctuation only: nothing can match it.
				return "'\u0001'"
			}
			c.Phrases = append(c.Phrases, p)
			if len(p.Stems) == 1 {
				return p.tsquery()
			}
			// Words in a row within one column: the columns are one
			// tsvector, where the last word of one and the first of the
			// next are neighbours.
			var cols []string
			for _, w := range []string{"A", "B", "C"} {
				q := p
				q.Only = w
				cols = append(cols, "("+q.tsquery()+")")
			}
			return "(" + strings.Join(cols, " | ") + ")"
		case textquery.Or:
			parts := make([]string, len(e.Args))
			for i, a := range e.Args {
				parts[i] = write(a)
			}
			return "(" + strings.Join(parts, " | ") + ")"
		case textquery.And:
			var parts []string
			for _, a := range e.Args {
				if a.Op == textquery.Not {
					parts = append(parts, "!"+write(a.Args[0]))
				} else {
					parts = append(parts, write(a))
				}
			}
			return "(" + strings.Join(parts, " & ") + ")"
		}
		return ""
	}
	c.TSQuery = write(e)
	return c, nil
}

// also adds to the query that one of words (speaker id or outlet
// tokens) is in the column of weight w, as SQLite's store adds them to its
// MATCH: they count in the ranking too.
func (s *Store) also(c *compiled, words []string, w string) {
	var parts []string
	for _, x := range words {
		st := textquery.Porter(x)
		parts = append(parts, "'"+strings.ReplaceAll(st, "'", "''")+"':"+w)
		c.Phrases = append(c.Phrases, phrase{Stems: []string{st}, Only: w})
	}
	c.TSQuery = "(" + c.TSQuery + ") & (" + strings.Join(parts, " | ") + ")"
}
