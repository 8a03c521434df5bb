package textquery

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid"
)

// Op is what an Expr does.
type Op int

const (
	Word   Op = iota // one word (Prefix: any word starting with it)
	Phrase           // the Words in a row
	And              // every one of Args (some may be Not)
	Or               // any one of Args
	Not              // Args[0] must not match; only an argument of an And that has a positive one
)

// Expr is a parsed query.
type Expr struct {
	Op     Op
	Words  []string // Word: one; Phrase: one or more
	Prefix bool     // the (last) word is a prefix: any word starting with it
	Args   []*Expr  // And, Or: two or more; Not: one
}

// String writes e back in the query language, fully parenthesised (for
// messages and tests).
func (e *Expr) String() string {
	switch e.Op {
	case Word:
		w := e.Words[0]
		if w == "OR" || w == "AND" || w == "NOT" || strings.HasPrefix(w, "-") || strings.ContainsAny(w, "()*") {
			w = `"` + w + `"`
		}
		if e.Prefix {
			return w + "*"
		}
		return w
	case Phrase:
		if e.Prefix {
			return `"` + strings.Join(e.Words, " ") + `"*`
		}
		return `"` + strings.Join(e.Words, " ") + `"`
	case Not:
		return "-" + e.Args[0].String()
	}
	parts := make([]string, len(e.Args))
	for i, a := range e.Args {
		parts[i] = a.String()
	}
	sep := " "
	if e.Op == Or {
		sep = " OR "
	}
	return "(" + strings.Join(parts, sep) + ")"
}

// Parse reads a query. A blank query is nil with no error (no text
// condition); a query that cannot be read is EInvalid.
func Parse(q string) (*Expr, error) {
	toks, err := lex(q)
	if err != nil {
		return nil, invalid(q, err.Error())
	}
	if len(toks) == 0 {
		if strings.TrimSpace(q) != "" {
			return nil, invalid(q, "no word to search for")
		}
		return nil, nil
	}
	p := &parser{toks: toks}
	e, err := p.and()
	if err == nil && p.i < len(p.toks) {
		err = errorf("a %q that closes nothing", p.toks[p.i].text)
	}
	if err != nil {
		return nil, invalid(q, err.Error())
	}
	return e, nil
}

func invalid(q, why string) error {
	return whosaid.Errorf(whosaid.EInvalid, "search query %q: %s (see `whosaid search --help` for the query language)", q, why)
}

type kind int

const (
	tWord kind = iota
	tPhrase
	tOpen
	tClose
	tOr
	tAnd
	tNot // NOT or a leading -
)

type token struct {
	kind   kind
	text   string
	words  []string // tPhrase
	prefix bool
}

// lex splits a query into tokens; a word without a letter or digit ("&",
// "—") carries nothing to search for and is dropped.
func lex(q string) ([]token, error) {
	var toks []token
	rs := []rune(q)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			toks = append(toks, token{kind: tOpen, text: "("})
			i++
		case r == ')':
			toks = append(toks, token{kind: tClose, text: ")"})
			i++
		case r == '"' || r == '“' || r == '”':
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '”' && rs[j] != '“' {
				j++
			}
			if j == len(rs) {
				return nil, errorf("a quotation mark is not closed")
			}
			var words []string
			for _, w := range strings.Fields(string(rs[i+1 : j])) {
				if searchable(w) {
					words = append(words, w)
				}
			}
			prefix := j+1 < len(rs) && rs[j+1] == '*'
			if len(words) > 0 {
				toks = append(toks, token{kind: tPhrase, text: string(rs[i : j+1]), words: words, prefix: prefix})
			}
			i = j + 1
			for i < len(rs) && rs[i] == '*' {
				i++
			}
		case r == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && rs[i+1] != ')':
			toks = append(toks, token{kind: tNot, text: "-"})
			i++
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !strings.ContainsRune("()\"“”", rs[j]) {
				j++
			}
			w := string(rs[i:j])
			i = j
			switch w {
			case "OR":
				toks = append(toks, token{kind: tOr, text: w})
				continue
			case "AND":
				toks = append(toks, token{kind: tAnd, text: w})
				continue
			case "NOT":
				toks = append(toks, token{kind: tNot, text: w})
				continue
			}
			prefix := strings.HasSuffix(w, "*")
			w = strings.TrimRight(w, "*")
			if searchable(w) {
				toks = append(toks, token{kind: tWord, text: w, prefix: prefix})
			}
		}
	}
	return toks, nil
}

