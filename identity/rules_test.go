package identity_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
)

// entityOf returns the entity of the article named name, or nil.
func entityOf(d *whosaid.Doc, name string) *whosaid.Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

// variants lists the name mentions of an entity as written.
func variants(d *whosaid.Doc, e *whosaid.Entity) []string {
	var out []string
	for _, mi := range e.Mentions {
		if m := d.Mentions[mi]; m.Kind == whosaid.MentionName {
			out = append(out, m.Name)
		}
	}
	return out
}

// TestNameWordsWithinArticle: a word that only looks like a name's short
// form (same consonants, other spelling) is not that person.
func TestNameWordsWithinArticle(t *testing.T) {
	cases := []struct {
		name, text, person string
		notVariant         []string
	}{
		{"similar family name",
			"Governor Nora Bellin said that the budget was balanced. Bellon, a spokesman for the rival campaign, said that it was not.",
			"Nora Bellin", []string{"Bellon"}},
		{"a common word with the name's consonants",
			"Ana Polak said that the march would go ahead. Police said that the square would be closed.",
			"Ana Polak", []string{"Police"}},
		{"the same family name spelled alike joins",
			"Ana Polak said that the march would go ahead. Polak added that nobody would be hurt.",
			"Ana Polak", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := annotate(t, c.text)
			e := entityOf(d, c.person)
			if e == nil {
				t.Fatalf("no entity %q: %v", c.person, speakers(d))
			}
			vs := variants(d, e)
			for _, v := range c.notVariant {
				if slices.Contains(vs, v) {
					t.Errorf("%q became a variant of %s: %v", v, c.person, vs)
				}
			}
			if c.notVariant == nil && len(vs) < 2 {
				t.Errorf("the short form did not join %s: %v", c.person, vs)
			}
		})
	}
}

