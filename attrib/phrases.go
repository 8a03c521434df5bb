package attrib

import (
	"strings"
	"unicode"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// complementMode says how content follows a reporting verb.
type complementMode int

const (
	modeNone   complementMode = iota
	modeThat                  // "said that …"
	modeQuote                 // "said: “…”", "said, “…”"
	modeColon                 // "said: …"
	modeClause                // "said the talks failed"
	modeObject                // "criticized the decision"
)

// complement finds where the content of reporting verb c starts, skipping
// adverbs, commas, prepositional phrases ("in a televised interview", "on
// Friday") and an addressee ("told reporters that"). It returns -1 when
// no content follows.
func (v *view) complement(c cue, b int) (int, complementMode) {
	k := c.end
	n := len(v.words)
	for steps := 0; k < b && steps < 16; steps++ {
		w, l := v.words[k], v.lower[k]
		switch {
		case l == "that" && v.quote[k] < 0:
			if k+1 < b {
				return k, modeThat
			}
			return -1, modeNone
		case v.opens[k] >= 0:
			return k, modeQuote
		case w == ":":
			// A colon may end a paragraph whose next one is the quotation.
			if k+1 < n && v.opens[k+1] >= 0 {
				return k + 1, modeQuote
			}
			if k+1 < b {
				return k + 1, modeColon
			}
			return -1, modeNone
		case w == "," || w == "—" || w == "–":
			k++
		case v.pos && strings.HasPrefix(v.tag(k), "RB") || !v.pos && isAdverb(l) && !subjectPronouns[l]:
			k++
		case l == "to" && k+1 < b && v.verbLike(k+1):
			return -1, modeNone // "said to be", "wants to go"
		case prepositions[l] && c.entry.Class != lexicon.Communication:
			// "stated in a televised interview that …"; but "called for an
			// inquiry into the contract that …" has a relative clause.
			k = v.skipPP(k, b)
		case k == c.end:
			// An addressee before the content: "told him that", "warned
			// reporters that", "assured the public: “…”".
			if e, ok := v.npAfter(k, b); ok && e[1] < b {
				nl := v.lower[e[1]]
				if nl == "that" || v.opens[e[1]] >= 0 || v.words[e[1]] == ":" || v.words[e[1]] == "," && e[1]+1 < b && v.opens[e[1]+1] >= 0 {
					k = e[1]
					continue
				}
			}
			if objectPronouns[l] || !v.clauseStart(k) {
				return -1, modeNone
			}
			if c.entry.Class == lexicon.Communication {
				return k, modeObject
			}
			return k, modeClause
		default:
			return -1, modeNone
		}
	}
	return -1, modeNone
}

// skipPP skips a preposition and its noun phrase.
func (v *view) skipPP(k, b int) int {
	k++
	for k < b && v.lower[k] != "that" && v.opens[k] < 0 && (v.nounLike(k) || v.inMention(k) || v.adjectivalParticiple(k)) && !prepositions[v.lower[k]] {
		k++
	}
	return k
}

// adjectivalParticiple reports whether token k is a participle used as an
// adjective inside a noun phrase ("a televised interview").
func (v *view) adjectivalParticiple(k int) bool {
	if v.pos || k == 0 {
		return false
	}
	l := v.lower[k]
	return (strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "ing")) && determiners[v.lower[k-1]]
}

func (v *view) inMention(k int) bool {
	t := v.doc.Tokens[k]
	for _, m := range v.doc.Mentions {
		if m.Start <= t.Start && t.End <= m.End {
			return true
		}
		if m.Start > t.End {
			break
		}
	}
	return false
}

// clauseStart reports whether token k can open a clause: a subject
// pronoun, a determiner, a name, a number or a noun.
func (v *view) clauseStart(k int) bool {
	w, l := v.words[k], v.lower[k]
	if isPunctWord(w) || prepositions[l] || objectPronouns[l] && !subjectPronouns[l] || l == "to" || l == "by" || l == "as" {
		return false
	}
	if subjectPronouns[l] || determiners[l] || l == "there" {
		return true
	}
	if v.pos {
		p := v.tag(k)
		return strings.HasPrefix(p, "NN") || p == "DT" || p == "PRP" || p == "CD" || p == "JJ" || p == "EX"
	}
	return !v.verbLike(k)
}

// subjectStart returns the first token of the subject noun phrase of the
// verb at cueStart, looking no further left than a.
func (v *view) subjectStart(cueStart, a int) (int, bool) {
	s, _, ok := v.subjectRange(cueStart, a)
	return s, ok
}

// subject returns the source span and its mention (or -1) of the verb at
// cueStart.
func (v *view) subject(cueStart, a int) (whosaid.Span, int, bool) {
	s, e, ok := v.subjectRange(cueStart, a)
	if !ok {
		return whosaid.Span{}, -1, false
	}
	// "Hadidi, the leader of the movement, said": the head, or the name
	// in apposition to a nominal head.
	last := e - 1
	for last > s && !hasLetterOrDigit(v.words[last]) {
		last--
	}
	return v.span(s, e), speakerMention(v.doc, s, last), true
}

