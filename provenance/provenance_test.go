package provenance_test

import (
	"context"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
)

func annotate(t *testing.T, text string) *whosaid.Doc {
	t.Helper()
	stages, err := pipeline.Default(pipeline.Options{TextAsIs: true})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New([]whosaid.Layer{whosaid.LayerRaw}, stages...)
	if err != nil {
		t.Fatal(err)
	}
	d := &whosaid.Doc{Raw: []byte(text), MediaType: whosaid.MediaText}
	p.Run(context.Background(), d)
	if d.Failed() {
		t.Fatal(d.Errors)
	}
	return d
}

func TestProvenance(t *testing.T) {
	cases := []struct {
		text, content string // content: a piece of the statement checked
		medium, via   string
		speakerless   bool // the source is a carrier: no speaker
	}{
		{`Mayor Tilda Vance told Coast Radio that the bridge would reopen in May.`, "the bridge would reopen", "", "Coast Radio", false},
		{`In an interview with the Harbour Times, Mayor Tilda Vance said that the bridge would reopen in May.`, "the bridge would reopen", "interview", "Harbour Times", false},
		{`Speaking in a televised interview, Senator Osric Pell said the budget was dead.`, "the budget was dead", "televised interview", "", false},
		{`Osric Pell said at a press conference on Monday that the budget was dead.`, "the budget was dead", "press conference", "", false},
		{`"The budget is dead," Osric Pell wrote on X.`, "The budget is dead", "post on X", "", false},
		{`The minister, Hana Roos, said in a statement that the port would stay open.`, "the port would stay open", "statement", "", false},
		{`In a letter to the council, Hana Roos said the port would stay open.`, "the port would stay open", "letter", "", false},
		// What the speaker says about a medium is not how it reached us.
		{`Hana Roos said that the rumours she had seen on Facebook were false.`, "the rumours she had seen", "", "", false},
		{`Hana Roos said the port would stay open.`, "the port would stay open", "", "", false},
		{`Mayor Tilda Vance told Coast Radio Friday that the bridge would reopen in May.`, "the bridge would reopen", "", "Coast Radio", false},
		{`Economists still debate whether the reform worked, Hana Roos said.`, "whether the reform worked", "", "", false},
		{`Hana Roos said during a debate in parliament that the port would stay open.`, "the port would stay open", "dialogue", "", false},
		// A carrier is named as such and is not the speaker.
		{`The rebels will lay down their arms next week, according to the Delta News channel.`, "lay down their arms", "", "Delta News channel", true},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			d := annotate(t, c.text)
			var st *whosaid.Statement
			for i := range d.Statements {
				if strings.Contains(d.Str(d.Statements[i].ContentSpan()), c.content) {
					st = &d.Statements[i]
				}
			}
			if st == nil {
				t.Fatalf("no statement with %q", c.content)
			}
			if st.Medium != c.medium || st.Via != c.via {
				t.Errorf("medium %q via %q, want %q %q", st.Medium, st.Via, c.medium, c.via)
			}
			if c.speakerless && st.Entity >= 0 {
				t.Errorf("the carrier became the speaker %q", d.Entities[st.Entity].Name)
			}
		})
	}
}

// A frame sentence gives its medium to the speaker's other statements,
// and only to that speaker's.
func TestFrames(t *testing.T) {
	d := annotate(t, `During an interview with Lakeside TV, harbour chief Mira Osk spoke about the new quay.

"We start in June," Osk said. She added that the cost would be shared with the region.

Union leader Pavel Brek said the workers had not been consulted.`)
	got := map[string]string{}
	for i := range d.Statements {
		s := &d.Statements[i]
		got[d.Str(s.ContentSpan())] = s.Medium + "|" + s.Via
	}
	for content, want := range map[string]string{
		"We start in June":                         "interview|Lakeside TV",
		"the cost would be shared with the region": "interview|Lakeside TV",
		"the workers had not been consulted":       "|",
	} {
		found := false
		for c, g := range got {
			if strings.Contains(c, content) {
				found = true
				if g != want {
					t.Errorf("%q: %q, want %q", content, g, want)
				}
			}
		}
		if !found {
			t.Errorf("no statement with %q among %v", content, got)
		}
	}
}
