package mention

import (
	"testing"

	"github.com/whosaid/whosaid"
)

// TestNameBoundaries: a capitalised word that describes a person, starts a
// sentence or is a headline's verb is not part of the name; affiliations,
// party-state tags and abbreviated months name nobody; an organisation
// named after a person is not that person.
func TestNameBoundaries(t *testing.T) {
	type named struct {
		name string
		typ  whosaid.EntityType
	}
	cases := []struct {
		in   string
		want []named // the name mentions, in order
	}{
		{"Republican Ana Pereira said the vote was fair.", []named{{"Ana Pereira", whosaid.Person}}},
		{"Rival Ana Pereira said no.", []named{{"Ana Pereira", whosaid.Person}}},
		{"Actress Ana Pereira said no.", []named{{"Ana Pereira", whosaid.Person}}},
		{"Every year one is chosen. They named the Liar of the Year Ana Pereira.", []named{{"Liar", whosaid.UnknownType}, {"Ana Pereira", whosaid.UnknownType}}},
		{"They mark the day. Mark J. Lenk said no.", []named{{"Mark J. Lenk", whosaid.UnknownType}}},
		{"They paid the bill. Bill de Lenk said no.", []named{{"Bill de Lenk", whosaid.UnknownType}}},
		{"Rival Lenk said no.", []named{{"Rival Lenk", whosaid.UnknownType}}}, // one name word left: kept whole
		{"Ana Pereira Says No", []named{{"Ana Pereira", whosaid.UnknownType}}},
		{"Edward Said wrote it.", []named{{"Edward Said", whosaid.UnknownType}}},
		{"Republicans said the bill was dead.", nil},
		{"Ana Pereira (R-Ohio) said no.", []named{{"Ana Pereira", whosaid.UnknownType}}},
		{"On Feb. 3 the port closed.", nil},
		{"The Pereira campaign said no.", []named{{"Pereira campaign", whosaid.Organization}}},
		// A body serving a person is named by its whole phrase: never the person.
		{"Pereira's campaign said no.", []named{{"Pereira's campaign", whosaid.Organization}}},
	}
	for _, c := range cases {
		d, ms := detect(c.in)
		var got []named
		for _, x := range ms {
			if x.Kind == whosaid.MentionName {
				got = append(got, named{x.Name, x.Type})
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: names %v, want %v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: name %d is %v, want %v (span %q)", c.in, i, got[i], c.want[i], d.Str(ms[i].Span))
			}
		}
	}
}

func TestTitlesBeforeName(t *testing.T) {
	for _, c := range []struct {
		in, name string
		typ      whosaid.EntityType
	}{
		{"On Monday, Secretary of State Ana Pereira said no.", "Ana Pereira", whosaid.Person},
		{"Senate Majority Leader Ana Pereira said no.", "Ana Pereira", whosaid.Person},
		{"The Foreign Ministry said no.", "Foreign Ministry", whosaid.Organization},
	} {
		_, ms := detect(c.in)
		found := false
		for _, m := range ms {
			if m.Kind == whosaid.MentionName {
				found = true
				if m.Name != c.name || m.Type != c.typ {
					t.Errorf("%q: name %q %s, want %q %s", c.in, m.Name, m.Type, c.name, c.typ)
				}
			}
		}
		if !found {
			t.Errorf("%q: no name", c.in)
		}
	}
}

func TestOrdinaryWordsAtStart(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int // name mentions
	}{
		{"The police closed the road. Police said the square was shut.", 0},
		{"Ruiz said the square was shut.", 1},
		{"He met Lenk on the road. Lenk said no.", 2},
		{"He met Lenk in the lenk valley. Lenk said no.", 1}, // at the start, a word written in lower case too is a word
		{"On Thursday the port closed.", 0},
		{"Texas said no.", 0},
	} {
		_, ms := detect(c.in)
		n := 0
		for _, m := range ms {
			if m.Kind == whosaid.MentionName {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%q: %d names, want %d", c.in, n, c.want)
		}
	}
}

func TestHolderAfterOrganisationTitle(t *testing.T) {
	for _, c := range []struct{ in, name, role string }{
		{"On Monday, Harbour Press Secretary Ana Pereira said no.", "Ana Pereira", "Harbour Press Secretary"},
		{"On Monday, Harbour News Correspondent Ana Pereira said no.", "Ana Pereira", "Harbour News Correspondent"},
		{"On Monday, Senate Republican Ana Pereira said no.", "Ana Pereira", "Senate Republican"},
	} {
		_, ms := detect(c.in)
		var got []string
		for _, m := range ms {
			if m.Kind == whosaid.MentionName {
				got = append(got, m.Name+"|"+m.Role+"|"+string(m.Type))
			}
		}
		if want := c.name + "|" + c.role + "|person"; len(got) != 1 || got[0] != want {
			t.Errorf("%q: %v, want %s", c.in, got, want)
		}
	}
	_, ms := detect("The Harbour Press Union said no.")
	for _, m := range ms {
		if m.Kind == whosaid.MentionName && m.Type != whosaid.Organization {
			t.Errorf("an organisation's name became %q %s", m.Name, m.Type)
		}
	}
}

func TestCommonWordsAtStart(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int // name mentions
	}{
		{"Footage shows the crowd.", 0},
		{"Mourners said the square was full.", 0},
		{"Lenk said the square was full.", 1},
		{"Footage said the square was full. He met Footage on Monday.", 2}, // capitalised inside a sentence: a name
		{"Rival Ana Pereira said no.", 1},
	} {
		_, ms := detect(c.in)
		n := 0
		for _, m := range ms {
			if m.Kind == whosaid.MentionName {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%q: %d names, want %d", c.in, n, c.want)
		}
	}
}

func TestPlacesAndInitials(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int // name mentions
	}{
		{"On Monday, South Carolina voted.", 0},
		{"On Monday, New Hampshire voted.", 0},
		{"On Monday, New Lenk voted.", 1},
		{"The vote in Fla. was close, Y. said.", 0},
	} {
		_, ms := detect(c.in)
		n := 0
		for _, m := range ms {
			if m.Kind == whosaid.MentionName {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%q: %d names, want %d", c.in, n, c.want)
		}
	}
}

func TestPlaceBeforeCommonWord(t *testing.T) {
	for in, want := range map[string]string{
		"On Monday the Moroccan Legion said no.":  "Moroccan Legion",
		"On Monday Moroccan Ana Pereira said no.": "Ana Pereira",
	} {
		_, ms := detect(in)
		got := ""
		for _, m := range ms {
			if m.Kind == whosaid.MentionName {
				got = m.Name
			}
		}
		if got != want {
			t.Errorf("%q: name %q, want %q", in, got, want)
		}
	}
}

func TestVerbEndsOrganisationNoun(t *testing.T) {
	_, ms := detect("“We will win,” Lenk told union workers in the port.")
	for _, m := range ms {
		if m.Kind == whosaid.MentionName && m.Type == whosaid.Organization {
			t.Errorf("%q became an organisation", m.Name)
		}
	}
}
