package attrib

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// General English function words the rules need to tell phrases apart.
var (
	prepositions = set(`in on at during to with before after from via through over by for about amid
		upon into onto under across against between among within without throughout towards toward
		following regarding concerning despite since until while as like near per`)
	determiners = set(`the a an this that these those another each every some any no all both either
		neither one two three four five several many much more most few his her its their our my your`)
	subjectPronouns = set(`he she it they we i you who`)
	objectPronouns  = set(`him her them me us it you reporters journalists`)
	// Auxiliaries and adverbs that may stand between a subject and its
	// reporting verb ("he has also said", "Hadidi further stated").
	auxiliaries = set(`has have had having is are was were be been being will would shall should can
		could may might must did does do also further then later again previously repeatedly reportedly
		publicly privately frankly once earlier already still even just never always often recently
		subsequently additionally moreover furthermore however meanwhile too not n't wo ca`)
	// Modal and negated auxiliaries: a verb after them states no report
	// of what was said ("could not negotiate").
	modals       = set(`will would shall should can could may might must not n't wo ca cannot`)
	conjunctions = set(`and but or nor yet so while whereas`)
	// Words that end a noun phrase to the left (a verb or clause marker).
	clauseWords = set(`that which who whom whose when where why how if because although though since
		unless whether than as`)
	// Forms of "be": a reporting verb after one is passive ("was told").
	beForms = set(`is are was were be been being am 's`)
)

// Nouns that turn "expressed X that" into a reporting expression:
// general English nouns of attitude.
var attitudeNouns = set(`confidence concern hope regret belief fear doubt surprise optimism
	pessimism conviction satisfaction dismay frustration worry`)

func isAdverb(l string) bool {
	return strings.HasSuffix(l, "ly") && len(l) > 4 || auxiliaries[l]
}

func isPunctWord(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f && !isMarkRune(r) {
			return false
		}
	}
	return true
}

func isMarkRune(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '«', '»', '—', '–', '…', '„':
		return true
	}
	return false
}

func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "``", "''":
		return true
	}
	return false
}

func isSentenceEnd(w string) bool {
	switch w {
	case ".", "!", "?", "...", "…", "?!", "!!":
		return true
	}
	return false
}
