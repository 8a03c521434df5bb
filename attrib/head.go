package attrib

import (
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// The speaker of a source phrase is the head of its noun phrase, not the
// last name in it: in "Ana Ruiz, a professor at the Northgate Institute,"
// and "Ana Ruiz, who worked with Tom Lee," the speaker is Ana Ruiz. An
// English noun phrase's head ends its first chunk — the words before the
// first comma, dash, bracket, relative pronoun or preposition that stands
// outside every mention ("University of Northgate" keeps its "of").

// headBreaks are the words that end the head chunk of a noun phrase:
// relative pronouns and the prepositions that attach a modifier.
var headBreaks = set(`who whom whose which that of at with for from in on by near inside outside
	under over within without into among between behind beside since during via like as about
	affiliated associated based linked`)

// headMention returns the mention heading the noun phrase in tokens
// [first, last] of doc, or -1 when no mention heads it (the head is a
// common noun the detector did not take: "the Northgate channel").
// ok is false when the phrase holds no mention at all.
func headMention(doc *whosaid.Doc, first, last int) (m int, ok bool) {
	sp := whosaid.Span{Start: doc.Tokens[first].Start, End: doc.Tokens[last].End}
	outer := outerMentions(doc, sp)
	if len(outer) == 0 {
		return -1, false
	}
	covered := func(k int) int {
		t := doc.Tokens[k]
		for n, mi := range outer {
			if mm := doc.Mentions[mi]; mm.Start <= t.Start && t.End <= mm.End {
				return n
			}
		}
		return -1
	}
	// chunks[c] holds the outer mentions of chunk c; seps[c] is the
	// separator word that opened chunk c ("" for the first).
	type chunk struct {
		sep      string
		ms       []int
		tailNoun bool // a common noun follows the chunk's last mention
		empty    bool
	}
	chunks := []chunk{{empty: true}}
	for k := first; k <= last; k++ {
		cur := &chunks[len(chunks)-1]
		if n := covered(k); n >= 0 {
			mi := outer[n]
			if len(cur.ms) == 0 || cur.ms[len(cur.ms)-1] != mi {
				cur.ms = append(cur.ms, mi)
			}
			cur.tailNoun, cur.empty = false, false
			continue
		}
		w := strings.ToLower(doc.Str(doc.Tokens[k].Span))
		switch {
		case w == "," || w == "(" || w == ")" || w == "—" || w == "–" || w == "-" || w == ";" || headBreaks[w]:
			chunks = append(chunks, chunk{sep: w, empty: true})
		case !hasLetterOrDigit(w) || w == "'s" || w == "’s" || determiners[w]:
		default:
			cur.empty = false
			// "the Northgate channel": a lower-case noun after the last
			// mention is the head; a number ("Ana Ruiz, 50,") is not.
			if len(cur.ms) > 0 && commonNoun(doc.Tokens[k], doc.Str(doc.Tokens[k].Span)) {
				cur.tailNoun = true
			}
		}
	}
	head := -1
	c0 := chunks[0]
	if len(c0.ms) > 0 && !c0.tailNoun {
		head = c0.ms[len(c0.ms)-1]
	}
	if head < 0 && (c0.tailNoun || !c0.empty) {
		// A common noun heads the phrase; a name in apposition to it after
		// a comma ("the channel's director, Ana Ruiz,") still names the
		// speaker, a name after a preposition ("a spokeswoman for Ruiz")
		// does not.
		if len(chunks) > 1 {
			if n := apposedName(doc, chunks[1].sep, chunks[1].ms); n >= 0 {
				return n, true
			}
		}
		return -1, true
	}
	if head < 0 {
		return -1, false // nothing before the first break: no head to read
	}
	hm := doc.Mentions[head]
	// A title standing alone ("Director, research at Velmont, Ana Ruiz,")
	// heads the phrase the way a role noun does.
	_, bareTitle := lexicon.Title(hm.Name)
	if hm.Kind == whosaid.MentionNominal || hm.Kind == whosaid.MentionHonorific || hm.Kind == whosaid.MentionName && bareTitle && len(hm.Titles) == 0 {
		if p := hm.Apposition; p >= 0 && doc.Mentions[p].Kind == whosaid.MentionName {
			return p, true
		}
		// "The leader of the Harbour Movement Ana Ruiz" and "its director,
		// Ana Ruiz,": a person's name closing the next chunk, joined by a
		// comma or by "of", is the nominal's referent; after a description
		// of the role ("Director, research at Velmont, Ana Ruiz,"), the
		// first such name after a comma.
		for c := 1; c < len(chunks); c++ {
			if n := apposedName(doc, chunks[c].sep, chunks[c].ms); n >= 0 {
				return n, true
			}
			if sep := chunks[c].sep; sep != "," && (c > 1 || sep != "of") && !prepositions[sep] {
				break // a relative clause: its names are not the head's
			}
		}
	}
	return head, true
}

// apposedName returns the person name that closes a chunk opened by sep
// when that chunk names the referent of the chunk before it: after a
// comma, or closing an "of" phrase ("the leader of the Harbour Movement
// Ana Ruiz"); -1 otherwise.
func apposedName(doc *whosaid.Doc, sep string, ms []int) int {
	if sep != "," && sep != "of" || len(ms) == 0 {
		return -1
	}
	n := ms[len(ms)-1]
	m := doc.Mentions[n]
	if m.Kind != whosaid.MentionName || m.Type == whosaid.Organization {
		return -1
	}
	if sep == "of" && len(ms) < 2 {
		return -1 // "a spokeswoman of Ruiz" names whom she speaks for
	}
	if m.Type != whosaid.Person && len(strings.Fields(m.Name)) < 2 {
		return -1
	}
	return n
}

// outerMentions returns the mentions inside sp that no other mention
// inside sp contains, in text order.
func outerMentions(doc *whosaid.Doc, sp whosaid.Span) []int {
	var in []int
	for mi := range doc.Mentions {
		m := doc.Mentions[mi]
		if m.Start >= sp.Start && m.End <= sp.End && m.End > m.Start {
			in = append(in, mi)
		}
	}
	sort.SliceStable(in, func(a, b int) bool {
		ma, mb := doc.Mentions[in[a]], doc.Mentions[in[b]]
		return ma.Start < mb.Start || ma.Start == mb.Start && ma.End > mb.End
	})
	var out []int
	end := -1
	for _, mi := range in {
		m := doc.Mentions[mi]
		if m.Start < end {
			continue // inside the previous outer mention
		}
		out = append(out, mi)
		end = m.End
	}
	return out
}

// commonNoun reports whether token t (text w) is a lower-case noun: by its
// tag when the parse ran, else by its case, not a pronoun or adverb.
func commonNoun(t whosaid.Token, w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	if t.POS != "" {
		return strings.HasPrefix(t.POS, "NN")
	}
	return !objectPronouns[w] && !isAdverb(w) && !auxiliaries[w] && !strings.HasSuffix(w, "self")
}
