package model

import (
	"sort"

	"github.com/whosaid/whosaid"
)

// Combine merges the tagger's statements with the rules' statements. The
// tagger decides where both found something; a rule statement is added
// only where the tagger saw nothing (neither its cue nor its content
// overlaps a tagged statement), which recovers constructions a news
// corpus rarely shows (run-on sentences, rare reporting verbs).
// A tagged statement without a source whose cue opens its sentence
// ("Noting that …") continues the speaker of the statement before it, as
// the rules do for participles.
func Combine(doc *whosaid.Doc, tagged, rules []whosaid.Statement) []whosaid.Statement {
	out := append([]whosaid.Statement(nil), tagged...)
	for _, r := range rules {
		if r.Cue == nil {
			continue
		}
		if nested(doc, r, tagged) {
			r.Score = min(r.Score, 0.6)
			out = append(out, r)
			continue
		}
		if k := overlapping(r, out); k >= 0 {
			// Where the rules tie a content to a cue of its own sentence and
			// the tagger tied it to a cue elsewhere, the rules are right;
			// so they are where the tagger missed a subject's reporting verb
			// and gave its content to a later cue ("X warned on Monday
			// that …, blaming …": the tagger's cue stands inside or after
			// the content the rules found).
			if ownSentence(doc, r) && !ownSentence(doc, out[k]) || missedCue(doc, r, out[k]) {
				out[k] = r
			}
			continue
		}
		r.Score = min(r.Score, 0.6)
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ContentSpan().Start < out[j].ContentSpan().Start })
	for i := range out {
		st := &out[i]
		if st.Source != nil || st.Mention >= 0 || st.Cue == nil || i == 0 {
			continue
		}
		si := doc.SentenceAt(st.Cue.Start)
		prev := out[i-1]
		if si < 0 || prev.Mention < 0 {
			continue
		}
		// A cue opening its sentence continues the speaker of the sentence
		// before; a cue later in a sentence, coordinated with an earlier
		// one ("he said …, but also pointed out …"), shares its subject.
		sameSentence := prev.Cue != nil && doc.SentenceAt(prev.Cue.Start) == si
		if ps := doc.SentenceAt(prev.ContentSpan().Start); sameSentence || opensSentence(doc, si, st.Cue.Start) && ps >= si-2 {
			st.Mention = prev.Mention
			st.Score = min(st.Score, 0.6)
		}
	}
	return out
}

// nested reports whether rule statement r lies inside the content of a
// tagged statement with a relative pronoun for its source ("he referred
// to [figures like X who told him that …]"): speech reported within
// speech, which the tagger's one label per token cannot show. Other
// nested rule statements are not taken: inside reported speech the rules
// find more verbs than statements.
func nested(doc *whosaid.Doc, r whosaid.Statement, tagged []whosaid.Statement) bool {
	if r.Source == nil || len(r.Content) == 0 {
		return false
	}
	if k := doc.TokenAt(r.Source.Start); k < 0 || doc.Tokens[k].End != r.Source.End || (doc.Tokens[k].POS != "WP" && doc.Tokens[k].POS != "WDT") {
		return false
	}
	rc := r.ContentSpan()
	for _, t := range tagged {
		if len(t.Content) == 0 {
			continue
		}
		tc := t.ContentSpan()
		if tc.Contains(*r.Source) && tc.Contains(*r.Cue) && tc.Contains(rc) {
			return true
		}
	}
	return false
}

// missedCue reports whether rule statement r, a reporting verb with its
// subject before it and a content after it, explains tagged statement t
// better: t's cue is a participle after r's cue ("…, blaming"), and t's
// content starts where r's content does, before t's own cue.
func missedCue(doc *whosaid.Doc, r, t whosaid.Statement) bool {
	if r.Source == nil || r.Cue == nil || t.Cue == nil || len(r.Content) == 0 || len(t.Content) == 0 || r.Score < 0.8 {
		return false
	}
	if k := doc.TokenAt(t.Cue.Start); k < 0 || doc.Tokens[k].POS != "VBG" || doc.Tokens[k].End != t.Cue.End ||
		doc.SentenceAt(t.Cue.Start) != doc.SentenceAt(r.Cue.Start) {
		return false // one participle in the same sentence, not a phrase such as "according to"
	}
	if t.Cue.Overlaps(*r.Cue) || r.Source.Start >= r.Cue.Start || t.Cue.Start <= r.Cue.End {
		return false
	}
	rc, tc := r.ContentSpan(), t.ContentSpan()
	return rc.Start > r.Cue.Start && tc.Start <= rc.Start && tc.Start < t.Cue.Start
}

// overlapping returns the index of a statement sharing r's cue or content,
// or -1.
func overlapping(r whosaid.Statement, sts []whosaid.Statement) int {
	rc := r.ContentSpan()
	for k, t := range sts {
		if t.Cue != nil && t.Cue.Overlaps(*r.Cue) || rc.Overlaps(t.ContentSpan()) {
			return k
		}
	}
	return -1
}

// ownSentence tells whether the statement's cue stands in a sentence its
// content covers.
func ownSentence(doc *whosaid.Doc, st whosaid.Statement) bool {
	if st.Cue == nil {
		return false
	}
	cs := doc.SentenceAt(st.Cue.Start)
	for _, c := range st.Content {
		if a, b := doc.SentenceAt(c.Start), doc.SentenceAt(max(c.Start, c.End-1)); cs >= a && cs <= b {
			return true
		}
	}
	return false
}

// opensSentence tells whether only punctuation and conjunctions come
// before byte b in sentence si.
func opensSentence(doc *whosaid.Doc, si, b int) bool {
	s := doc.Sentences[si]
	for i := s.FirstToken; i < s.EndToken && doc.Tokens[i].Start < b; i++ {
		w := doc.Str(doc.Tokens[i].Span)
		if wordy(w) && !conjunction[w] {
			return false
		}
	}
	return true
}

var conjunction = map[string]bool{"and": true, "And": true, "but": true, "But": true, "while": true, "While": true}
