package mention

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// IsTitle reports whether s (any case, one or more words) is a title or
// honorific that can precede a name, and the gender it implies.
func IsTitle(s string) (whosaid.Gender, bool) { return lexicon.Title(s) }

// IsHonorific reports whether s is a form of address ("His Eminence").
func IsHonorific(s string) bool { return lexicon.IsHonorific(s) }

// IsPlace reports whether the capitalised word s is a country, region,
// city or nationality.
func IsPlace(s string) bool { return lexicon.IsPlace(s) }

// pronouns: lower-case form -> gender, plural, person.
type pronounInfo struct {
	gender whosaid.Gender
	plural bool
	person int
	// object and possessive forms are mentions too, but cannot be the
	// subject of a reporting verb.
	subject bool
}

var pronouns = map[string]pronounInfo{
	"he": {whosaid.Male, false, 3, true}, "him": {whosaid.Male, false, 3, false}, "his": {whosaid.Male, false, 3, false}, "himself": {whosaid.Male, false, 3, false},
	"she": {whosaid.Female, false, 3, true}, "her": {whosaid.Female, false, 3, false}, "hers": {whosaid.Female, false, 3, false}, "herself": {whosaid.Female, false, 3, false},
	"it": {whosaid.Neuter, false, 3, true}, "its": {whosaid.Neuter, false, 3, false}, "itself": {whosaid.Neuter, false, 3, false},
	"they": {whosaid.NoGender, true, 3, true}, "them": {whosaid.NoGender, true, 3, false}, "their": {whosaid.NoGender, true, 3, false}, "themselves": {whosaid.NoGender, true, 3, false},
	"i": {whosaid.NoGender, false, 1, true}, "me": {whosaid.NoGender, false, 1, false}, "my": {whosaid.NoGender, false, 1, false}, "myself": {whosaid.NoGender, false, 1, false},
	"we": {whosaid.NoGender, true, 1, true}, "us": {whosaid.NoGender, true, 1, false}, "our": {whosaid.NoGender, true, 1, false}, "ourselves": {whosaid.NoGender, true, 1, false},
	"you": {whosaid.NoGender, false, 2, true}, "your": {whosaid.NoGender, false, 2, false},
}

// Relative pronouns that can head a reporting clause ("X, who said …").
var relatives = map[string]bool{"who": true, "which": true}

// notNames are capitalised words that start sentences or headlines but are
// not names: function words, sentence adverbs, weekdays and months (dates,
// not speakers). General English.
var notNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a an the this that these those there here it its it's he she they we i you his her their our my your
and or but nor so yet for if when while although though because since as after before until unless
whereas whether once then thus hence however moreover furthermore additionally also meanwhile
nevertheless nonetheless still besides instead indeed in on at by with from to of into onto over under
about above below across along among around against between beyond during despite except inside
outside through throughout toward towards upon within without via per according regarding concerning
following including like unlike near what which who whom whose why how where all any both each every
either neither some many much more most few several no not none one two three four five six seven eight
nine ten first second third last next another other such same only just even again already always
never often sometimes soon now today yesterday tomorrow tonight currently recently finally first
elsewhere overall earlier later previously similarly likewise specifically particularly notably
importantly ultimately initially eventually apparently clearly obviously certainly perhaps maybe
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december mon tue tues wed thu thurs fri sat feb apr jun
jul aug sep sept oct nov dec is are was were be been being has have had do does did will would can
could may might must shall should yes no ok okay
`) {
		m[w] = true
	}
	return m
}()

// nameConnectors are lower-case particles inside personal and
// organisation names ("bin", "de", "van der", "al").
var nameConnectors = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true, "abd": true, "ben": true,
	"de": true, "da": true, "del": true, "della": true, "di": true, "du": true, "dos": true, "das": true,
	"van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "y": true, "ter": true,
	"ould": true, "bou": true,
}
