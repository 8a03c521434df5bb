package model

import (
	"sort"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib"
)

// run is a labelled token run [start, end) inside one sentence.
type run struct {
	comp       string
	start, end int
	sent       int
}

func runsOf(doc *whosaid.Doc, labels []int) []run {
	var out []run
	for si, s := range doc.Sentences {
		cur := run{sent: si}
		for i := s.FirstToken; i <= s.EndToken; i++ {
			l := lO
			if i < s.EndToken {
				l = labels[i]
			}
			if cur.comp != "" && (i == s.EndToken || isBegin(l) || component(l) != cur.comp) {
				cur.end = i
				out = append(out, cur)
				cur = run{sent: si}
			}
			if i < s.EndToken && component(l) != "" && cur.comp == "" {
				cur = run{comp: component(l), start: i, sent: si}
			}
		}
	}
	return out
}

// contentGroup is a content that may run over several sentences.
type contentGroup struct {
	start, end         int // tokens
	firstSent, lastSnt int
}

// Statements groups tagged runs into statements: each cue anchors one;
// the nearest source run of its sentence is its source; each content (runs
// that continue from one sentence into the next are one content) goes to
// the nearest cue. A content with no cue near it continues the previous
// statement's speaker.
func Statements(doc *whosaid.Doc, labels []int) []whosaid.Statement {
	rs := runsOf(doc, relativeSubjects(doc, labels))
	// A sentence with a cue of its own starts a new statement: its content
	// does not continue the previous sentence's ("…," he said. "…," she said).
	hasCue := map[int]bool{}
	for _, r := range rs {
		if r.comp == "cue" {
			hasCue[r.sent] = true
		}
	}
	var cues, sources []run
	var groups []contentGroup
	for _, r := range rs {
		switch r.comp {
		case "cue":
			cues = append(cues, r)
		case "source":
			sources = append(sources, r)
		case "content":
			if n := len(groups); n > 0 && joins(doc, groups[n-1], r, hasCue[r.sent]) {
				groups[n-1].end, groups[n-1].lastSnt = r.end, r.sent
				continue
			}
			groups = append(groups, contentGroup{r.start, r.end, r.sent, r.sent})
		}
	}
	type stmt struct {
		cue     *run
		source  *run
		content []contentGroup
	}
	stmts := make([]stmt, len(cues))
	for i := range cues {
		stmts[i].cue = &cues[i]
		best, bestD := -1, 1<<30
		for k := range sources {
			s := sources[k]
			if s.sent != cues[i].sent {
				continue
			}
			d := cues[i].start - s.end
			if d < 0 {
				d = s.start - cues[i].end + 3 // after the cue: a little farther
			}
			if d < bestD {
				best, bestD = k, d
			}
		}
		if best >= 0 {
			stmts[i].source = &sources[best]
		}
	}
	// Contents go to the nearest cue of their own sentences first; a
	// content with no cue in its sentences may then go to a cue of a
	// neighbouring sentence ("…" / He said.), but only to a cue that got
	// no content of its own.
	var orphans, pending []contentGroup
	for _, g := range groups {
		best, bestD := -1, 1<<30
		for i, c := range cues {
			if c.sent < g.firstSent || c.sent > g.lastSnt {
				continue
			}
			var d int
			switch {
			case c.end <= g.start:
				d = g.start - c.end
			case c.start >= g.end:
				d = c.start - g.end
			}
			if d < bestD {
				best, bestD = i, d
			}
		}
		if best < 0 {
			pending = append(pending, g)
			continue
		}
		stmts[best].content = append(stmts[best].content, g)
	}
	for _, g := range pending {
		best, bestD := -1, 1<<30
		for i, c := range cues {
			if len(stmts[i].content) > 0 || c.sent < g.firstSent-1 || c.sent > g.lastSnt+1 {
				continue
			}
			d := g.start - c.end
			if c.start >= g.end {
				d = c.start - g.end
			}
			if d < 0 {
				d = -d
			}
			if d < bestD {
				best, bestD = i, d
			}
		}
		if best < 0 {
			orphans = append(orphans, g)
			continue
		}
		stmts[best].content = append(stmts[best].content, g)
	}
	span := func(i, j int) whosaid.Span {
		return whosaid.Span{Start: doc.Tokens[i].Start, End: doc.Tokens[j-1].End}
	}
	// A cue left without content may report a statement nested before it
	// in its sentence ("[the operative decided to change course], a
	// source said"): the tagger labels each token once, so the outer
	// content is the inner statement, found where the inner cue hangs
	// below this one.
	for i := range stmts {
		if len(stmts[i].content) > 0 {
			continue
		}
		for j := range stmts {
			in := stmts[j]
			if j == i || len(in.content) == 0 || in.cue.sent != stmts[i].cue.sent || !governs(doc, stmts[i].cue.start, in.cue.start) {
				continue
			}
			g := contentGroup{start: in.cue.start, end: in.cue.end, firstSent: in.cue.sent, lastSnt: in.cue.sent}
			if in.source != nil {
				g.start = min(g.start, in.source.start)
				g.end = max(g.end, in.source.end)
			}
			for _, c := range in.content {
				g.start, g.end = min(g.start, c.start), max(g.end, c.end)
				g.firstSent, g.lastSnt = min(g.firstSent, c.firstSent), max(g.lastSnt, c.lastSnt)
			}
			if g.end > stmts[i].cue.start {
				continue
			}
			stmts[i].content = []contentGroup{g}
			break
		}
	}
	var out []whosaid.Statement
	for _, s := range stmts {
		if len(s.content) == 0 {
			continue
		}
		cue := span(s.cue.start, s.cue.end)
		st := whosaid.Statement{Cue: &cue, Mention: -1, Entity: -1, Score: 0.8}
		if s.source != nil {
			src := span(s.source.start, s.source.end)
			st.Source = &src
			st.Mention = attrib.MentionFor(doc, src)
		}
		sort.Slice(s.content, func(i, j int) bool { return s.content[i].start < s.content[j].start })
		for _, g := range s.content {
			st.Content = append(st.Content, span(g.start, g.end))
		}
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Content[0].Start < out[j].Content[0].Start })
	// A content without a cue continues the speaker of the statement
	// before it; its sentence names no one, so it has no source of its
	// own, and identity gives it the passage's current speaker.
	for _, g := range orphans {
		st := whosaid.Statement{Mention: -1, Entity: -1, Score: 0.5, Content: []whosaid.Span{span(g.start, g.end)}}
		out = append(out, st)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content[0].Start < out[j].Content[0].Start })
	for i := range out {
		out[i].Kind = kindOf(doc, out[i].Content)
	}
	return out
}

