package attrib

import (
	"strings"

	"github.com/whosaid/whosaid/lexicon"
)

// cueKind is the grammatical shape of a reporting expression.
type cueKind int

const (
	cueVerb       cueKind = iota // "said", "pointed out", "went on to reveal"
	cueParticiple                // ", adding that", "Noting that"
	cueAccording                 // "according to X"
)

// cue is a reporting expression found in the text: tokens [start, end).
type cue struct {
	start, end int
	kind       cueKind
	entry      lexicon.Entry
	// verb is the token of the reporting verb itself (in "went on to add",
	// "add").
	verb int
}

// findCues lists the reporting expressions of sentence [a, b) outside
// quotations, in text order.
func (v *view) findCues(a, b int) []cue {
	var out []cue
	for i := a; i < b; i++ {
		if v.quote[i] >= 0 {
			continue
		}
		l := v.lower[i]
		if l == "according" && i+1 < b && v.lower[i+1] == "to" {
			out = append(out, cue{start: i, end: i + 2, kind: cueAccording, verb: i})
			i++
			continue
		}
		c, ok := v.verbCue(i, b)
		if !ok {
			continue
		}
		out = append(out, c)
		i = c.end - 1
	}
	return out
}

// verbCue recognises a reporting verb at token i, with its particle
// ("point out"), a "went on to" before it, or an attitude noun after
// ("expressed confidence").
func (v *view) verbCue(i, b int) (cue, bool) {
	l := v.lower[i]
	// "went on to add", "goes on to say"
	if (l == "went" || l == "go" || l == "goes" || l == "going" || l == "gone") && i+3 < b && v.lower[i+1] == "on" && v.lower[i+2] == "to" {
		if e, ok := lexicon.Lookup(v.lower[i+3]); ok && e.Class >= lexicon.Cognition {
			end := i + 4
			if i+4 < b {
				if e2, ok := lexicon.Lookup(v.lower[i+3] + " " + v.lower[i+4]); ok {
					e, end = e2, i+5
				}
			}
			return cue{start: i, end: end, kind: cueVerb, entry: e, verb: i + 3}, true
		}
	}
	// "expressed (his) confidence that", "voiced concern that"
	if (l == "expressed" || l == "expressing" || l == "voiced" || l == "voicing" || l == "expresses") && i+1 < b {
		k := i + 1
		if determiners[v.lower[k]] && k+1 < b {
			k++
		}
		if attitudeNouns[v.lower[k]] {
			kind := cueVerb
			if strings.HasSuffix(l, "ing") {
				kind = cueParticiple
			}
			return cue{start: i, end: k + 1, kind: kind, entry: lexicon.Entry{Lemma: "express", Class: lexicon.Speech, Tag: "VBD"}, verb: i}, true
		}
	}
	// "making it clear that", "made clear that"
	if (l == "making" || l == "made" || l == "makes" || l == "make") && i+2 < b {
		k := i + 1
		if v.lower[k] == "it" && k+1 < b {
			k++
		}
		if v.lower[k] == "clear" && k+1 < b && v.lower[k+1] == "that" {
			kind := cueVerb
			if l == "making" {
				kind = cueParticiple
			}
			return cue{start: i, end: k + 1, kind: kind, entry: lexicon.Entry{Lemma: "make clear", Class: lexicon.Speech, Tag: "VBD"}, verb: i}, true
		}
	}
	e, ok := lexicon.Lookup(l)
	end := i + 1
	if i+1 < b && lexicon.StartsPhrase(l) {
		if e2, ok2 := lexicon.Lookup(l + " " + v.lower[i+1]); ok2 {
			e, ok, end = e2, true, i+2
		}
	}
	if !ok || !v.isVerbUse(i, e) {
		return cue{}, false
	}
	kind := cueVerb
	if e.Tag == "VBG" {
		kind = cueParticiple
		// "is saying", "was warning": progressive, a finite verb.
		if i > 0 && beForms[v.lower[i-1]] {
			kind = cueVerb
		}
	}
	return cue{start: i, end: end, kind: kind, entry: e, verb: i}, true
}

// isVerbUse rejects uses of a reporting verb's form as a noun ("the
// report", "his claims") or an adjective, and passives ("was told").
func (v *view) isVerbUse(i int, e lexicon.Entry) bool {
	if v.pos {
		p := v.tag(i)
		if !strings.HasPrefix(p, "VB") {
			return false
		}
	}
	if i > 0 {
		prev := v.lower[i-1]
		if determiners[prev] && prev != "that" || prev == "'s" || prev == "’s" {
			return false
		}
		if beForms[prev] && e.Tag == "VBD" {
			return false
		}
		// "so-called", "the said"
		if prev == "so" || prev == "-" {
			return false
		}
		// "a televised interview", "the just divine state": a noun after
		// a determiner and its modifiers. Only base forms and nouns after
		// adjectives are judged so; "the minister said" stays a verb.
		if !v.pos && v.nounAfterDeterminer(i, e) {
			return false
		}
		// "in terms of": a noun after a preposition; "by saying", "before
		// adding" are participles.
		if prepositions[prev] && !v.pos && (e.Tag != "VBG" || !participlePrepositions[prev]) {
			return false
		}
	}
	// Capitalised inside a sentence: part of a name or a headline
	// ("General Rostami", "Bishop Amadi Says").
	if v.capitalised(i) && i > 0 && v.sentOf[i-1] == v.sentOf[i] && !isQuoteMark(v.words[i-1]) && v.words[i-1] != "(" {
		return false
	}
	return true
}

// participlePrepositions may govern a reporting participle ("before
// adding", "by saying"); after others the -ing form is a noun ("in
// announcing an end date").
var participlePrepositions = set(`before after while by since upon when without`)

// nounAfterDeterminer reports whether the word at i, a base form or a
// participle-looking modifier's head, sits inside a noun phrase opened by a
// determiner: "a televised interview", "an ideological term".
func (v *view) nounAfterDeterminer(i int, e lexicon.Entry) bool {
	if e.Tag == "VBD" || e.Tag == "VBG" {
		return false
	}
	k := i - 1
	mods := 0
	adjective := false
	for k >= 0 && mods < 3 && !determiners[v.lower[k]] {
		l := v.lower[k]
		if prepositions[l] && adjective {
			return true // "on unfounded claims"
		}
		if isPunctWord(v.words[k]) || prepositions[l] || conjunctions[l] || auxiliaries[l] || beForms[l] || clauseWords[l] || subjectPronouns[l] {
			return false
		}
		if mods == 0 && (strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "al") || strings.HasSuffix(l, "ive") || strings.HasSuffix(l, "ous")) {
			adjective = true
		}
		// A plural noun before a base form is its subject: "officials say".
		if mods == 0 && e.Tag == "VB" && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
			return false
		}
		if mods == 0 && e.Tag == "VBZ" && !(strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "al") || strings.HasSuffix(l, "ive")) {
			return false
		}
		mods++
		k--
	}
	return k >= 0 && mods > 0 && determiners[v.lower[k]] && v.lower[k] != "that"
}
