package attrib

import (
	"context"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// Rules is the rule-based attribution stage. By default it assigns
// LayerRules (Doc.RuleStatements), which the learned tagger reads and
// completes; with Final its statements are the article's statements
// (`extract --attrib rules`).
type Rules struct {
	Final bool
}

func (r Rules) Name() string {
	if r.Final {
		return "attrib-rules"
	}
	return "rules"
}
func (Rules) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerTokens, whosaid.LayerSentences, whosaid.LayerPOS, whosaid.LayerQuotes, whosaid.LayerMentions}
}
func (r Rules) Assigns() []whosaid.Layer {
	if r.Final {
		return []whosaid.Layer{whosaid.LayerStatements}
	}
	return []whosaid.Layer{whosaid.LayerRules}
}

// Process finds the statements of doc.
func (r Rules) Process(_ context.Context, doc *whosaid.Doc) error {
	if r.Final {
		doc.Statements = Find(doc)
	} else {
		doc.RuleStatements = Find(doc)
	}
	return nil
}

// finder collects statements sentence by sentence.
type finder struct {
	v     *view
	stmts []found
}

// found is a statement under construction, in token coordinates.
type found struct {
	source     *whosaid.Span
	mention    int
	cue        cue
	hasCue     bool
	content    [][2]int // token ranges [i, j)
	sentence   int
	confidence float64
	// continuation marks a quotation attributed to the previous speaker;
	// its source span is that speaker's mention elsewhere.
	continuation bool
}

// Find returns the statements of doc, ordered by content start.
func Find(doc *whosaid.Doc) []whosaid.Statement {
	if len(doc.Tokens) == 0 {
		return nil
	}
	f := &finder{v: newView(doc)}
	for si := range doc.Sentences {
		f.sentence(si)
	}
	f.continuations()
	out := make([]whosaid.Statement, 0, len(f.stmts))
	for _, s := range f.stmts {
		out = append(out, f.statement(s))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content[0].Start < out[j].Content[0].Start })
	return out
}

func (f *finder) sentence(si int) {
	s := f.v.doc.Sentences[si]
	a, b := s.FirstToken, s.EndToken
	cues := f.v.findCues(a, b)
	for ci, c := range cues {
		switch c.kind {
		case cueAccording:
			f.according(c, si, a, b, cues[ci+1:])
		default:
			f.verb(c, si, a, b, cues[ci+1:])
		}
	}
}

// verb handles a reporting verb or participle: content after it ("said
// that …", "said: “…”"), or a reporting clause after the content ("“…,”
// he said").
func (f *finder) verb(c cue, si, a, b int, later []cue) {
	v := f.v
	start, mode := v.complement(c, b)
	// "“…,” Hadidi told the interviewer": what follows the verb is an
	// addressee, the content came before. "“…,” she said, “…”": the
	// quotation goes on after the reporting clause.
	if c.kind == cueVerb && (start < 0 || mode == modeClause || mode == modeObject || mode == modeQuote && v.quoteBeforeSubject(c, a)) && f.trailing(c, si, a, b) {
		return
	}
	if start < 0 {
		return
	}
	if mode == modeClause && c.entry.Class == lexicon.Communication {
		mode = modeObject
	}
	// Verbs of thinking report a stance only with a that-clause or a
	// quotation ("believes that …"), not with an object ("saw a majority").
	if (mode == modeClause || mode == modeObject) && c.entry.Class == lexicon.Cognition {
		return
	}
	end := f.contentEnd(start, b, later)
	if p := v.closingParen(c.start, start, end); p >= 0 {
		end = v.trimEnd(start, p)
	}
	if end <= start || mode == modeObject && end-start < 3 {
		return
	}
	// A bare clause must have a verb: "said the talks failed", not "aired
	// Tuesday evening".
	if mode == modeClause && !v.hasVerb(start, end) {
		return
	}
	st := found{cue: c, hasCue: true, content: [][2]int{{start, end}}, sentence: si, mention: -1}
	switch mode {
	case modeThat, modeQuote:
		st.confidence = 0.9
	case modeColon:
		st.confidence = 0.8
	case modeClause:
		st.confidence = 0.7
	default:
		st.confidence = 0.5
	}
	if c.entry.Class == lexicon.Cognition {
		st.confidence -= 0.1
	}
	if c.kind == cueParticiple {
		f.inherit(&st, c, a)
	} else {
		src, m, ok := v.subject(c.start, a)
		switch {
		case ok:
			st.source, st.mention = &src, m
		case v.coordinated(c.start, a):
			// "X spoke about …, and highlighted that …"
			if s, e, ok := v.clauseSubject(a, c.start); ok {
				src := v.span(s, e)
				st.source, st.mention = &src, v.mentionIn(s, e)
			} else {
				f.inherit(&st, c, a)
			}
		default:
			f.inherit(&st, c, a)
		}
	}
	// A verb of communication without a that-clause ("negotiated the
	// deal", "criticized …: “…”") reports speech only when a named person
	// or organisation does it, and not under a modal ("would not negotiate").
	if c.entry.Class == lexicon.Communication && mode != modeThat && (!v.namedSpeaker(st.mention) && !v.namedSpeaker(v.lastMentionOf(st.source)) || v.modalBefore(c.start, a)) {
		return
	}
	f.stmts = append(f.stmts, st)
}

