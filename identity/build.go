package identity

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// build turns clusters into Doc.Entities. A cluster of pronouns alone
// names nobody and makes no entity.
func (r *resolver) build() {
	doc := r.doc
	doc.Entities = doc.Entities[:0]
	roots := r.members()
	keys := make([]int, 0, len(roots))
	for k := range roots {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for i := range doc.Mentions {
		doc.Mentions[i].Entity = -1
	}
	entityOf := make([]int, len(r.ms))
	for i := range entityOf {
		entityOf[i] = -1
	}
	for _, root := range keys {
		ms := roots[root]
		e := whosaid.Entity{Type: r.clusterType(ms), Gender: r.clusterGender(ms), Mentions: ms, Why: r.why[root]}
		e.Name = r.entityName(ms)
		if e.Name == "" || r.onlyDocuments(ms) {
			continue
		}
		if e.Type == whosaid.UnknownType {
			e.Type = r.guessType(ms)
		}
		seenT, seenR := map[string]bool{}, map[string]bool{}
		for _, i := range ms {
			m := r.mention(i)
			for _, t := range m.Titles {
				if !seenT[t] {
					seenT[t] = true
					e.Titles = append(e.Titles, t)
				}
			}
			if m.Role != "" && !seenR[m.Role] && m.Kind != whosaid.MentionPronoun {
				seenR[m.Role] = true
				e.Roles = append(e.Roles, m.Role)
			}
		}
		idx := len(doc.Entities)
		// The entity's mentions are the Doc's; a source the detector did
		// not find is kept as the entity's Sources.
		e.Mentions = nil
		for _, i := range ms {
			entityOf[i] = idx
			if d := r.docIdx[i]; d >= 0 {
				e.Mentions = append(e.Mentions, d)
				doc.Mentions[d].Entity = idx
			} else {
				e.Sources = append(e.Sources, r.ms[i].Span)
			}
		}
		doc.Entities = append(doc.Entities, e)
	}
	for k := range doc.Statements {
		s := &doc.Statements[k]
		s.Entity = -1
		m := r.srcOf[k]
		// A carrier of someone else's words is not their speaker.
		if m < 0 || s.Intermediary {
			continue
		}
		if is, ok := r.issuer[m]; ok {
			// A document speaks with its issuer's voice; an outlet or a
			// document of unknown origin gives no speaker.
			if is >= 0 {
				s.Entity = entityOf[is]
			}
			continue
		}
		s.Entity = entityOf[m]
	}
	r.turns()
}

// turns gives a quotation with no reporting expression of its own to the
// current speaker of the passage: the speaker of the last statement
// before it that has a cue outside every quotation (turn-taking: a quote
// paragraph after a named speaker's quote is that speaker's, unless
// another speaker intervenes). A cue inside a quotation reports speech
// within speech ("people have told me …"), not a new turn.
func (r *resolver) turns() {
	doc := r.doc
	order := make([]int, len(doc.Statements))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool {
		return doc.Statements[order[a]].ContentSpan().Start < doc.Statements[order[b]].ContentSpan().Start
	})
	current := -1
	for _, k := range order {
		s := &doc.Statements[k]
		if s.Cue == nil {
			if current >= 0 {
				s.Entity = current
			}
			continue
		}
		if r.inQuote(s.Cue.Start) {
			continue
		}
		current = s.Entity
	}
}

// onlyDocuments reports whether a cluster is made of document and outlet
// noun phrases alone: it names no one.
func (r *resolver) onlyDocuments(ms []int) bool {
	for _, i := range ms {
		if !r.isDocument(i) && !r.isRelay(i) {
			return false
		}
	}
	return true
}

// entityName is the fullest proper name of the cluster: most words, then
// longest; without a name, its role description or form of address.
func (r *resolver) entityName(ms []int) string {
	best, bestWords := "", 0
	for _, i := range ms {
		m := r.mention(i)
		if m.Kind != whosaid.MentionName || m.Name == "" {
			continue
		}
		n := len(foldWords(m.Name))
		if n > bestWords || n == bestWords && utf8.RuneCountInString(m.Name) > utf8.RuneCountInString(best) {
			best, bestWords = m.Name, n
		}
	}
	if best != "" {
		return best
	}
	for _, i := range ms {
		m := r.mention(i)
		switch m.Kind {
		case whosaid.MentionNominal:
			return strings.TrimSpace(stripDeterminer(r.doc.Str(m.Span)))
		case whosaid.MentionHonorific:
			return r.doc.Str(m.Span)
		}
	}
	return ""
}

func stripDeterminer(s string) string {
	for _, d := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if strings.HasPrefix(s, d) {
			return s[len(d):]
		}
	}
	return s
}

// guessType calls a cluster a person when a personal pronoun or a name of
// two or more words refers to it.
func (r *resolver) guessType(ms []int) whosaid.EntityType {
	for _, i := range ms {
		m := r.mention(i)
		if m.Kind == whosaid.MentionPronoun && (m.Gender == whosaid.Male || m.Gender == whosaid.Female) {
			return whosaid.Person
		}
		if m.Kind == whosaid.MentionName && len(foldWords(m.Name)) >= 2 {
			return whosaid.Person
		}
	}
	return whosaid.UnknownType
}
