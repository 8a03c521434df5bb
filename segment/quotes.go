package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// markFamily groups quotation marks that pair with each other.
type markFamily int

const (
	famDouble markFamily = iota // “ ” " „ « »
	famSingle                   // ‘ ’ ' ‚ ‹ ›
)

type direction int

const (
	dirOpen direction = iota
	dirClose
	dirEither
)

type mark struct {
	pos, size int
	fam       markFamily
	dir       direction
}

// findMarks lists the quotation marks of text[p.Start:p.End] with the
// direction their shape and surroundings suggest. Apostrophes inside words
// (Iran’s, don't) are not marks.
func findMarks(text string, p whosaid.Span) []mark {
	var out []mark
	for i := p.Start; i < p.End; {
		r, size := utf8.DecodeRuneInString(text[i:p.End])
		prev, _ := utf8.DecodeLastRuneInString(text[p.Start:i])
		if i == p.Start {
			prev = ' '
		}
		next, _ := utf8.DecodeRuneInString(text[i+size : p.End])
		if i+size >= p.End {
			next = ' '
		}
		m := mark{pos: i, size: size, dir: dirEither}
		ok := true
		switch r {
		case '“', '„', '«':
			m.fam, m.dir = famDouble, dirOpen
			// “ is used as a closer by some writers: after a letter and
			// before a space or punctuation.
			if r == '“' && isWordish(prev) && !isWordish(next) {
				m.dir = dirClose
			}
		case '”', '»':
			m.fam, m.dir = famDouble, dirClose
			if r == '”' && !isWordish(prev) && prev != '.' && prev != ',' && prev != '?' && prev != '!' && isWordish(next) {
				m.dir = dirOpen
			}
		case '"':
			m.fam = famDouble
			m.dir = straightDirection(prev, next)
		case '‘', '‚', '‹':
			m.fam, m.dir = famSingle, dirOpen
			if isWordish(prev) {
				ok = false // a misused apostrophe
			}
		case '’', '›', '\'':
			m.fam = famSingle
			switch {
			case unicode.IsLetter(prev) && unicode.IsLetter(next):
				ok = false // apostrophe inside a word
			case isWordish(prev) && isWordish(next):
				ok = false
			case r == '\'' && !isWordish(prev) && unicode.IsDigit(next):
				ok = false // '90s
			case r == '’' && isWordish(next) && !isWordish(prev):
				m.dir = dirOpen
			case isWordish(next):
				ok = false
			default:
				if r == '\'' {
					m.dir = straightDirection(prev, next)
				} else {
					m.dir = dirClose
				}
			}
		default:
			ok = false
		}
		if ok {
			out = append(out, m)
		}
		i += size
	}
	return out
}

func isWordish(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// straightDirection guesses whether a straight mark opens or closes from its
// neighbours: space or an opening bracket before it opens, space or
// punctuation after it closes.
func straightDirection(prev, next rune) direction {
	before := unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == ':' || prev == '-'
	after := unicode.IsSpace(next) || unicode.IsPunct(next) && next != '(' && next != '[' && next != '\'' && next != '‘'
	switch {
	case before && !after:
		return dirOpen
	case after && !before:
		return dirClose
	}
	return dirEither
}

// FindQuotes pairs the quotation marks of each paragraph into quotes.
//
// Double marks do not nest in one family: an opening mark met while a
// double quote is open is a stray mark and is skipped (writers repeat
// marks by mistake). Single marks inside a double quote nest in it. A
// double quote still open at the end of a paragraph continues into the
// next when that one starts with an opening mark (the news convention for
// long quotations), else it ends at the paragraph end with Close=false. A
// closing mark with no opener starts its quote at the beginning of its
// sentence, with Open=false.
func FindQuotes(text string, paragraphs []whosaid.Span, sentences []whosaid.Sentence) []whosaid.Quote {
	var out []whosaid.Quote
	for pi, p := range paragraphs {
		marks := findMarks(text, p)
		var dbl *mark
		var sgl *mark
		for k := range marks {
			m := &marks[k]
			switch m.fam {
			case famDouble:
				switch {
				case dbl == nil && m.dir != dirClose:
					dbl = m
					sgl = nil
				case dbl == nil && m.dir == dirClose:
					s := sentenceStart(sentences, m.pos, p.Start)
					out = append(out, whosaid.Quote{Span: whosaid.Span{Start: s, End: m.pos}, Outer: whosaid.Span{Start: s, End: m.pos + m.size}, Open: false, Close: true})
				case dbl != nil && m.dir == dirOpen && closerFollows(marks[k+1:]):
					// A stray opener inside an open quote: skip it.
				default:
					out = append(out, whosaid.Quote{
						Span:  whosaid.Span{Start: dbl.pos + dbl.size, End: m.pos},
						Outer: whosaid.Span{Start: dbl.pos, End: m.pos + m.size},
						Open:  true, Close: true,
					})
					dbl, sgl = nil, nil
				}
			case famSingle:
				switch {
				case sgl == nil && m.dir == dirOpen:
					sgl = m
				case sgl == nil && m.dir == dirEither:
					if k+1 < len(marks) && marks[k+1].fam == famSingle {
						sgl = m
					}
				case sgl != nil && m.dir != dirOpen:
					depth := 0
					if dbl != nil {
						depth = 1
					}
					out = append(out, whosaid.Quote{
						Span:  whosaid.Span{Start: sgl.pos + sgl.size, End: m.pos},
						Outer: whosaid.Span{Start: sgl.pos, End: m.pos + m.size},
						Open:  true, Close: true, Nested: depth,
					})
					sgl = nil
				}
			}
		}
		if dbl != nil {
			q := whosaid.Quote{
				Span:  whosaid.Span{Start: dbl.pos + dbl.size, End: p.End},
				Outer: whosaid.Span{Start: dbl.pos, End: p.End},
				Open:  true, Close: false,
			}
			// The quotation goes on in the next paragraph when that one
			// opens with a quotation mark: it is closed here by convention.
			if pi+1 < len(paragraphs) && startsWithOpener(text, paragraphs[pi+1]) {
				q.Close = true
				q.Continues = true
			}
			// A dangling opener at the very end of a paragraph quotes nothing.
			if !q.Span.Empty() {
				out = append(out, q)
			}
		}
	}
	sortQuotes(out)
	return out
}

// closerFollows reports whether a double closing mark comes later among
// marks (before any other clear opener), which makes the current opener a
// stray one.
func closerFollows(marks []mark) bool {
	for _, m := range marks {
		if m.fam != famDouble {
			continue
		}
		return m.dir == dirClose
	}
	return false
}

func startsWithOpener(text string, p whosaid.Span) bool {
	r, _ := utf8.DecodeRuneInString(text[p.Start:p.End])
	return r == '“' || r == '"' || r == '«' || r == '„'
}

func sentenceStart(sentences []whosaid.Sentence, pos, floor int) int {
	for _, s := range sentences {
		if s.Start <= pos && pos < s.End+1 {
			if s.Start < floor {
				return floor
			}
			return s.Start
		}
	}
	return floor
}

func sortQuotes(q []whosaid.Quote) {
	// insertion sort: quotes come nearly sorted, nested ones a little late.
	for i := 1; i < len(q); i++ {
		for j := i; j > 0 && q[j].Outer.Start < q[j-1].Outer.Start; j-- {
			q[j], q[j-1] = q[j-1], q[j]
		}
	}
}
