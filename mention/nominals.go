package mention

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// determiners open a role nominal ("the leader", "its spokesman").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "these": true, "those": true,
	"another": true, "one": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"my": true, "your": true, "some": true, "several": true, "two": true, "three": true, "many": true,
}

// nominals finds role noun phrases and attaches role descriptions that
// precede a name ("resistance leader X") to that name's mention.
func (s *sentence) nominals(ms []whosaid.Mention) []whosaid.Mention {
	for i := 0; i < len(s.toks); i++ {
		if s.taken[i] {
			continue
		}
		r, ok := lexicon.Role(s.lower[i])
		if !ok {
			continue
		}
		if s.modifiesNext(i) {
			continue // "military" in "the military forces" is no head
		}
		start := s.modifiersStart(i)
		// A role right before a name describes that name.
		if k := s.mentionStartingAt(ms, i+1); k >= 0 && ms[k].Kind == whosaid.MentionName && ms[k].Type != whosaid.Organization && !r.Org && !r.Plural {
			m := &ms[k]
			if start > 0 && determiners[s.lower[start-1]] && s.lower[start-1] != "his" && s.lower[start-1] != "her" {
				start--
			}
			m.Role = s.text(start, i+1)
			m.Span.Start = s.toks[start].Start
			m.Type = whosaid.Person
			if m.Gender == "" {
				m.Gender = r.Gender
			}
			s.take(start, i+1)
			continue
		}
		det := start > 0 && determiners[s.lower[start-1]] && !s.taken[start-1]
		_, isTitle := lexicon.Title(s.lower[i])
		switch {
		case det:
			start--
		case r.Plural:
		case isTitle && start == i:
			// A bare title standing for a person ("sheik referred to …").
			m := newMention(s.span(i, i+1), whosaid.MentionHonorific)
			m.Type, m.Gender = whosaid.Person, r.Gender
			m.Titles = []string{s.words[i]}
			ms = append(ms, m)
			s.take(i, i+1)
			continue
		default:
			continue
		}
		end := s.complementEnd(i + 1)
		m := newMention(s.span(start, end), whosaid.MentionNominal)
		m.Head = s.span(i, i+1)
		m.Role = strings.TrimSpace(s.text(nonDet(s, start), end))
		m.Plural = r.Plural
		m.Gender = r.Gender
		switch {
		case r.Org:
			m.Type, m.Gender = whosaid.Organization, whosaid.Neuter
		case !r.Plural:
			m.Type = whosaid.Person
		}
		ms = append(ms, m)
		s.take(start, i+1)
	}
	return ms
}

func nonDet(s *sentence, start int) int {
	if determiners[s.lower[start]] {
		return start + 1
	}
	return start
}

// modifiesNext reports whether the word at i is a modifier of the next
// word rather than the head of its phrase.
func (s *sentence) modifiesNext(i int) bool {
	if i+1 >= len(s.toks) {
		return false
	}
	if s.hasPOS() {
		return strings.HasPrefix(s.toks[i+1].POS, "NN") && !capitalised(s.words[i+1])
	}
	l := s.lower[i+1]
	if capitalised(s.words[i+1]) || isPunct(s.words[i+1]) || notNames[l] || determiners[l] {
		return false
	}
	if _, ok := lexicon.Lookup(l); ok {
		return false
	}
	if _, ok := pronouns[l]; ok {
		return false
	}
	switch l {
	case "who", "which", "that", "has", "had", "have", "is", "was", "were", "are", "will", "would", "also":
		return false
	}
	return true
}

// modifiersStart walks left from the role noun at i over its modifiers —
// adjectives, nouns, nationalities, names ("the Iraqi resistance leader",
// "the Wafa leader") — and returns the first modifier's index.
func (s *sentence) modifiersStart(i int) int {
	k := i
	for k > 0 {
		w, l := s.words[k-1], s.lower[k-1]
		// A possessive modifier: "the dockworkers' leader", "the party's chief".
		if (w == "'" || w == "’" || l == "'s" || l == "’s") && k-2 >= 0 && !isPunct(s.words[k-2]) {
			k -= 2
			continue
		}
		if determiners[l] || notNames[l] || isPunct(w) {
			break
		}
		if _, ok := lexicon.Lookup(l); ok && !capitalised(w) {
			break
		}
		if _, ok := pronouns[l]; ok {
			break
		}
		if s.hasPOS() {
			p := s.toks[k-1].POS
			if !(strings.HasPrefix(p, "NN") || p == "JJ" || p == "VBN" || p == "VBG") {
				break
			}
		} else if strings.HasSuffix(l, "ly") {
			break
		}
		k--
		if i-k >= 4 {
			break
		}
	}
	return k
}

