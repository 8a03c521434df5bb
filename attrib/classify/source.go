package classify

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// sourceType is what kind of source the statement names: from its
// mention's kind and type and the entity it was resolved to, else from
// the head noun of the source span.
func sourceType(doc *whosaid.Doc, s *whosaid.Statement) whosaid.SourceType {
	if s.Source == nil || s.Source.Empty() {
		return whosaid.SourceNone
	}
	if s.Mention >= 0 && s.Mention < len(doc.Mentions) {
		if t, ok := mentionType(doc, s, &doc.Mentions[s.Mention]); ok {
			return t
		}
	}
	return headType(doc, *s.Source)
}

func mentionType(doc *whosaid.Doc, s *whosaid.Statement, m *whosaid.Mention) (whosaid.SourceType, bool) {
	entity := whosaid.UnknownType
	if s.Entity >= 0 && s.Entity < len(doc.Entities) {
		entity = doc.Entities[s.Entity].Type
	}
	switch m.Kind {
	case whosaid.MentionPronoun:
		l := strings.ToLower(doc.Str(m.Span))
		switch {
		case firstPerson[l]:
			if insideQuote(doc, m.Start) {
				return whosaid.SourcePerson, true
			}
			return whosaid.SourceAuthor, true
		case entity == whosaid.Person:
			return whosaid.SourcePerson, true
		case entity == whosaid.Organization:
			return whosaid.SourceOrganization, true
		case m.Plural || l == "they" || l == "them":
			return whosaid.SourceGroup, true
		case m.Gender == whosaid.Male || m.Gender == whosaid.Female || l == "who":
			return whosaid.SourcePerson, true
		}
		return "", false // "it", "which": by the head it stands for, if any
	case whosaid.MentionName, whosaid.MentionHonorific:
		if t := headType(doc, m.Span); t == whosaid.SourceDocument {
			return t, true // "the Annual Food Price Report"
		}
		if m.Type == whosaid.Organization || entity == whosaid.Organization {
			return whosaid.SourceOrganization, true
		}
		return whosaid.SourcePerson, true
	}
	// Nominal: the role noun decides.
	return "", false
}

// headType types a source span by its head noun: the last word before a
// comma, "of", "who", "at" or "for" ("a spokesman for the ministry" →
// spokesman; "an August report from the budget office" → report).
func headType(doc *whosaid.Doc, sp whosaid.Span) whosaid.SourceType {
	first, end := tokensIn(doc, sp)
	head := -1
	for i := first; i < end; i++ {
		l := lower(doc, i)
		if i > first && (l == "," || l == "of" || l == "who" || l == "which" || l == "at" || l == "for" || l == "from" || l == "with" || l == "in" || l == "(") {
			break
		}
		if isWord(l) {
			head = i
		}
	}
	if head < 0 {
		return whosaid.SourceThing
	}
	l := lower(doc, head)
	w := doc.Str(doc.Tokens[head].Span)
	determiner := lower(doc, first)
	switch {
	case firstPerson[l]:
		if insideQuote(doc, doc.Tokens[head].Start) {
			return whosaid.SourcePerson
		}
		return whosaid.SourceAuthor
	case documentNouns[l]:
		return whosaid.SourceDocument
	}
	if r, ok := lexicon.Role(l); ok {
		switch {
		case r.Org:
			return whosaid.SourceOrganization
		case r.Plural:
			return whosaid.SourceGroup
		case determiner == "a" || determiner == "an" || determiner == "one" || determiner == "another":
			return whosaid.SourceAnonymous
		}
		return whosaid.SourcePerson
	}
	if thingNouns[l] {
		return whosaid.SourceThing
	}
	if w != l && head > first || w != l && !sentenceStart(doc, head) {
		// A capitalised word inside the span: a name the mention
		// detector did not type.
		if lexicon.IsOrgHead(w) {
			return whosaid.SourceOrganization
		}
		return whosaid.SourcePerson
	}
	if lexicon.IsOrgHead(w) {
		return whosaid.SourceOrganization
	}
	if strings.HasSuffix(l, "ers") || strings.HasSuffix(l, "ists") || strings.HasSuffix(l, "ians") || strings.HasSuffix(l, "ants") || strings.HasSuffix(l, "ents") {
		// "protesters", "economists", "physicians", "residents": people.
		return whosaid.SourceGroup
	}
	return whosaid.SourceThing
}

func isWord(l string) bool {
	for _, r := range l {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f {
			return true
		}
	}
	return false
}

func sentenceStart(doc *whosaid.Doc, i int) bool {
	si := doc.SentenceAt(doc.Tokens[i].Start)
	return si >= 0 && doc.Sentences[si].FirstToken == i
}

// insideQuote reports whether byte offset b lies inside a quotation.
func insideQuote(doc *whosaid.Doc, b int) bool {
	for _, q := range doc.Quotes {
		if q.Outer.Start <= b && b < q.Outer.End {
			return true
		}
	}
	return false
}
