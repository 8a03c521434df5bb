package classify

import (
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// cueFacts is what the classifier reads off a statement's cue.
type cueFacts struct {
	head      int // token of the reporting verb, -1 when none is found
	lemma     string
	lexClass  lexicon.Class
	according bool // "according to"
	colon     bool // the cue is a colon
	caption   bool // an upper-case kicker ("READ MORE", "WATCH")
	negated   bool // "did not say", "never said"
	passive   bool // "is expected", "was asked"
	// nominal: the cue's head is a noun ("questions about", "his
	// remarks"); infinitive: it follows "to" ("to address", "to blame");
	// imperative: a bare verb opens a sentence with no source ("Note
	// that").
	nominal, infinitive, imperative bool
}

// class is the statement's class and the classifier's confidence in it.
// The confidences are fixed per rule: how clear-cut the rule is, not a
// probability fitted to a corpus.
func class(doc *whosaid.Doc, s *whosaid.Statement) (whosaid.StatementClass, float64) {
	c := readCue(doc, s)
	direct := s.Kind == whosaid.Direct
	switch {
	case c.caption:
		return whosaid.ClassOther, 0.9
	case direct && !c.negated:
		// Words in quotation marks were said or written, whatever the
		// verb that introduces them ("she thinks: '…'" is rare).
		if c.lexClass == lexicon.Speech || c.according {
			return whosaid.ClassSpeech, 0.95
		}
		return whosaid.ClassSpeech, 0.85
	case c.according:
		return whosaid.ClassSpeech, 0.9
	case c.colon:
		if s.Kind == whosaid.Mixed {
			return whosaid.ClassSpeech, 0.7
		}
		return whosaid.ClassOther, 0.6
	case c.negated:
		return whosaid.ClassOther, 0.8
	case c.nominal, c.imperative:
		return whosaid.ClassOther, 0.7
	case c.infinitive:
		// "to address the issues", "wants to talk about": what someone
		// means to say, not what was said.
		return whosaid.ClassIntent, 0.7
	}
	form := contentForm(doc, s)
	switch form {
	case formInfinitive:
		return whosaid.ClassIntent, 0.8
	case formFigure:
		return whosaid.ClassOther, 0.85
	}
	if perceptionVerbs[c.lemma] {
		return whosaid.ClassEvidence, 0.8
	}
	if c.passive {
		if c.lexClass == lexicon.Cognition {
			return whosaid.ClassThought, 0.8
		}
		return whosaid.ClassOther, 0.7
	}
	if s.SourceType == whosaid.SourceDocument || s.SourceType == whosaid.SourceThing {
		if evidenceVerbs[c.lemma] && !documentSpeechVerbs[c.lemma] {
			return whosaid.ClassEvidence, 0.8
		}
	}
	if s.SourceType == whosaid.SourceThing && !utteranceVerbs[c.lemma] && s.Kind == whosaid.Indirect {
		// "the move pointed to", "the index added": no one speaks.
		return whosaid.ClassOther, 0.7
	}
	switch c.lexClass {
	case lexicon.Cognition:
		return whosaid.ClassThought, 0.85
	case lexicon.Speech:
		if form == formPhrase && s.Kind == whosaid.Indirect && !utteranceVerbs[c.lemma] && !objectControl(doc, s) {
			// "announced a plan", "denied wrongdoing": an act named by a
			// noun phrase, not words reported.
			return whosaid.ClassOther, 0.6
		}
		return whosaid.ClassSpeech, 0.85
	case lexicon.Communication:
		if s.Kind == whosaid.Mixed || form == formClause || objectControl(doc, s) {
			return whosaid.ClassSpeech, 0.65
		}
		if c.lemma == "call" {
			// "called the plan a disaster": naming is saying.
			return whosaid.ClassSpeech, 0.6
		}
		return whosaid.ClassOther, 0.65
	}
	if s.Kind == whosaid.Mixed {
		return whosaid.ClassSpeech, 0.6
	}
	return whosaid.ClassOther, 0.7
}

// readCue finds the cue's reporting verb and what surrounds it.
func readCue(doc *whosaid.Doc, s *whosaid.Statement) cueFacts {
	c := cueFacts{head: -1}
	if s.Cue == nil || s.Cue.Empty() {
		return c
	}
	first, end := tokensIn(doc, *s.Cue)
	if first >= end {
		return c
	}
	w0 := doc.Str(doc.Tokens[first].Span)
	if isAllCaps(w0) {
		c.caption = true
	}
	l0 := lower(doc, first)
	if l0 == "according" {
		c.according = true
		return c
	}
	if l0 == ":" && end-first == 1 {
		c.colon = true
		return c
	}
	// The reporting verb: the last lexicon form tagged as a verb, else
	// the last lexicon form, else the last verb.
	lastVerb := -1
	for i := end - 1; i >= first; i-- {
		l := lower(doc, i)
		e, ok := lexicon.Lookup(l)
		isVerb := strings.HasPrefix(doc.Tokens[i].POS, "VB")
		if ok && isVerb {
			c.head, c.lemma, c.lexClass = i, e.Lemma, e.Class
			break
		}
		if ok && c.head < 0 {
			c.head, c.lemma, c.lexClass = i, e.Lemma, e.Class
		}
		if isVerb && lastVerb < 0 {
			lastVerb = i
		}
	}
	if c.head < 0 {
		c.head = lastVerb
		if c.head >= 0 {
			c.lemma = baseForm(lower(doc, c.head))
		}
	}
	if c.head < 0 {
		return c
	}
	pos := doc.Tokens[c.head].POS
	c.nominal = pos != "" && !strings.HasPrefix(pos, "VB")
	if c.head > 0 && lower(doc, c.head-1) == "to" || lower(doc, first) == "to" {
		c.infinitive = true
	}
	if pos == "VB" && (s.Source == nil || s.Source.Empty()) && sentenceStart(doc, c.head) {
		c.imperative = true
	}
	// Negation and passive: look back from the verb over auxiliaries,
	// adverbs and negations, as far as the cue's own start or two words
	// before it.
	stop := first - 2
	if stop < 0 {
		stop = 0
	}
	sent := doc.SentenceAt(doc.Tokens[c.head].Start)
	for i := c.head - 1; i >= stop; i-- {
		if doc.SentenceAt(doc.Tokens[i].Start) != sent {
			break
		}
		l := lower(doc, i)
		switch {
		case negations[l]:
			c.negated = true
		case beForms[l]:
			if pos := doc.Tokens[c.head].POS; pos == "VBN" || pos == "VBD" && strings.HasSuffix(lower(doc, c.head), "ed") {
				c.passive = true
			}
		case auxiliaries[l] || strings.HasSuffix(l, "ly") || doc.Tokens[i].POS == "RB":
		default:
			i = stop // another word: stop looking
		}
	}
	return c
}

type form int

const (
	formClause     form = iota // "that taxes will rise", "taxes will rise"
	formPhrase                 // a noun phrase: "a plan", "wrongdoing"
	formInfinitive             // "to cut taxes"
	formFigure                 // "0.4 per cent to 5,835"
)

// contentForm tells what shape the content has. Only the first fragment
// is read: that is where the reported clause starts.
func contentForm(doc *whosaid.Doc, s *whosaid.Statement) form {
	if len(s.Content) == 0 {
		return formPhrase
	}
	first, end := tokensIn(doc, s.Content[0])
	if first >= end {
		return formPhrase
	}
	l0 := lower(doc, first)
	if l0 == "to" && first+1 < end && strings.HasPrefix(doc.Tokens[first+1].POS, "VB") {
		return formInfinitive
	}
	if doc.Tokens[first].POS == "CD" && first+1 < end && measureWords[lower(doc, first+1)] ||
		measureWords[l0] && first > 0 && doc.Tokens[first-1].POS == "CD" {
		// "added 0.4 per cent", also when the cue took the number.
		return formFigure
	}
	if clauseStarters[l0] {
		return formClause
	}
	for i := first; i < end; i++ {
		switch doc.Tokens[i].POS {
		case "VBD", "VBZ", "VBP", "MD":
			return formClause
		}
	}
	return formPhrase
}

// objectControl reports whether the content is an object and a
// to-infinitive ("urged people to vote", "told him to leave"): a request
// made in words.
func objectControl(doc *whosaid.Doc, s *whosaid.Statement) bool {
	if len(s.Content) == 0 {
		return false
	}
	first, end := tokensIn(doc, s.Content[0])
	for i := first + 1; i+1 < end && i < first+6; i++ {
		if lower(doc, i) == "to" && doc.Tokens[i+1].POS == "VB" {
			return true
		}
	}
	return false
}

// tokensIn is the range of tokens that overlap span.
func tokensIn(doc *whosaid.Doc, sp whosaid.Span) (int, int) {
	first := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].End > sp.Start })
	end := first
	for end < len(doc.Tokens) && doc.Tokens[end].Start < sp.End {
		end++
	}
	return first, end
}

func lower(doc *whosaid.Doc, i int) string {
	return strings.ReplaceAll(strings.ToLower(doc.Str(doc.Tokens[i].Span)), "’", "'")
}
