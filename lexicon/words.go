package lexicon

import (
	"bufio"
	"embed"
	"strings"
	"sync"

	"github.com/whosaid/whosaid"
)

// The word lists of words/: titles and honorifics that precede a name,
// role nouns, the heads of organisation names, and places. General
// English; no person or outlet.
//
//go:embed words/*.txt
var wordFiles embed.FS

// RoleInfo is what a role noun ("minister", "ministry", "officials")
// tells about its referent.
type RoleInfo struct {
	Org    bool // an organisation ("ministry")
	Plural bool // a group ("officials")
	Gender whosaid.Gender
}

var (
	wordsOnce sync.Once
	// titles maps a lower-case title (one or more words) to the gender it
	// implies.
	titles     map[string]whosaid.Gender
	maxTitleWs int
	honorifics map[string]bool // lower-case forms of address
	roles      map[string]RoleInfo
	orgHeads   map[string]bool // capitalised as written
	places     map[string]bool // capitalised as written; words of multiword places
	modifiers  map[string]bool // capitalised as written → names a group alone
)

func loadWords() {
	titles = map[string]whosaid.Gender{}
	for _, line := range wordLines("words/titles.txt") {
		name, attr, _ := strings.Cut(line, "=")
		key := strings.ToLower(name)
		titles[key] = whosaid.Gender(attr)
		if n := len(strings.Fields(key)); n > maxTitleWs {
			maxTitleWs = n
		}
	}
	honorifics = map[string]bool{}
	for _, line := range wordLines("words/honorifics.txt") {
		honorifics[strings.ToLower(line)] = true
	}
	roles = map[string]RoleInfo{}
	for _, line := range wordLines("words/roles.txt") {
		name, attr, _ := strings.Cut(line, "=")
		ri := RoleInfo{}
		switch attr {
		case "org":
			ri.Org = true
		case "plural":
			ri.Plural = true
		case "male", "female":
			ri.Gender = whosaid.Gender(attr)
		}
		roles[name] = ri
	}
	orgHeads = map[string]bool{}
	for _, line := range wordLines("words/orgheads.txt") {
		orgHeads[line] = true
	}
	modifiers = map[string]bool{}
	for _, line := range wordLines("words/modifiers.txt") {
		w, attr, _ := strings.Cut(line, "=")
		modifiers[w] = attr == "group"
	}
	places = map[string]bool{}
	for _, line := range wordLines("words/places.txt") {
		for _, w := range strings.Fields(line) {
			places[w] = true
		}
	}
}

func wordLines(name string) []string {
	b, err := wordFiles.ReadFile(name)
	if err != nil {
		panic("lexicon: missing embedded word list " + name)
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || l[0] == '#' {
			continue
		}
		out = append(out, l)
	}
	return out
}

// Title reports whether s (any case, one or more words) is a title or
// honorific that can precede a name, and the gender it implies.
func Title(s string) (whosaid.Gender, bool) {
	wordsOnce.Do(loadWords)
	g, ok := titles[strings.ToLower(s)]
	return g, ok
}

// MaxTitleWords is the number of words of the longest title.
func MaxTitleWords() int {
	wordsOnce.Do(loadWords)
	return maxTitleWs
}

// IsHonorific reports whether s is a form of address ("His Eminence").
func IsHonorific(s string) bool {
	wordsOnce.Do(loadWords)
	return honorifics[strings.ToLower(s)]
}

// Role returns what the lower-case role noun w tells, if it is one.
func Role(w string) (RoleInfo, bool) {
	wordsOnce.Do(loadWords)
	r, ok := roles[w]
	return r, ok
}

// IsOrgHead reports whether the capitalised word w heads organisation
// names ("Ministry", "Council").
func IsOrgHead(w string) bool {
	wordsOnce.Do(loadWords)
	return orgHeads[w]
}

// IsPlace reports whether the capitalised word w is (part of) a country,
// region, city or nationality.
func IsPlace(w string) bool {
	wordsOnce.Do(loadWords)
	return places[w]
}

// NameModifier reports whether the capitalised word w describes a person
// right before a name ("Republican", "Rival", "Actress") rather than being
// part of it, and whether alone it names a group of people
// ("Republicans").
func NameModifier(w string) (ok, group bool) {
	wordsOnce.Do(loadWords)
	group, ok = modifiers[w]
	return ok, group
}