// continues reports whether content run r (starting a sentence) goes on
// from group g (ending the sentence before it).
func continues(doc *whosaid.Doc, g contentGroup, r run) bool {
	if r.sent != g.lastSnt+1 || r.start != doc.Sentences[r.sent].FirstToken {
		return false
	}
	prev := doc.Sentences[g.lastSnt]
	// Allow a final punctuation token outside the content.
	return g.end >= prev.EndToken-1
}

// kindOf: direct when the content is quotations only, mixed when it holds
// a quoted piece, else indirect.
func kindOf(doc *whosaid.Doc, content []whosaid.Span) whosaid.StatementKind {
	inQuote, words := 0, 0
	for _, c := range content {
		for i := doc.TokenAt(c.Start); i >= 0 && i < len(doc.Tokens) && doc.Tokens[i].Start < c.End; i++ {
			t := doc.Tokens[i]
			if !wordy(doc.Str(t.Span)) {
				continue
			}
			words++
			for _, q := range doc.Quotes {
				if q.Open && q.Nested == 0 && q.Span.Start <= t.Start && t.End <= q.Span.End {
					inQuote++
					break
				}
			}
		}
	}
	switch {
	case inQuote == 0:
		return whosaid.Indirect
	case inQuote >= words-1:
		return whosaid.Direct
	}
	return whosaid.Mixed
}

func wordy(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && r != '“' && r != '”' && r != '‘' && r != '’' && r != '—' {
			return true
		}
	}
	return false
}

// joins tells whether content run r continues group g: the two lie in one
// quotation ("We waited. We will not wait," he said), or r starts the
// sentence after g ends one, has no cue of its own and does not open a
// new quotation.
func joins(doc *whosaid.Doc, g contentGroup, r run, rHasCue bool) bool {
	qg, qr := quoteOf(doc, g.end-1), quoteOf(doc, r.start)
	if qg >= 0 && qg == qr {
		return true
	}
	if rHasCue || qr >= 0 && qr != qg {
		return false
	}
	return continues(doc, g, r)
}

// quoteOf is the index of the top-level quotation holding token k, or -1.
func quoteOf(doc *whosaid.Doc, k int) int {
	if k < 0 || k >= len(doc.Tokens) {
		return -1
	}
	b := doc.Tokens[k].Start
	for i, q := range doc.Quotes {
		if q.Nested == 0 && q.Open && q.Outer.Start <= b && b < q.Outer.End {
			return i
		}
	}
	return -1
}

// governs reports whether token k hangs, in the parse, below token h.
func governs(doc *whosaid.Doc, h, k int) bool {
	if doc.Tokens[k].Dep == "" { // not parsed
		return false
	}
	for depth := 0; k >= 0 && depth < 64; depth++ {
		k = doc.Tokens[k].Head
		if k == h {
			return true
		}
	}
	return false
}

// relativeSubjects returns labels where a relative pronoun that ends a
// content run and is the parse subject of the cue right after it becomes
// that cue's source ("figures like [Smith who] told him that …": who told
// him). The pronoun is resolved to its antecedent later, as a source.
func relativeSubjects(doc *whosaid.Doc, labels []int) []int {
	var out []int
	for k := 0; k+1 < len(labels); k++ {
		t := doc.Tokens[k]
		if labels[k] != lIContent || component(labels[k+1]) != "cue" || (t.POS != "WP" && t.POS != "WDT") ||
			t.Head != k+1 || (t.Dep != "nsubj" && t.Dep != "nsubjpass") {
			continue
		}
		if out == nil {
			out = append([]int(nil), labels...)
		}
		out[k] = lBSource
	}
	if out == nil {
		return labels
	}
	return out
}
