package mention

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// sentence is the view of one sentence the detector works on.
type sentence struct {
	doc   *whosaid.Doc
	toks  []whosaid.Token
	words []string // token texts
	lower []string
	base  int // index of toks[0] in doc.Tokens
	// taken marks tokens already inside a mention, so detectors that run
	// later do not claim them again.
	taken []bool
	// lowerWords are the words the article writes in lower case somewhere
	// (shared by its sentences).
	lowerWords map[string]bool
	// capsInside are the lower-cased words the article capitalises inside
	// a sentence (not first, not after an opening mark): names.
	capsInside map[string]bool
}

// lowerInDoc reports whether the article writes the lower-case word w in
// lower case somewhere: then a capitalised w is an ordinary word made
// capital by its place (a sentence's or headline's start), not a name.
func (s *sentence) lowerInDoc(w string) bool { return s.lowerWords[w] }

// capsInsideOf collects the words doc capitalises inside its sentences,
// lower-cased.
func capsInsideOf(doc *whosaid.Doc) map[string]bool {
	out := map[string]bool{}
	for _, sent := range doc.Sentences {
		for k := sent.FirstToken + 1; k < sent.EndToken; k++ {
			w := doc.Str(doc.Tokens[k].Span)
			if capitalised(w) && !isOpener(doc.Str(doc.Tokens[k-1].Span)) {
				out[strings.ToLower(w)] = true
			}
		}
	}
	return out
}

// lowerWordsOf collects the words of doc written in lower case.
func lowerWordsOf(doc *whosaid.Doc) map[string]bool {
	out := map[string]bool{}
	for _, t := range doc.Tokens {
		w := doc.Str(t.Span)
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			out[w] = true
		}
	}
	return out
}

func newSentence(doc *whosaid.Doc, s whosaid.Sentence) *sentence {
	toks := doc.Tokens[s.FirstToken:s.EndToken]
	st := &sentence{doc: doc, toks: toks, base: s.FirstToken, taken: make([]bool, len(toks))}
	for _, t := range toks {
		w := doc.Str(t.Span)
		st.words = append(st.words, w)
		st.lower = append(st.lower, strings.ToLower(w))
	}
	return st
}

func (s *sentence) span(i, j int) whosaid.Span {
	return whosaid.Span{Start: s.toks[i].Start, End: s.toks[j-1].End}
}

func (s *sentence) hasPOS() bool { return len(s.toks) > 0 && s.toks[0].POS != "" }

// capitalised reports whether w starts like a name: an upper-case letter,
// or a lower-case Arabic article or particle glued to a capitalised word
// ("al-Haq", "el-Sisi", "bin-Salman").
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	if i := strings.IndexAny(w, "-‐"); i > 0 && i < len(w)-1 {
		if nameConnectors[strings.ToLower(w[:i])] {
			r2, _ := utf8.DecodeRuneInString(w[i+1:])
			return unicode.IsUpper(r2)
		}
	}
	return false
}

// nameToken reports whether token i can be part of a proper name.
func (s *sentence) nameToken(i int) bool {
	w := s.words[i]
	if !capitalised(w) {
		return false
	}
	if partyState(w) {
		return false
	}
	if s.hasPOS() {
		p := s.toks[i].POS
		if p == "NNP" || p == "NNPS" {
			return !notNames[strings.TrimSuffix(s.lower[i], ".")] || i > 0 && capitalised(s.words[i-1]) && s.lower[i] != "the"
		}
		// Taggers call sentence-initial names NN or JJ at times; trust
		// capitalisation inside the sentence.
		if i == 0 && p != "NN" && p != "JJ" {
			return false
		}
	}
	l := s.lower[i]
	if notNames[l] || notNames[strings.TrimSuffix(l, ".")] {
		return false
	}
	if _, ok := pronouns[l]; ok {
		return false
	}
	if i == 0 || isOpener(s.words[i-1]) {
		// A capitalised first word is a name only if nothing says it is
		// an ordinary word: reporting verbs, -ing/-ly/-ed forms.
		if _, ok := lexicon.Lookup(l); ok {
			return false
		}
		if strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ly") || strings.HasSuffix(l, "ed") {
			return false
		}
		// "Officials said": a role noun, unless a name follows ("Chief
		// Justice …" is handled by the title list).
		if _, ok := lexicon.Role(l); ok && (i+1 >= len(s.words) || !capitalised(s.words[i+1])) {
			return false
		}
	}
	return true
}

