package identity_test

import (
	"context"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/pipeline/pipelinetest"
)

// annotate runs the standard pipeline on text up to speaker resolution,
// with the rules for attribution: the cases are about resolution, and
// the rules' statements are the ones the cases were written for.
func annotate(t *testing.T, text string) *whosaid.Doc {
	return pipelinetest.Annotate(t, text, whosaid.LayerEntities, pipeline.Options{Attribution: pipeline.AttribRules})
}

// speakers lists each statement's speaker name ("?" when unresolved), in
// text order.
func speakers(d *whosaid.Doc) []string {
	var out []string
	for _, s := range d.Statements {
		if s.Entity < 0 {
			out = append(out, "?")
			continue
		}
		out = append(out, d.Entities[s.Entity].Name)
	}
	return out
}

func TestResolveWithinArticle(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"pronoun chain",
			"Maria Lopez said that the vote was fair. She added that turnout was high.\n\nLater, she told reporters that the count would end soon.",
			[]string{"Maria Lopez", "Maria Lopez", "Maria Lopez"}},
		{"surname and title",
			"Senator Ruth Adler said that the bill would pass. Adler also said that the vote was close.",
			[]string{"Ruth Adler", "Ruth Adler"}},
		{"two people with one surname stay apart",
			"John Park said that the firm was sound. His brother, Daniel Park, said that it was not. Park added that he would sell.",
			[]string{"John Park", "Daniel Park", "Park"}}, // "Park" alone is ambiguous: its own entity
		{"form of address to the titled person",
			"Sheikh Ahmad Tarek said that the talks would resume. His Eminence added that patience was needed.",
			[]string{"Ahmad Tarek", "Ahmad Tarek"}},
		{"organisation and its role noun",
			"The Interior Ministry said that the border was closed. The ministry also said that it would reopen on Monday.",
			[]string{"Interior Ministry", "Interior Ministry"}},
		{"apposition gives a role the nominal later uses",
			"Omar Haddad, the leader of the Union Party, said that the election was rigged. The party leader added that protests would follow.",
			[]string{"Omar Haddad", "Omar Haddad"}},
		{"relative pronoun",
			"He praised Lina Farah, who said that the reform was overdue.",
			[]string{"Lina Farah"}},
		{"gender keeps Mrs and Mr apart",
			"Mrs. Grant said that the school should stay open. Mr. Grant said that it should close. She repeated that closing was a mistake.",
			[]string{"Grant", "Grant", "Grant"}},
		{"the speaker of a quotation after the reporting clause",
			"“We will rebuild,” the mayor said.\n\n“Every house will stand again before the winter comes.”",
			[]string{"mayor", "mayor"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := annotate(t, c.text)
			got := speakers(d)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("speakers %q, want %q", got, c.want)
				for _, e := range d.Entities {
					t.Logf("entity %s %s %v", e.Name, e.Type, e.Why)
				}
			}
		})
	}
}

func TestMrsAndMrAreTwoEntities(t *testing.T) {
	d := annotate(t, "Mrs. Grant said that the school should stay open. Mr. Grant said that it should close. She repeated that closing was a mistake.")
	if len(d.Statements) != 3 {
		t.Fatalf("%d statements", len(d.Statements))
	}
	a, b, c := d.Statements[0].Entity, d.Statements[1].Entity, d.Statements[2].Entity
	if a < 0 || b < 0 || a == b {
		t.Errorf("Mrs. Grant and Mr. Grant merged or unresolved: %d %d", a, b)
	}
	if c != a {
		t.Errorf("“She” should be Mrs. Grant (entity %d), got %d", a, c)
	}
}

func TestLinkAcrossArticles(t *testing.T) {
	docs := []*whosaid.Doc{
		annotate(t, "Sheikh Ahmad al-Tarek said that the talks would resume."),
		annotate(t, "Tareq said that patience was needed."),
		annotate(t, "Ahmed Tarek told the crowd that victory was near."),
		annotate(t, "Muqtada al-Sadr said that the vote was valid. Mohammed Baqir al-Sadr wrote that reform was needed."),
		annotate(t, "Sadr said that the government had failed."),
	}
	ix := identity.NewMemoryIndex()
	for _, d := range docs {
		if err := (identity.Linker{}).Link(context.Background(), ix, d); err != nil {
			t.Fatal(err)
		}
	}
	id := func(d *whosaid.Doc, k int) string {
		if sp := d.SpeakerOf(k); sp != nil {
			return sp.ID
		}
		return ""
	}
	tarek := id(docs[0], 0)
	if tarek == "" || id(docs[2], 0) != tarek {
		t.Errorf("one speaker across al-Tarek / Ahmed Tarek: %q %q", tarek, id(docs[2], 0))
	}
	// A bare family name names a speaker of its own article only: it
	// could be anyone called so.
	if bare := id(docs[1], 0); bare == "" || bare == tarek {
		t.Errorf("a bare family name must not link across articles: %q", bare)
	}
	muqtada, baqir, sadr := id(docs[3], 0), id(docs[3], 1), id(docs[4], 0)
	if muqtada == baqir || sadr == muqtada || sadr == baqir {
		t.Errorf("different al-Sadrs merged: %q %q %q", muqtada, baqir, sadr)
	}
	if sp := docs[2].SpeakerOf(0); sp == nil || sp.Name != "Ahmad al-Tarek" {
		t.Errorf("speaker %+v, want the fullest form seen first", sp)
	}
}

// TestLinkNamesakes: a stored bare family name does not pull a namesake
// in. "Kaya" was once the minister; "Mehmet Kaya" is someone else.
func TestLinkNamesakes(t *testing.T) {
	ix := identity.NewMemoryIndex()
	var ids []string
	for _, text := range []string{
		"Transport Minister Aylin Kaya said the ports would reopen. Kaya added that talks were over.",
		"Opposition deputy Mehmet Kaya said the contract was signed in secret.",
		"Aylin Kaya told reporters that the strike must end.",
	} {
		d := annotate(t, text)
		if err := (identity.Linker{}).Link(context.Background(), ix, d); err != nil {
			t.Fatal(err)
		}
		sp := d.SpeakerOf(0)
		if sp == nil {
			t.Fatalf("no speaker in %q", text)
		}
		ids = append(ids, sp.ID)
	}
	if ids[0] == ids[1] || ids[0] != ids[2] {
		t.Errorf("Aylin, Mehmet, Aylin Kaya: %v", ids)
	}
}
