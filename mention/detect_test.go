package mention

import (
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/segment"
)

func detect(text string) (*whosaid.Doc, []whosaid.Mention) {
	d := &whosaid.Doc{Text: text}
	segment.Segment(d)
	return d, Detect(d)
}

func TestDetect(t *testing.T) {
	type m struct {
		text, name string
		kind       whosaid.MentionKind
		typ        whosaid.EntityType
		gender     whosaid.Gender
	}
	cases := []struct {
		in   string
		want []m // the non-pronoun mentions, in order
	}{
		{"Prime Minister Jan Novak spoke.", []m{{"Prime Minister Jan Novak", "Jan Novak", whosaid.MentionName, whosaid.Person, ""}}},
		{"Mrs. Ada Stone left.", []m{{"Mrs. Ada Stone", "Ada Stone", whosaid.MentionName, whosaid.Person, whosaid.Female}}},
		{"The Foreign Ministry of Ruritania said no.", []m{{"Foreign Ministry of Ruritania", "Foreign Ministry of Ruritania", whosaid.MentionName, whosaid.Organization, whosaid.Neuter}}},
		{"His Excellency arrived.", []m{{"His Excellency", "", whosaid.MentionHonorific, whosaid.Person, whosaid.Male}}},
		{"The union leader said no.", []m{{"The union leader", "", whosaid.MentionNominal, whosaid.Person, ""}}},
		{"Then the farm union chief Ana Ruiz spoke.", []m{{"the farm union chief Ana Ruiz", "Ana Ruiz", whosaid.MentionName, whosaid.Person, ""}}},
		{"Yesterday, Abu Karim bin Said arrived.", []m{{"Abu Karim bin Said", "Abu Karim bin Said", whosaid.MentionName, whosaid.UnknownType, ""}}},
		{"Officials in France said no.", []m{{"Officials", "", whosaid.MentionNominal, whosaid.UnknownType, ""}}},
		{"The military forces left Monday.", nil},
		// A body serving a person is not the person: its name is the whole
		// phrase, so it never spells the person's name.
		{"Later, Novak's office said no.", []m{{"Novak's office", "Novak's office", whosaid.MentionName, whosaid.Organization, whosaid.Neuter}}},
		{"Later, the Novak government said no.", []m{{"Novak government", "Novak government", whosaid.MentionName, whosaid.Organization, whosaid.Neuter}}},
		{"Later, the Harbour movement said no.", []m{{"Harbour movement", "Harbour", whosaid.MentionName, whosaid.Organization, whosaid.Neuter}}},
	}
	for _, c := range cases {
		d, ms := detect(c.in)
		var got []whosaid.Mention
		for _, x := range ms {
			if x.Kind != whosaid.MentionPronoun {
				got = append(got, x)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: %d mentions, want %d", c.in, len(got), len(c.want))
			for _, x := range got {
				t.Logf("  %q %s %s", d.Str(x.Span), x.Kind, x.Type)
			}
			continue
		}
		for i, w := range c.want {
			g := got[i]
			if d.Str(g.Span) != w.text || g.Name != w.name || g.Kind != w.kind || g.Type != w.typ || g.Gender != w.gender {
				t.Errorf("%q: mention %q name=%q %s %s %q, want %+v", c.in, d.Str(g.Span), g.Name, g.Kind, g.Type, g.Gender, w)
			}
		}
	}
}

func TestAppositionAndPronouns(t *testing.T) {
	d, ms := detect("Lena Moss, the head of the agency, said she would stay.")
	var name, nominal, she = -1, -1, -1
	for i, m := range ms {
		switch d.Str(m.Span) {
		case "Lena Moss":
			name = i
		case "the head of the agency":
			nominal = i
		case "she":
			she = i
		}
	}
	if name < 0 || nominal < 0 || she < 0 {
		t.Fatalf("mentions missing: %d %d %d", name, nominal, she)
	}
	if ms[name].Apposition != nominal || ms[nominal].Apposition != name {
		t.Errorf("apposition not linked: %d %d", ms[name].Apposition, ms[nominal].Apposition)
	}
	if ms[she].Gender != whosaid.Female || ms[she].Kind != whosaid.MentionPronoun {
		t.Errorf("she: %+v", ms[she])
	}
}
