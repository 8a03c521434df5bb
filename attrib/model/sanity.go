package model

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// closedClass words cannot name a speaker on their own: a source made only
// of them is a tagging slip ("but", "also", "in this regard").
var closedClass = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and but or nor so yet for of in on at to from by with as about
		into over after before than also then still just even only however
		moreover furthermore additionally meanwhile while when where there here
		not no very too again further thus hence therefore indeed`) {
		closedClass[w] = true
	}
}

// plausibleSource tells whether a source span holds at least one word
// that can refer to someone.
func plausibleSource(doc *whosaid.Doc, s whosaid.Span) bool {
	for i := doc.TokenAt(s.Start); i >= 0 && i < len(doc.Tokens) && doc.Tokens[i].Start < s.End; i++ {
		w := strings.ToLower(doc.Str(doc.Tokens[i].Span))
		if wordy(w) && !closedClass[w] {
			return true
		}
	}
	return false
}

// plausibleCue tells whether a cue holds a reporting word: a form of the
// lexicon, "according", or a colon introducing a quotation.
func plausibleCue(doc *whosaid.Doc, c whosaid.Span) bool {
	for i := doc.TokenAt(c.Start); i >= 0 && i < len(doc.Tokens) && doc.Tokens[i].Start < c.End; i++ {
		w := strings.ToLower(doc.Str(doc.Tokens[i].Span))
		if _, ok := lexicon.Lookup(w); ok || w == "according" || w == ":" || verbLike(doc, i, w) {
			return true
		}
	}
	return false
}

// saneStatements drops sources that cannot refer to anyone and statements
// whose cue holds no word that can report ("city against").
func saneStatements(doc *whosaid.Doc, sts []whosaid.Statement) []whosaid.Statement {
	out := sts[:0]
	for _, st := range sts {
		if st.Source != nil && !plausibleSource(doc, *st.Source) {
			st.Source, st.Mention = nil, -1
		}
		if st.Cue != nil && !plausibleCue(doc, *st.Cue) {
			continue
		}
		out = append(out, st)
	}
	return out
}

// verbLike tells whether a word can be a verb: its POS tag when the syntax
// stage ran, else an inflection only verbs and plurals carry.
func verbLike(doc *whosaid.Doc, i int, w string) bool {
	if pos := doc.Tokens[i].POS; pos != "" {
		return strings.HasPrefix(pos, "VB") || pos == "MD"
	}
	if len(w) < 4 {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s")
}