func isOpener(w string) bool {
	switch w {
	case "“", "\"", "‘", "(", "[", "—", "–", ":", "«", "'":
		return true
	}
	return false
}

// Detect finds the mentions of doc, sorted by start.
func Detect(doc *whosaid.Doc) []whosaid.Mention {
	var out []whosaid.Mention
	lower, inside := lowerWordsOf(doc), capsInsideOf(doc)
	for _, sent := range doc.Sentences {
		s := newSentence(doc, sent)
		s.lowerWords, s.capsInside = lower, inside
		var ms []whosaid.Mention
		ms = append(ms, s.honorifics()...)
		ms = append(ms, s.names()...)
		ms = s.nominals(ms)
		ms = append(ms, s.pronouns()...)
		sortMentions(ms)
		s.appositions(ms)
		base := len(out)
		for i := range ms {
			if ms[i].Apposition >= 0 {
				ms[i].Apposition += base
			}
		}
		out = append(out, ms...)
	}
	return out
}

func newMention(sp whosaid.Span, kind whosaid.MentionKind) whosaid.Mention {
	return whosaid.Mention{Span: sp, Head: sp, Kind: kind, Type: whosaid.UnknownType, Person: 3, Apposition: -1, Entity: -1}
}

// honorifics finds forms of address such as "His Eminence".
func (s *sentence) honorifics() []whosaid.Mention {
	var out []whosaid.Mention
	for i := 0; i < len(s.toks); i++ {
		if s.lower[i] != "his" && s.lower[i] != "her" {
			continue
		}
		for n := 3; n >= 2; n-- {
			if i+n > len(s.toks) {
				continue
			}
			phrase := strings.Join(s.lower[i:i+n], " ")
			if !lexicon.IsHonorific(phrase) || !capitalised(s.words[i+1]) {
				continue
			}
			m := newMention(s.span(i, i+n), whosaid.MentionHonorific)
			m.Type = whosaid.Person
			m.Gender = whosaid.Male
			if s.lower[i] == "her" {
				m.Gender = whosaid.Female
			}
			m.Titles = []string{strings.Join(s.words[i:i+n], " ")}
			out = append(out, m)
			s.take(i, i+n)
			i += n - 1
			break
		}
	}
	return out
}

func (s *sentence) take(i, j int) {
	for k := i; k < j; k++ {
		s.taken[k] = true
	}
}

func (s *sentence) free(i, j int) bool {
	for k := i; k < j; k++ {
		if s.taken[k] {
			return false
		}
	}
	return true
}

// pronouns finds personal and relative pronouns.
func (s *sentence) pronouns() []whosaid.Mention {
	var out []whosaid.Mention
	for i, l := range s.lower {
		if s.taken[i] {
			continue
		}
		if p, ok := pronouns[l]; ok {
			// "US" in capitals is the country, not "us".
			if l == "us" && s.words[i] == "US" {
				continue
			}
			m := newMention(s.span(i, i+1), whosaid.MentionPronoun)
			m.Gender, m.Plural, m.Person = p.gender, p.plural, p.person
			switch {
			case p.gender == whosaid.Neuter:
				m.Type = whosaid.Organization
			case p.gender != whosaid.NoGender || p.person != 3:
				m.Type = whosaid.Person
			}
			out = append(out, m)
			continue
		}
		if relatives[l] && i > 0 {
			m := newMention(s.span(i, i+1), whosaid.MentionPronoun)
			m.Relative = true
			if l == "who" {
				m.Type = whosaid.Person
			}
			out = append(out, m)
		}
	}
	return out
}

func sortMentions(ms []whosaid.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && (ms[j].Start < ms[j-1].Start || ms[j].Start == ms[j-1].Start && ms[j].End > ms[j-1].End); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// partyState reports whether w is a legislator's party and state ("R-Ohio",
// "D-Calif.", "I-Vt."): an affiliation, not a name.
func partyState(w string) bool {
	if len(w) < 3 || w[1] != '-' || strings.IndexByte("RDI", w[0]) < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[2:])
	return unicode.IsUpper(r)
}