// searchable tells whether w has a letter or digit.
func searchable(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

type parser struct {
	toks []token
	i    int
}

func (p *parser) peek() *token {
	if p.i < len(p.toks) {
		return &p.toks[p.i]
	}
	return nil
}

// and reads terms up to the end or a closing parenthesis.
func (p *parser) and() (*Expr, error) {
	var args []*Expr
	positive := false
	for t := p.peek(); t != nil && t.kind != tClose; t = p.peek() {
		switch t.kind {
		case tAnd:
			p.i++
			if n := p.peek(); n == nil || n.kind == tClose || n.kind == tOr || n.kind == tAnd {
				return nil, errorf("AND needs a word on each side")
			}
			if len(args) == 0 {
				return nil, errorf("AND needs a word on each side")
			}
			continue
		case tNot:
			p.i++
			e, err := p.primary("NOT")
			if err != nil {
				return nil, err
			}
			args = append(args, &Expr{Op: Not, Args: []*Expr{e}})
			continue
		case tOr:
			return nil, errorf("OR needs a word on each side")
		}
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		positive = true
		args = append(args, e)
	}
	switch {
	case len(args) == 0:
		return nil, errorf("nothing to search for")
	case !positive:
		return nil, errorf("it only excludes (NOT, -): give a word to look for too")
	case len(args) == 1:
		return args[0], nil
	}
	return &Expr{Op: And, Args: args}, nil
}

// or reads primaries joined by OR.
func (p *parser) or() (*Expr, error) {
	first, err := p.primary("")
	if err != nil {
		return nil, err
	}
	args := []*Expr{first}
	for t := p.peek(); t != nil && t.kind == tOr; t = p.peek() {
		p.i++
		e, err := p.primary("OR")
		if err != nil {
			return nil, err
		}
		args = append(args, e)
	}
	if len(args) == 1 {
		return first, nil
	}
	return &Expr{Op: Or, Args: args}, nil
}

// primary reads a word, a phrase or a group; after names the operator
// before it, for the message when it is missing.
func (p *parser) primary(after string) (*Expr, error) {
	t := p.peek()
	if t == nil || t.kind == tClose || t.kind == tOr || t.kind == tAnd || t.kind == tNot {
		if after == "OR" {
			return nil, errorf("OR needs a word on each side")
		}
		if after != "" {
			return nil, errorf("%s needs a word after it", after)
		}
		return nil, errorf("a word is missing")
	}
	p.i++
	switch t.kind {
	case tWord:
		return &Expr{Op: Word, Words: []string{t.text}, Prefix: t.prefix}, nil
	case tPhrase:
		if len(t.words) == 1 {
			return &Expr{Op: Word, Words: t.words, Prefix: t.prefix}, nil
		}
		return &Expr{Op: Phrase, Words: t.words, Prefix: t.prefix}, nil
	}
	// an opening parenthesis
	if c := p.peek(); c == nil {
		return nil, errorf("a \"(\" is not closed")
	} else if c.kind == tClose {
		return nil, errorf("empty parentheses")
	}
	e, err := p.and()
	if err != nil {
		return nil, err
	}
	if c := p.peek(); c == nil || c.kind != tClose {
		return nil, errorf("a \"(\" is not closed")
	}
	p.i++
	return e, nil
}

type parseError string

func (e parseError) Error() string { return string(e) }

func errorf(format string, args ...any) error {
	if len(args) == 0 {
		return parseError(format)
	}
	return parseError(fmt.Sprintf(format, args...))
}
