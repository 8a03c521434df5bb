package identity

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// A document ("her statement", "the report", "a post on the company's
// blog") says nothing by itself: its speaker is whoever issued it — the
// possessor, the agent after "by" or "from", or the one who was said to
// issue it earlier in the article — or nobody. An outlet that relays a
// statement ("according to the channel") is not its speaker either. The
// noun itself never becomes a speaker's name.

// documentNouns are general English nouns for what people and
// organisations issue.
var documentNouns = wordSet(`statement statements report reports study studies survey surveys poll polls
	paper papers document documents letter letters release communique memo memorandum complaint
	complaints tweet tweets post posts email e-mail message messages note notice filing filings lawsuit
	suit ruling decision judgment judgement order motion petition submission brief transcript data
	figures statistics analysis review audit research guide guidelines book article blog website site
	video announcement declaration proposal plan records record file files documentation leaflet
	pamphlet advertisement ad ads campaign bulletin newsletter summary findings investigation inquiry
	probe estimate estimates forecast projections`)

// relayNouns are outlets that carry what others said.
var relayNouns = wordSet(`channel outlet newspaper broadcaster station network magazine daily tabloid
	television tv radio wire newswire website site`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// headBreak ends the head chunk of a source phrase ("the report by the
// council" → "report").
var headBreak = wordSet(`, who whom whose which that of at with for from in on by affiliated associated
	linked based near mentioned issued released published posted written signed sent`)

// headNoun is the lower-case head noun of mention i: a nominal's role
// noun, or for a source phrase the detector did not take, the last word
// before the phrase's first comma, preposition or relative pronoun.
func (r *resolver) headNoun(i int) string {
	m := r.mention(i)
	if m.Kind == whosaid.MentionName {
		// "the Velora channel": a name closed by a common noun.
		ws := strings.Fields(r.text(i))
		if w := ws[len(ws)-1]; len(ws) > 1 && isLowerWord(w) {
			return w
		}
		return ""
	}
	if m.Kind != whosaid.MentionNominal {
		return ""
	}
	if r.docIdx[i] >= 0 {
		return strings.ToLower(r.doc.Str(m.Head))
	}
	head := ""
	for _, w := range strings.Fields(strings.ReplaceAll(r.text(i), ",", " , ")) {
		l := strings.ToLower(strings.Trim(w, `.;:"'“”‘’()`))
		if headBreak[l] {
			break
		}
		head = l
	}
	return head
}

// isDocument reports whether mention i is a document noun phrase.
func (r *resolver) isDocument(i int) bool { return documentNouns[r.headNoun(i)] }

// isRelay reports whether mention i is an outlet noun phrase.
func (r *resolver) isRelay(i int) bool { return relayNouns[r.headNoun(i)] }

// documents finds the issuer of each document a statement cites as its
// source; r.issuer maps the document mention to the issuer's mention, or
// -1 for none.
func (r *resolver) documents() {
	r.issuer = map[int]int{}
	for _, i := range r.srcOf {
		if i < 0 {
			continue
		}
		if _, done := r.issuer[i]; done {
			continue
		}
		switch {
		case r.isRelay(i):
			r.issuer[i] = -1
		case r.isDocument(i):
			r.issuer[i] = r.issuerOf(i)
		}
	}
}

// issuerOf returns the mention that issued document i, or -1.
func (r *resolver) issuerOf(i int) int {
	m := r.mention(i)
	words := strings.Fields(strings.ToLower(r.text(i)))
	// "her statement", "their report": the possessive pronoun's referent.
	if len(words) > 0 {
		if g, pl, ok := possessive(words[0]); ok {
			return r.referentAs(i, g, pl)
		}
	}
	// "the council's report": the possessor inside the phrase.
	for j := i + 1; j < len(r.ms) && r.ms[j].Start < m.End; j++ {
		p := r.mention(j)
		if p.End >= m.End || p.Kind == whosaid.MentionPronoun {
			continue
		}
		if rest := r.doc.Text[p.End:m.End]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
			return j
		}
	}
	// "the report by the council", "the message mentioned by the minister":
	// the agent after "by" or "from" in the phrase or right after it.
	if a := r.agentAfter(i); a >= 0 {
		return a
	}
	// "the report said", after "the council released a report": who
	// issued it in an earlier sentence.
	if len(words) > 0 && (words[0] == "the" || words[0] == "this" || words[0] == "that") {
		return r.earlierIssuer(i)
	}
	return -1
}

// possessive tells the gender and number a possessive pronoun implies.
func possessive(w string) (whosaid.Gender, bool, bool) {
	switch w {
	case "his":
		return whosaid.Male, false, true
	case "her":
		return whosaid.Female, false, true
	case "its":
		return whosaid.Neuter, false, true
	case "their":
		return whosaid.NoGender, true, true
	}
	return whosaid.NoGender, false, false
}

// referentAs resolves mention i as if it were a pronoun of gender g and
// number pl (the possessor of "her statement").
func (r *resolver) referentAs(i int, g whosaid.Gender, pl bool) int {
	saved := r.ms[i]
	r.ms[i].Kind, r.ms[i].Gender, r.ms[i].Plural, r.ms[i].Type = whosaid.MentionPronoun, g, pl, whosaid.UnknownType
	if g == whosaid.Male || g == whosaid.Female {
		r.ms[i].Type = whosaid.Person
	}
	j := r.antecedent(i)
	r.ms[i] = saved
	return j
}

// agentAfter returns the mention after "by" or "from" within the document
// phrase i or the three words after it, in its sentence; -1 if none.
func (r *resolver) agentAfter(i int) int {
	m := r.mention(i)
	doc := r.doc
	k := doc.TokenAt(m.Start)
	if k < 0 {
		return -1
	}
	si := doc.SentenceAt(m.Start)
	limit := doc.TokenAt(m.End-1) + 4
	for ; k < len(doc.Tokens) && k <= limit; k++ {
		t := doc.Tokens[k]
		if si >= 0 && doc.SentenceAt(t.Start) != si {
			break
		}
		w := strings.ToLower(doc.Str(t.Span))
		if w != "by" && w != "from" {
			continue
		}
		for j := i + 1; j < len(r.ms); j++ {
			p := r.mention(j)
			if p.Start < t.End {
				continue
			}
			if doc.SentenceAt(p.Start) != si || p.Kind == whosaid.MentionPronoun || r.isDocument(j) {
				return -1
			}
			return j
		}
	}
	return -1
}

// earlierIssuer finds the last earlier sentence (within five) that
// names the same kind of document, and returns who issued it there: a
// statement's source in that sentence, else a subject name.
func (r *resolver) earlierIssuer(i int) int {
	head := r.headNoun(i)
	doc := r.doc
	si := r.sentOf[i]
	for s := si - 1; s >= 0 && s >= si-5; s-- {
		sent := doc.Sentences[s]
		found := false
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			if strings.ToLower(doc.Str(doc.Tokens[k].Span)) == head && !r.inQuote(doc.Tokens[k].Start) {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		for _, sm := range r.srcOf {
			if sm >= 0 && sm != i && r.sentOf[sm] == s && !r.isDocument(sm) && !r.isRelay(sm) {
				return sm
			}
		}
		for j := range r.ms {
			if r.sentOf[j] == s && r.ms[j].Kind == whosaid.MentionName && r.isSubject(j) {
				return j
			}
		}
		return -1
	}
	return -1
}