// subjectRange finds the noun phrase [s, e) right before a verb, skipping
// auxiliaries and adverbs, and an apposition closed by a comma.
func (v *view) subjectRange(cueStart, a int) (int, int, bool) {
	k := cueStart - 1
	for k >= a && (v.pos && (strings.HasPrefix(v.tag(k), "RB") || v.tag(k) == "MD") || auxiliaries[v.lower[k]] || isAdverb(v.lower[k])) && !subjectPronouns[v.lower[k]] {
		k--
	}
	if k < a {
		return 0, 0, false
	}
	// "X, the leader of Y, said" and "the leader of Y, X, said": step
	// over the comma closing the apposition.
	if v.words[k] == "," && k-1 >= a {
		if ms := v.mentionEnd[k-1]; len(ms) > 0 {
			m := v.doc.Mentions[ms[0]]
			s := v.doc.TokenAt(m.Start)
			if p := m.Apposition; p >= 0 && v.doc.Mentions[p].Start < m.Start {
				s = v.doc.TokenAt(v.doc.Mentions[p].Start)
			} else if s-1 < a || v.words[s-1] != "," || m.Kind == whosaid.MentionPronoun {
				return 0, 0, false
			}
			if s >= a {
				return s, k, true
			}
		}
		return 0, 0, false
	}
	if ms := v.mentionEnd[k]; len(ms) > 0 {
		m := v.doc.Mentions[ms[0]]
		if m.Kind == whosaid.MentionPronoun && !m.Relative {
			if _, ok := map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true}[v.lower[k]]; !ok {
				return 0, 0, false
			}
		}
		s := v.doc.TokenAt(m.Start)
		if s >= a {
			return s, k + 1, true
		}
	}
	if v.closes[k] >= 0 || v.quote[k] >= 0 {
		return 0, 0, false
	}
	j := k
	for j >= a && v.nounLike(j) && v.quote[j] < 0 {
		j--
	}
	s := j + 1
	if s > k {
		return 0, 0, false
	}
	// A determiner alone is no subject; nor is a lone number.
	content := false
	for i := s; i <= k; i++ {
		if !determiners[v.lower[i]] && !isPunctWord(v.words[i]) {
			content = true
		}
	}
	if !content {
		return 0, 0, false
	}
	return s, k + 1, true
}

// npAfter returns the noun phrase starting at k: a mention, or a run of
// noun-like tokens.
func (v *view) npAfter(k, b int) ([2]int, bool) {
	if k >= b {
		return [2]int{}, false
	}
	if ms := v.mentionStart[k]; len(ms) > 0 {
		best := -1
		for _, mi := range ms {
			if best < 0 || v.doc.Mentions[mi].End > v.doc.Mentions[best].End {
				best = mi
			}
		}
		e := v.doc.TokenAt(v.doc.Mentions[best].End-1) + 1
		if e <= b {
			return [2]int{k, e}, true
		}
	}
	e := k
	for e < b && e-k < 8 && v.nounLike(e) && v.quote[e] < 0 && v.lower[e] != "that" {
		e++
	}
	if e == k {
		return [2]int{}, false
	}
	for i := k; i < e; i++ {
		if !determiners[v.lower[i]] {
			return [2]int{k, e}, true
		}
	}
	return [2]int{}, false
}

// mentionIn returns the outermost mention inside tokens [s, e), preferring
// one that ends at e-1 (the head of an English noun phrase is at its right),
// or -1.
func (v *view) mentionIn(s, e int) int {
	if s >= e {
		return -1
	}
	sp := v.span(s, e)
	best := -1
	for mi := range v.doc.Mentions {
		m := &v.doc.Mentions[mi]
		if m.Start < sp.Start || m.End > sp.End {
			continue
		}
		switch {
		case best < 0:
			best = mi
		case m.End == sp.End && v.doc.Mentions[best].End != sp.End:
			best = mi
		case m.End == v.doc.Mentions[best].End && m.Len() > v.doc.Mentions[best].Len():
			best = mi
		}
	}
	return best
}

// agentMention picks the speaker inside a source phrase such as "the
// message mentioned by the minister": the agent after "by", else the
// phrase's first noun phrase ("Al-Ahd channel" in "Al-Ahd channel
// affiliated with the movement").
func (v *view) agentMention(s, e int, first bool) int {
	for i := s; i < e-1; i++ {
		if v.lower[i] == "by" {
			if m := v.mentionIn(i+1, e); m >= 0 {
				return m
			}
		}
	}
	if first {
		if ms := v.mentionStart[s]; len(ms) > 0 {
			best := ms[0]
			for _, mi := range ms {
				if v.doc.Mentions[mi].End > v.doc.Mentions[best].End && v.doc.Mentions[mi].End <= v.span(s, e).End {
					best = mi
				}
			}
			return best
		}
		// "the Velora channel affiliated with the movement": the head of
		// the phrase, not the movement.
		last := e - 1
		for last > s && !hasLetterOrDigit(v.words[last]) {
			last--
		}
		return speakerMention(v.doc, s, last)
	}
	return v.mentionIn(s, e)
}

