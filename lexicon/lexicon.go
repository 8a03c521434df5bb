// Package lexicon holds the word lists several stages share, in one place:
//
//   - the reporting-expression lexicon: every inflected form of the English
//     reporting verbs, derived from WordNet by internal/tools/cuelex
//     (cues.tsv), plus a short hand-written list of general reporting
//     expressions WordNet files under other senses (extra.tsv); read by
//     mentions, attribution and identity;
//   - titles, honorifics, role nouns, organisation heads and places
//     (words/), read by mention detection and speaker resolution.
//
// Every list is general English: no person, outlet or phrase of any
// corpus.
package lexicon

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
)

// Class is how strongly a verb signals attribution.
type Class uint8

const (
	None Class = iota
	// Communication verbs whose main sense is communicative but which take
	// no that-clause in WordNet (criticize, accuse): cues only with a
	// quotation or a clear complement.
	Communication
	// Cognition verbs with a that-clause (believe, expect, think).
	Cognition
	// Speech verbs with a that-clause (say, state, warn, point out).
	Speech
)

func (c Class) String() string {
	switch c {
	case Speech:
		return "speech"
	case Cognition:
		return "cognition"
	case Communication:
		return "communication"
	}
	return "none"
}

// Entry is one inflected form.
type Entry struct {
	Lemma string
	Class Class
	Tag   string // VB, VBZ, VBD (past or participle), VBG
}

//go:embed cues.tsv
var cuesTSV string

//go:embed extra.tsv
var extraTSV string

var (
	once    sync.Once
	forms   map[string]Entry
	phrasal map[string]bool // first words of multiword forms
)

func load() {
	forms = map[string]Entry{}
	phrasal = map[string]bool{}
	for _, src := range []string{cuesTSV, extraTSV} {
		sc := bufio.NewScanner(strings.NewReader(src))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 4 {
				continue
			}
			e := Entry{Lemma: f[1], Class: parseClass(f[2]), Tag: f[3]}
			if old, ok := forms[f[0]]; ok && old.Class >= e.Class {
				continue
			}
			forms[f[0]] = e
			if i := strings.IndexByte(f[0], ' '); i > 0 {
				phrasal[f[0][:i]] = true
			}
		}
	}
}

func parseClass(s string) Class {
	switch s {
	case "speech":
		return Speech
	case "cognition":
		return Cognition
	case "communication":
		return Communication
	}
	return None
}

// Lookup returns the entry of a lower-case form ("said", "pointing out").
func Lookup(form string) (Entry, bool) {
	once.Do(load)
	e, ok := forms[form]
	return e, ok
}

// StartsPhrase reports whether a lower-case word begins some multiword form.
func StartsPhrase(word string) bool {
	once.Do(load)
	return phrasal[word]
}

// Size is the number of forms in the lexicon.
func Size() int {
	once.Do(load)
	return len(forms)
}
