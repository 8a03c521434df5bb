package identity

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/whosaid/whosaid"
)

// A person named without a title or a pronoun ("Lisa Harris said") still
// has a gender most readers see at once: "she" a sentence later refers to
// her, not to "Kevin Vickers" named in her statement. The list holds
// common given names that name one sex far more often than the other.
//
//go:embed givennames.txt
var givenNamesText string

var (
	givenOnce  sync.Once
	givenNames map[string]whosaid.Gender
)

// givenGender returns the gender a given name implies, or NoGender.
func givenGender(w string) whosaid.Gender {
	givenOnce.Do(func() {
		givenNames = map[string]whosaid.Gender{}
		for _, line := range strings.Split(givenNamesText, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' {
				continue
			}
			name, g, _ := strings.Cut(line, "=")
			givenNames[name] = whosaid.Gender(g)
		}
	})
	return givenNames[strings.ToLower(w)]
}

// nameGender is the gender the given names of a cluster's full names
// imply: NoGender when none is known or two disagree.
func (f *clusterFacts) nameGender() whosaid.Gender {
	g := whosaid.NoGender
	for _, ws := range f.names {
		if len(ws) < 2 {
			continue
		}
		ng := givenGender(ws[0])
		if ng == whosaid.NoGender {
			continue
		}
		if g != whosaid.NoGender && g != ng {
			return whosaid.NoGender
		}
		g = ng
	}
	return g
}
