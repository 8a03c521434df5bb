package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// view holds per-token facts about a Doc that the rules consult often.
type view struct {
	doc   *whosaid.Doc
	words []string
	lower []string
	// quote[i] is the index in doc.Quotes of the top-level quote whose outer
	// span holds token i, or -1.
	quote []int
	// opens[i] is the quote index whose opening mark is token i, or -1.
	opens []int
	// closes[i] is the quote index whose closing mark is token i, or -1.
	closes []int
	// mentionEnd maps a token index to the mentions ending at that token,
	// outermost first.
	mentionEnd map[int][]int
	// mentionStart maps a token index to the mentions starting there.
	mentionStart map[int][]int
	// sentOf[i] is the sentence index of token i.
	sentOf []int
	pos    bool
}

func newView(doc *whosaid.Doc) *view {
	n := len(doc.Tokens)
	v := &view{doc: doc, words: make([]string, n), lower: make([]string, n),
		quote: make([]int, n), opens: make([]int, n), closes: make([]int, n), sentOf: make([]int, n),
		mentionEnd: map[int][]int{}, mentionStart: map[int][]int{}}
	for i, t := range doc.Tokens {
		v.words[i] = doc.Str(t.Span)
		v.lower[i] = strings.ReplaceAll(strings.ToLower(v.words[i]), "’", "'")
		v.quote[i], v.opens[i], v.closes[i] = -1, -1, -1
	}
	v.pos = n > 0 && doc.Tokens[0].POS != ""
	for si, s := range doc.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			v.sentOf[i] = si
		}
	}
	for qi, q := range doc.Quotes {
		// A closing mark with no opener is too weak a signal to hide the
		// reporting verbs before it.
		if q.Nested > 0 || !q.Open {
			continue
		}
		first := doc.TokenAt(q.Outer.Start)
		for i := first; i >= 0 && i < n && doc.Tokens[i].Start < q.Outer.End; i++ {
			if v.quote[i] < 0 {
				v.quote[i] = qi
			}
		}
		if q.Open && first >= 0 {
			v.opens[first] = qi
		}
		if q.Close {
			if last := doc.TokenAt(q.Outer.End - 1); last >= 0 && doc.Tokens[last].End == q.Outer.End && isQuoteMark(v.words[last]) {
				v.closes[last] = qi
			}
		}
	}
	for mi, m := range doc.Mentions {
		s, e := doc.TokenAt(m.Start), doc.TokenAt(m.End-1)
		if s < 0 || e < 0 {
			continue
		}
		v.mentionEnd[e] = append(v.mentionEnd[e], mi)
		v.mentionStart[s] = append(v.mentionStart[s], mi)
	}
	for _, ids := range v.mentionEnd {
		sortOutermost(doc.Mentions, ids)
	}
	return v
}

func sortOutermost(ms []whosaid.Mention, ids []int) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ms[ids[j]].Len() > ms[ids[j-1]].Len(); j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

func (v *view) span(i, j int) whosaid.Span {
	return whosaid.Span{Start: v.doc.Tokens[i].Start, End: v.doc.Tokens[j-1].End}
}

func (v *view) tag(i int) string { return v.doc.Tokens[i].POS }

func (v *view) capitalised(i int) bool {
	r, _ := utf8.DecodeRuneInString(v.words[i])
	return unicode.IsUpper(r)
}

// verbLike guesses whether token i is a verb: its POS tag when tagged,
// else the lexicon and a few endings.
func (v *view) verbLike(i int) bool {
	if v.pos {
		p := v.tag(i)
		return strings.HasPrefix(p, "VB") || p == "MD"
	}
	l := v.lower[i]
	if _, ok := lexicon.Lookup(l); ok {
		return true
	}
	return beForms[l] || modals[l] && l != "not" || l == "has" || l == "have" || l == "had" || l == "did" || l == "does" || l == "do"
}

// nounLike guesses whether token i can be part of a noun phrase.
func (v *view) nounLike(i int) bool {
	w, l := v.words[i], v.lower[i]
	if isPunctWord(w) {
		return w == "'s" || w == "’s" || w == "-" || w == "&"
	}
	if v.pos {
		p := v.tag(i)
		return strings.HasPrefix(p, "NN") || p == "JJ" || p == "JJR" || p == "JJS" || p == "CD" || p == "DT" || p == "PRP$" || p == "POS" || p == "VBN" && i > 0 && determiners[v.lower[i-1]]
	}
	if prepositions[l] || conjunctions[l] || clauseWords[l] || auxiliaries[l] || beForms[l] || subjectPronouns[l] {
		return false
	}
	if _, ok := lexicon.Lookup(l); ok && !v.capitalised(i) {
		// "a televised interview": a verb's form inside a noun phrase.
		return i > 0 && (determiners[v.lower[i-1]] || v.adjectivalParticiple(i-1))
	}
	return true
}