// inherit gives a statement without a subject of its own (a participle,
// a coordinated verb) the source of the statement that governs it: the
// last one before it in the sentence, else the last one of the previous
// sentence.
func (f *finder) inherit(st *found, c cue, a int) {
	fallback := -1
	for k := len(f.stmts) - 1; k >= 0; k-- {
		p := f.stmts[k]
		if p.sentence < st.sentence-1 {
			break
		}
		if !(p.sentence == st.sentence && p.cue.start < c.start || p.sentence == st.sentence-1 && c.start == f.firstWord(a)) {
			continue
		}
		// "according to X" reports X's claim; a participle after it
		// belongs to the clause's own subject when there is one.
		if p.hasCue && p.cue.kind == cueAccording {
			if fallback < 0 {
				fallback = k
			}
			continue
		}
		fallback = k
		break
	}
	if fallback < 0 {
		// No statement governs the participle: it belongs to the subject
		// of its clause ("X rejected the demands, saying that …").
		if s, e, ok := f.v.clauseSubject(a, c.start); ok {
			src := f.v.span(s, e)
			st.source, st.mention = &src, f.v.mentionIn(s, e)
			return
		}
		st.confidence -= 0.2
		return
	}
	p := f.stmts[fallback]
	st.mention = p.mention
	if p.sentence == st.sentence {
		st.source = p.source
	}
}

// firstWord is the first token of the sentence starting at a that is not
// a conjunction or punctuation.
func (f *finder) firstWord(a int) int {
	i := a
	for i < len(f.v.words) && (isPunctWord(f.v.words[i]) || conjunctions[f.v.lower[i]]) {
		i++
	}
	return i
}

// contentEnd returns where content starting at token start ends: the end
// of the sentence (b), or where a later reporting expression opens its
// own clause; never inside a quotation.
func (f *finder) contentEnd(start, b int, later []cue) int {
	v := f.v
	end := b
	if q := v.opens[start]; q >= 0 {
		// A quotation as the whole content: up to its closing mark, even
		// past the sentence (and the paragraph, when it continues).
		if e := f.quoteEnd(q); e > start {
			return e
		}
	}
	for _, c := range later {
		if c.start <= start {
			continue
		}
		if op := f.opener(c, start); op > start {
			end = op
			break
		}
	}
	end = v.trimEnd(start, end)
	// Do not cut a quotation in two.
	for i := start; i < end; i++ {
		if q := v.opens[i]; q >= 0 {
			if e := f.quoteEnd(q); e > end {
				end = e
			}
		}
	}
	return end
}