// link annotates and links texts in order over one index, as ingest does
// over a store.
func link(t *testing.T, texts ...string) []*whosaid.Doc {
	ix := identity.NewMemoryIndex()
	var docs []*whosaid.Doc
	for i, text := range texts {
		d := annotate(t, text)
		d.ID = "doc" + string(rune('a'+i))
		if err := (identity.Linker{}).Link(context.Background(), ix, d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// speakerIDOf returns the speaker id of the entity named name in d.
func speakerIDOf(t *testing.T, d *whosaid.Doc, name string) string {
	t.Helper()
	e := entityOf(d, name)
	if e == nil {
		t.Fatalf("no entity %q in %s: %v", name, d.ID, speakers(d))
	}
	return e.SpeakerID
}

// TestIdentityAcrossArticles holds the cross-article rules: different
// given names never merge, a bare family name stays in its article, one
// person is one speaker whatever word came before the name.
func TestIdentityAcrossArticles(t *testing.T) {
	docs := link(t,
		"Maria Lenk said that the harbour would reopen. Lenk added that the strike was over.",
		"Tomas Lenk said that the harbour would stay closed. Lenk added that the strike would go on.",
		"Lenk said on Friday that talks had failed.",
		"Maria Lenk told reporters that the deal was signed.",
	)
	maria, tomas := speakerIDOf(t, docs[0], "Maria Lenk"), speakerIDOf(t, docs[1], "Tomas Lenk")
	if maria == tomas {
		t.Errorf("Maria Lenk and Tomas Lenk are one speaker %s", maria)
	}
	if got := speakerIDOf(t, docs[3], "Maria Lenk"); got != maria {
		t.Errorf("Maria Lenk in two articles: %s and %s", maria, got)
	}
	if bare := speakerIDOf(t, docs[2], "Lenk"); bare == maria || bare == tomas {
		t.Errorf("a bare family name in another article joined a speaker across the store: %s", bare)
	}
	for _, d := range docs {
		for _, sp := range d.Speakers {
			for _, v := range sp.Variants {
				if strings.Contains(sp.Name, "Maria") && strings.Contains(v, "Tomas") || strings.Contains(sp.Name, "Tomas") && strings.Contains(v, "Maria") {
					t.Errorf("%s has the variant %q", sp.Name, v)
				}
			}
		}
	}
}

// TestOrganisationsAcrossArticles: an organisation's name is its words —
// a title word in it ("Justice") is not dropped to match another's.
func TestOrganisationsAcrossArticles(t *testing.T) {
	docs := link(t,
		"The Harbour Justice Ministry said that the port was closed.",
		"The Harbour Labour Ministry said that the port was open.",
		"The Harbour Justice Ministry said on Monday that the port would reopen.",
	)
	a, b, c := speakerIDOf(t, docs[0], "Harbour Justice Ministry"), speakerIDOf(t, docs[1], "Harbour Labour Ministry"), speakerIDOf(t, docs[2], "Harbour Justice Ministry")
	if a == b {
		t.Errorf("two ministries are one speaker %s", a)
	}
	if a != c {
		t.Errorf("one ministry in two articles: %s and %s", a, c)
	}
}

// TestAppositionOfTwoNames: a newspaper named beside a person in
// apposition is not one of the person's names.
func TestAppositionOfTwoNames(t *testing.T) {
	d := annotate(t, "Writing in the Sentinel, her senior adviser, Tomas Lenk, said that the plan would work.")
	for _, e := range d.Entities {
		vs := variants(d, &e)
		if slices.Contains(vs, "Tomas Lenk") && len(vs) > 1 {
			t.Errorf("Tomas Lenk's entity has the names %v", vs)
		}
	}
}

// TestShortNameOfTheMainPerson: a family name alone, when the article
// names one bearer far more often than the other, is that bearer; when
// not, it stays apart; the two full names never merge.
func TestShortNameOfTheMainPerson(t *testing.T) {
	main := "Ana Pereira said that the port would reopen. Ana Pereira added that wages would rise. " +
		"Critics of Ana Pereira said that she was late. Her brother, Tomas Pereira, said that he agreed. Pereira said on Monday that the deal was done."
	d := annotate(t, main)
	got := speakers(d)
	if got[len(got)-1] != "Ana Pereira" {
		t.Errorf("the last statement's speaker is %q, want Ana Pereira (%v)", got[len(got)-1], got)
	}
	if e := entityOf(d, "Ana Pereira"); e == nil || slices.Contains(variants(d, e), "Tomas Pereira") {
		t.Errorf("Tomas Pereira merged into Ana Pereira")
	}
	even := "Ana Pereira said that the port would reopen. Her brother, Tomas Pereira, said that he agreed. Pereira said on Monday that the deal was done."
	d = annotate(t, even)
	if got := speakers(d); got[len(got)-1] != "Pereira" {
		t.Errorf("with both named once, the bare name went to %q (%v)", got[len(got)-1], got)
	}
}

// TestOneWordNamesAcrossArticles: a one-word name links across articles
// only spelled alike.
func TestOneWordNamesAcrossArticles(t *testing.T) {
	docs := link(t,
		"The Ruritania-based broadcaster Telemundia said that the vote was fair.",
		"Telemundia said on Monday that the count was over.",
		"Telemundio said on Monday that the count was late.",
	)
	var ids []string
	for i, name := range []string{"Telemundia", "Telemundia", "Telemundio"} {
		ids = append(ids, speakerIDOf(t, docs[i], name))
	}
	if ids[0] != ids[1] {
		t.Errorf("one name in two articles: %v", ids)
	}
	if ids[2] == ids[0] {
		t.Errorf("a similar one-word name joined across articles: %v", ids)
	}
}

// TestBareNameWithRole: a family name alone links across the store only
// when the article ties it to the stored person by an organisation both
// are named with ("the Harbour Union leader"), never by a generic office
// ("the minister").
func TestBareNameWithRole(t *testing.T) {
	docs := link(t,
		"Harbour Union leader Maria Lenk said that the strike would end.",
		"Minister Tomas Lenk said that the port would reopen.",
		"The Harbour Union leader, Lenk, said on Monday that talks had failed.",
		"The minister, Lenk, said on Monday that talks had failed.",
	)
	maria, tomas := speakerIDOf(t, docs[0], "Maria Lenk"), speakerIDOf(t, docs[1], "Tomas Lenk")
	if got := speakerIDOf(t, docs[2], "Lenk"); got != maria {
		t.Errorf("the union leader Lenk is %s, want Maria Lenk's %s", got, maria)
	}
	if got := speakerIDOf(t, docs[3], "Lenk"); got == tomas || got == maria {
		t.Errorf("a bare family name with a generic office linked across the store: %s", got)
	}
}