// complementEnd extends a nominal over "of X" / "for X" ("the leader of
// the winning coalition", "a spokesman for the army").
func (s *sentence) complementEnd(j int) int {
	if j >= len(s.toks) || (s.lower[j] != "of" && s.lower[j] != "for") {
		return j
	}
	k := j + 1
	if k < len(s.toks) && determiners[s.lower[k]] {
		k++
	}
	start := k
	for k < len(s.toks) && k-start < 6 {
		w, l := s.words[k], s.lower[k]
		if isPunct(w) || l == "that" || l == "who" || l == "which" || l == "and" || l == "of" && k == start {
			break
		}
		if _, ok := lexicon.Lookup(l); ok && !capitalised(w) && k > start {
			break
		}
		if notNames[l] && !nameConnectors[l] {
			break
		}
		if s.hasPOS() {
			p := s.toks[k].POS
			if strings.HasPrefix(p, "VB") || p == "IN" && l != "of" || p == "MD" || p == "RB" {
				break
			}
		}
		k++
	}
	if k == start {
		return j
	}
	return k
}

func isPunct(w string) bool {
	for _, r := range w {
		if r == '-' || r == '\'' || r == '’' {
			continue
		}
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r > 0x7f && !isQuoteOrDash(r) {
			return false
		}
	}
	return true
}

func isQuoteOrDash(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '«', '»', '—', '–', '…':
		return true
	}
	return false
}

// mentionStartingAt returns the index in ms of a mention whose head starts
// at token i, or -1.
func (s *sentence) mentionStartingAt(ms []whosaid.Mention, i int) int {
	if i >= len(s.toks) {
		return -1
	}
	for k := range ms {
		if ms[k].Start == s.toks[i].Start {
			return k
		}
	}
	return -1
}

// appositions links "A, B," pairs where one is a name and the other a role
// nominal: "Hadidi, the leader of the movement," and "the head of the
// party, John Doe,".
func (s *sentence) appositions(ms []whosaid.Mention) {
	for a := 0; a+1 < len(ms); a++ {
		b := a + 1
		for b < len(ms) && ms[b].Start < ms[a].End {
			b++ // skip mentions nested in a
		}
		if b >= len(ms) {
			return
		}
		ia, ib := s.tokenEnding(ms[a].End), s.tokenStarting(ms[b].Start)
		if ia < 0 || ib < 0 || ib != ia+2 || s.words[ia+1] != "," {
			continue
		}
		kinds := []whosaid.MentionKind{ms[a].Kind, ms[b].Kind}
		if !(kinds[0] == whosaid.MentionName && kinds[1] == whosaid.MentionNominal ||
			kinds[0] == whosaid.MentionNominal && kinds[1] == whosaid.MentionName) {
			continue
		}
		if ms[a].Type == whosaid.Organization || ms[b].Type == whosaid.Organization || ms[a].Plural != ms[b].Plural {
			continue
		}
		// B must end at a comma, the sentence end or a verb.
		be := s.tokenEnding(ms[b].End)
		if be+1 < len(s.toks) && !closesPhrase(s.words[be+1]) && !s.verbLike(be+1) {
			continue
		}
		// "At a meeting in Kelby, the mayor said": A closes an opening
		// prepositional phrase and B, before its verb, is the subject.
		if sa := s.tokenStarting(ms[a].Start); sa > 0 && introPrepositions[s.lower[sa-1]] && be+1 < len(s.toks) && !closesPhrase(s.words[be+1]) {
			continue
		}
		ms[a].Apposition, ms[b].Apposition = b, a
	}
}

// introPrepositions open a phrase of place or time before a clause.
var introPrepositions = map[string]bool{"in": true, "at": true, "from": true, "near": true, "outside": true,
	"inside": true, "across": true, "after": true, "before": true, "during": true, "since": true, "on": true}

func (s *sentence) verbLike(i int) bool {
	if s.hasPOS() {
		return strings.HasPrefix(s.toks[i].POS, "VB") || s.toks[i].POS == "MD" || s.toks[i].POS == "RB"
	}
	l := s.lower[i]
	if _, ok := lexicon.Lookup(l); ok {
		return true
	}
	switch l {
	case "is", "was", "has", "had", "have", "will", "would", "also", "then", "said", "says":
		return true
	}
	return false
}

func (s *sentence) tokenEnding(b int) int {
	for i, t := range s.toks {
		if t.End == b {
			return i
		}
	}
	return -1
}

func (s *sentence) tokenStarting(b int) int {
	for i, t := range s.toks {
		if t.Start == b {
			return i
		}
	}
	return -1
}

// closesPhrase reports whether token w ends a noun phrase in apposition:
// a comma, a closing bracket, or the punctuation that ends a sentence
// ("…, said Ana Ruiz, the head of the union.").
func closesPhrase(w string) bool {
	switch w {
	case ",", ")", ".", "!", "?", ";", ":", "”", "\"", "’", "—", "–":
		return true
	}
	return false
}