// quoteEnd returns the token after the closing mark of quote q, following
// a quotation that continues over paragraphs; -1 if it has no tokens.
func (f *finder) quoteEnd(q int) int {
	doc := f.v.doc
	for doc.Quotes[q].Continues {
		next := -1
		for k := q + 1; k < len(doc.Quotes); k++ {
			if doc.Quotes[k].Nested == 0 && doc.Quotes[k].Outer.Start >= doc.Quotes[q].Outer.End {
				next = k
				break
			}
		}
		if next < 0 {
			break
		}
		q = next
	}
	last := doc.TokenAt(doc.Quotes[q].Outer.End - 1)
	if last < 0 {
		return -1
	}
	return last + 1
}

// trimEnd drops sentence-final punctuation, commas and conjunctions at the
// end of [start, end), but keeps a closing quotation mark and what it
// encloses.
func (v *view) trimEnd(start, end int) int {
	for end > start {
		w := v.words[end-1]
		if v.closes[end-1] >= 0 {
			break
		}
		if isSentenceEnd(w) || w == "," || w == ";" || w == ":" || w == "—" || w == "–" || w == "-" || conjunctions[v.lower[end-1]] {
			end--
			continue
		}
		break
	}
	return end
}

// opener returns the token where reporting expression c opens a clause of
// its own after content that started at start — its subject, a
// conjunction or comma before it — or -1 when c is part of that content.
func (f *finder) opener(c cue, start int) int {
	v := f.v
	k := c.start
	switch c.kind {
	case cueAccording, cueParticiple:
	default:
		// Only a reporting verb proper opens a new statement; "…, the
		// resistance could not negotiate" goes on with the content.
		if c.entry.Class == lexicon.Communication || v.modalBefore(c.start, start) {
			return -1
		}
		if s, ok := v.subjectStart(c.start, start); ok {
			k = s
		}
	}
	// Adverbs before the clause: ", furthermore he considered".
	for k > start && (isAdverb(v.lower[k-1]) || auxiliaries[v.lower[k-1]]) {
		k--
	}
	if k > start && conjunctions[v.lower[k-1]] {
		k--
	}
	if k > start && (v.words[k-1] == "," || v.words[k-1] == ";") {
		return k - 1
	}
	if k > start && (conjunctions[v.lower[k]] || c.kind == cueParticiple && k == c.start) {
		return k
	}
	return -1
}

// trailing handles a reporting clause that follows its content: "“…,” he
// said", "…, the source added", "…, said the minister", and the
// interrupted "“…,” he said, “…”".
func (f *finder) trailing(c cue, si, a, b int) bool {
	v := f.v
	var src whosaid.Span
	m := -1
	var before int // token before the reporting clause
	if s, ok := v.subjectStart(c.start, a); ok {
		src, m, _ = v.subject(c.start, a)
		before = s - 1
	} else if np, ok := v.npAfter(c.end, b); ok && (np[1] >= b || isSentenceEnd(v.words[np[1]]) || v.words[np[1]] == ",") {
		// Inverted: "…, said the minister."
		src = v.span(np[0], np[1])
		m = v.mentionIn(np[0], np[1])
		before = c.start - 1
	} else {
		return false
	}
	if before < a && before >= 0 && v.closes[before] < 0 {
		return false
	}
	if before < 0 || !v.reportEnds(c, m, b) || c.entry.Class == lexicon.Communication || v.modalBefore(c.start, a) {
		return false
	}
	contentEnd := before
	if v.words[before] == "," {
		contentEnd = before
	} else if v.closes[before] >= 0 {
		contentEnd = before + 1
	} else {
		return false
	}
	contentEnd = v.trimEnd(a, contentEnd)
	contentStart := a
	if q := v.closes[contentEnd-1]; q >= 0 {
		contentStart = f.quoteStart(q)
	}
	if contentEnd <= contentStart {
		return false
	}
	// Content already claimed by an earlier statement is not reported twice.
	for _, p := range f.stmts {
		for _, r := range p.content {
			if r[0] <= contentStart && contentEnd <= r[1] {
				return false
			}
		}
	}
	st := found{source: &src, mention: m, cue: c, hasCue: true, content: [][2]int{{contentStart, contentEnd}}, sentence: si, confidence: 0.85}
	if v.opens[contentStart] < 0 {
		st.confidence = 0.75
	}
	// An interrupted quotation goes on after the reporting clause.
	k := c.end
	if m >= 0 && v.doc.Mentions[m].End > v.doc.Tokens[k-1].End {
		k = v.doc.TokenAt(v.doc.Mentions[m].End-1) + 1
	}
	if k < b && v.words[k] == "," && k+1 < len(v.words) {
		if q := v.opens[k+1]; q >= 0 && v.opens[contentStart] >= 0 {
			if e := f.quoteEnd(q); e > k+1 {
				st.content = append(st.content, [2]int{k + 1, e})
			}
		}
	}
	f.stmts = append(f.stmts, st)
	return true
}

