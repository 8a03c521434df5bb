package attrib_test

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib"
	"github.com/whosaid/whosaid/pipeline/pipelinetest"
)

// TestMentionForIsTheHead: the speaker of a source phrase is the head of
// its noun phrase (or the name apposed to a role head), never a name in
// its apposition, relative clause or prepositional phrase.
func TestMentionForIsTheHead(t *testing.T) {
	cases := []struct {
		text, source, want string // want "" for no mention
	}{
		{"Mara Quill, a professor of botany at the University of Westmarch, said the frost came early.",
			"Mara Quill, a professor of botany at the University of Westmarch,", "Mara Quill"},
		{"Lena Brook, who played with Tomas Vey, said the team was ready.",
			"Lena Brook, who played with Tomas Vey,", "Lena Brook"},
		{"Atmospheric chemist Dan Orrin at the Eastfield Institute says the data is clear.",
			"Atmospheric chemist Dan Orrin at the Eastfield Institute", "Dan Orrin"},
		{"Director, security research at the firm Velmont, Ana Ruiz, agreed with the finding.",
			"Director, security research at the firm Velmont, Ana Ruiz,", "Ana Ruiz"},
		{"The agency's chief planner, Ines Carvalho, said the line would open.",
			"The agency's chief planner, Ines Carvalho,", "Ines Carvalho"},
		{"A spokeswoman for Jan Novak said he was away.",
			"A spokeswoman for Jan Novak", "A spokeswoman for Jan Novak"},
		{"The talks resumed, according to the Velora channel affiliated with the Harbour Movement.",
			"the Velora channel affiliated with the Harbour Movement", "Velora channel"},
	}
	for _, c := range cases {
		d := pipelinetest.Annotate(t, c.text, whosaid.LayerMentions)
		at := strings.Index(c.text, c.source)
		if at < 0 {
			t.Fatalf("%q not in %q", c.source, c.text)
		}
		m := attrib.MentionFor(d, whosaid.Span{Start: at, End: at + len(c.source)})
		got := ""
		if m >= 0 {
			got = d.Str(d.Mentions[m].Span)
		}
		if got != c.want {
			t.Errorf("%q: speaker mention %q, want %q", c.source, got, c.want)
		}
	}
}