// modalBefore reports whether a modal or a negation stands between the
// verb at cueStart and its subject ("could not negotiate").
func (v *view) modalBefore(cueStart, a int) bool {
	for k := cueStart - 1; k >= a && k >= cueStart-3; k-- {
		l := v.lower[k]
		if modals[l] {
			return true
		}
		if !auxiliaries[l] && !isAdverb(l) {
			return false
		}
	}
	return false
}

// coordinated reports whether the verb at cueStart is the second of two
// coordinated predicates ("…, and highlighted that").
func (v *view) coordinated(cueStart, a int) bool {
	k := cueStart - 1
	for k >= a && isAdverb(v.lower[k]) {
		k--
	}
	return k > a && conjunctions[v.lower[k]]
}

// clauseSubject finds the subject of the sentence [a, …) in which a verb
// at limit is coordinated: the first noun phrase after an introductory
// phrase ("During an interview with X, the leader Y spoke …").
func (v *view) clauseSubject(a, limit int) (int, int, bool) {
	k := a
	if prepositions[v.lower[k]] || isAdverb(v.lower[k]) {
		for k < limit && v.words[k] != "," {
			k++
		}
		k++
	}
	if k >= limit {
		return 0, 0, false
	}
	np, ok := v.npAfter(k, limit)
	if !ok || np[1] >= limit {
		return 0, 0, false
	}
	for j := np[1]; j < np[1]+3 && j < limit; j++ {
		if v.verbLike(j) {
			return np[0], np[1], true
		}
	}
	return 0, 0, false
}

// lastMentionOf is the outermost mention at the right end of source span
// src (or its apposed name), -1 if none: a name anywhere at the end of the
// phrase ("the candidate Ana Ruiz's doctor") tells a verb of communication
// reports a named party's speech, whoever of the phrase is its speaker.
func (v *view) lastMentionOf(src *whosaid.Span) int {
	if src == nil {
		return -1
	}
	first, last := v.doc.TokenAt(src.Start), v.doc.TokenAt(src.End-1)
	if first < 0 || last < 0 {
		return -1
	}
	m := v.mentionIn(first, last+1)
	if m >= 0 {
		if p := v.doc.Mentions[m].Apposition; p >= 0 && v.doc.Mentions[p].Kind == whosaid.MentionName && v.doc.Mentions[m].Kind != whosaid.MentionName {
			m = p
		}
	}
	return m
}

// namedSpeaker reports whether mention m is a person, a personal pronoun,
// or a named organisation.
func (v *view) namedSpeaker(m int) bool {
	if m < 0 {
		return false
	}
	mm := v.doc.Mentions[m]
	return v.personMention(m) || mm.Type == whosaid.Organization && mm.Kind == whosaid.MentionName
}

// personMention reports whether mention m is a person or a personal
// pronoun.
func (v *view) personMention(m int) bool {
	if m < 0 {
		return false
	}
	mm := v.doc.Mentions[m]
	return mm.Type == whosaid.Person || mm.Kind == whosaid.MentionPronoun && (mm.Gender == whosaid.Male || mm.Gender == whosaid.Female)
}

// MentionFor returns the index of the mention that names the speaker in
// source span s of doc — the outermost mention at the right end of the
// span, or its apposed name — or -1.
func MentionFor(doc *whosaid.Doc, s whosaid.Span) int {
	first, last := doc.TokenAt(s.Start), doc.TokenAt(s.End-1)
	if first < 0 || last < 0 {
		return -1
	}
	// A source phrase closed by punctuation ("its chief executive, Ana
	// Ruiz,") ends at its last word.
	for last > first && !hasLetterOrDigit(doc.Str(doc.Tokens[last].Span)) {
		last--
	}
	return speakerMention(doc, first, last)
}

// speakerMention is the mention naming the speaker of the source phrase
// in tokens [first, last]: the head of the noun phrase (headMention), or
// its apposed name; where the phrase has no head chunk to read, the
// outermost mention at its right end. It reads only the tokens and
// mentions: no word tables (which cost the whole article for each
// statement).
func speakerMention(doc *whosaid.Doc, first, last int) int {
	if m, ok := headMention(doc, first, last); ok {
		return m
	}
	v := &view{doc: doc}
	m := v.mentionIn(first, last+1)
	if m >= 0 {
		if p := doc.Mentions[m].Apposition; p >= 0 && doc.Mentions[p].Kind == whosaid.MentionName && doc.Mentions[m].Kind != whosaid.MentionName {
			m = p
		}
	}
	return m
}

// hasLetterOrDigit reports whether w is a word rather than punctuation.
func hasLetterOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