// quoteBeforeSubject reports whether a closing quotation mark (and a
// comma) comes right before the subject of c: "“…,” she said".
func (v *view) quoteBeforeSubject(c cue, a int) bool {
	s, ok := v.subjectStart(c.start, a)
	if !ok || s-1 < a {
		return false
	}
	k := s - 1
	if v.words[k] == "," && k-1 >= a {
		k--
	}
	return v.closes[k] >= 0
}

// hasVerb reports whether tokens [s, e) contain a verb.
func (v *view) hasVerb(s, e int) bool {
	for i := s; i < e; i++ {
		if v.verbLike(i) || !v.pos && len(v.lower[i]) > 4 && strings.HasSuffix(v.lower[i], "ed") {
			return true
		}
	}
	return false
}

// closingParen returns the token of the ")" that closes a parenthesis
// opened before the cue at cueStart, when it comes within [start, end);
// else -1. Content said inside parentheses stays inside them.
func (v *view) closingParen(cueStart, start, end int) int {
	a := v.doc.Sentences[v.sentOf[cueStart]].FirstToken
	depth := 0
	for i := a; i < cueStart; i++ {
		switch v.words[i] {
		case "(":
			depth++
		case ")":
			if depth > 0 {
				depth--
			}
		}
	}
	if depth == 0 {
		return -1
	}
	for i := start; i < end; i++ {
		if v.words[i] == ")" {
			return i
		}
	}
	return -1
}

// reportEnds reports whether the reporting clause of c ends the sentence:
// after the verb and an optional source or addressee, the sentence ends, or
// goes on with ", “…" (an interrupted quotation) or another reporting
// expression.
func (v *view) reportEnds(c cue, m int, b int) bool {
	k := c.end
	if m >= 0 {
		if e := v.doc.TokenAt(v.doc.Mentions[m].End-1) + 1; e > k {
			k = e
		}
	}
	for steps := 0; k < b && steps < 8; steps++ {
		w, l := v.words[k], v.lower[k]
		switch {
		case isSentenceEnd(w) || v.closes[k] >= 0:
			return true
		case w == "," || w == ":" || w == ";":
			return true
		case l == "before" || l == "after" || l == "while" || l == "and":
			return k+1 < b && v.participleAt(k+1)
		case v.participleAt(k):
			return true
		case prepositions[l] || v.nounLike(k) || isAdverb(l) || v.adjectivalParticiple(k):
			k++
		default:
			return false
		}
	}
	return k >= b
}

func (v *view) participleAt(k int) bool {
	e, ok := lexicon.Lookup(v.lower[k])
	return ok && e.Tag == "VBG"
}

// quoteStart returns the token of the opening mark of quote q, going back
// over the paragraphs a continued quotation spans.
func (f *finder) quoteStart(q int) int {
	doc := f.v.doc
	for q > 0 {
		prev := -1
		for k := q - 1; k >= 0; k-- {
			if doc.Quotes[k].Nested == 0 {
				prev = k
				break
			}
		}
		if prev < 0 || !doc.Quotes[prev].Continues {
			break
		}
		q = prev
	}
	return doc.TokenAt(doc.Quotes[q].Outer.Start)
}

// according handles "according to X": the content is the rest of the
// sentence, before or after the source.
func (f *finder) according(c cue, si, a, b int, later []cue) {
	v := f.v
	np, ok := v.npAfter(c.end, b)
	if !ok {
		return
	}
	// The source runs to the next comma or the sentence end: "according to
	// the message mentioned by the minister in his press conference".
	srcEnd := np[1]
	for srcEnd < b && v.words[srcEnd] != "," && !isSentenceEnd(v.words[srcEnd]) && v.quote[srcEnd] < 0 && srcEnd-c.end < 20 {
		srcEnd++
	}
	src := v.span(c.end, srcEnd)
	m := v.agentMention(c.end, srcEnd, true)
	var cs, ce int
	switch {
	case c.start > a && v.words[c.start-1] == ",":
		// "…, according to X."
		cs, ce = a, v.trimEnd(a, c.start-1)
	case srcEnd < b && v.words[srcEnd] == ",":
		// "According to X, …" and "… that according to X, …"
		cs = srcEnd + 1
		ce = f.contentEnd(cs, b, later)
	case c.start > a:
		cs, ce = a, v.trimEnd(a, c.start)
	default:
		return
	}
	if ce <= cs {
		return
	}
	f.stmts = append(f.stmts, found{source: &src, mention: m, cue: c, hasCue: true, content: [][2]int{{cs, ce}}, sentence: si, confidence: 0.8})
}

// continuations attributes a quotation that opens a sentence with no
// reporting expression of its own to the speaker of the statement just
// before it (news convention: "“…,” he said. “…”").
func (f *finder) continuations() {
	v := f.v
	doc := v.doc
	covered := func(tok int) bool {
		for _, s := range f.stmts {
			for _, r := range s.content {
				if r[0] <= tok && tok < r[1] {
					return true
				}
			}
		}
		return false
	}
	for qi, q := range doc.Quotes {
		if q.Nested > 0 || !q.Open {
			continue
		}
		first := doc.TokenAt(q.Outer.Start)
		if first < 0 || covered(first) {
			continue
		}
		si := v.sentOf[first]
		if doc.Sentences[si].FirstToken != first {
			continue
		}
		end := f.quoteEnd(qi)
		if end-first < 6 {
			continue
		}
		// The nearest earlier statement, within two paragraphs, with a speaker.
		prev := -1
		for k := range f.stmts {
			s := f.stmts[k]
			if s.content[0][0] < first && (s.mention >= 0 || s.source != nil) && doc.Sentences[s.sentence].Paragraph >= doc.Sentences[si].Paragraph-2 {
				if prev < 0 || s.content[0][0] > f.stmts[prev].content[0][0] {
					prev = k
				}
			}
		}
		if prev < 0 {
			continue
		}
		// The quotation's sentence names no one: no source of its own;
		// identity gives it the passage's current speaker.
		f.stmts = append(f.stmts, found{mention: -1, content: [][2]int{{first, end}}, sentence: si, confidence: 0.55, continuation: true})
	}
}

// statement converts a found statement to byte spans and decides its kind.
func (f *finder) statement(s found) whosaid.Statement {
	v := f.v
	st := whosaid.Statement{Source: s.source, Mention: s.mention, Entity: -1, Score: clamp(s.confidence)}
	if s.hasCue {
		cs := v.span(s.cue.start, s.cue.end)
		st.Cue = &cs
	}
	for _, r := range s.content {
		st.Content = append(st.Content, v.span(r[0], r[1]))
	}
	st.Kind = v.kind(s.content)
	return st
}

// kind is direct when the content is quotations only, mixed when it holds
// a quoted piece within reported speech, else indirect.
func (v *view) kind(content [][2]int) whosaid.StatementKind {
	quoted, words := 0, 0
	for _, r := range content {
		for i := r[0]; i < r[1]; i++ {
			if isPunctWord(v.words[i]) {
				continue
			}
			words++
			if v.quote[i] >= 0 {
				quoted++
			}
		}
	}
	switch {
	case quoted == 0:
		return whosaid.Indirect
	case quoted == words || words-quoted <= 1 && v.lower[content[0][0]] == "that":
		if v.opens[content[0][0]] >= 0 {
			return whosaid.Direct
		}
		return whosaid.Mixed
	}
	return whosaid.Mixed
}

func clamp(x float64) float64 {
	switch {
	case x < 0.05:
		return 0.05
	case x > 1:
		return 1
	}
	return x
}
