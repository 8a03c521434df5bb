package dates

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

// statementDoc builds a one-sentence Doc with one statement whose cue and
// content are given as substrings of text.
func statementDoc(text, cue, content string, published *time.Time) *whosaid.Doc {
	d := &whosaid.Doc{}
	d.SetText(text)
	d.Meta.Published = published
	d.Sentences = []whosaid.Sentence{{Span: whosaid.Span{Start: 0, End: len(text)}}}
	c := strings.Index(text, cue)
	k := strings.Index(text, content)
	d.Statements = []whosaid.Statement{{
		Kind:    whosaid.Indirect,
		Cue:     &whosaid.Span{Start: c, End: c + len(cue)},
		Content: []whosaid.Span{{Start: k, End: k + len(content)}},
	}}
	return d
}

func TestSaidOn(t *testing.T) {
	pub := time.Date(2021, 6, 2, 9, 8, 0, 0, time.UTC)
	cases := []struct {
		name, text, cue, content string
		published                *time.Time
		want                     string // "" for none
	}{
		{"weekday before cue", "In an interview aired Tuesday evening, the minister said taxes will rise.", "said", "taxes will rise", &pub, "2021-06-01"},
		{"between cue and content", "The minister stressed, on Friday, that taxes will rise.", "stressed", "taxes will rise", &pub, "2021-05-28"},
		{"absolute needs no reference", "On 3 May 2020 the minister said taxes will rise.", "said", "taxes will rise", nil, "2020-05-03"},
		{"relative without reference", "On Friday the minister said taxes will rise.", "said", "taxes will rise", nil, ""},
		{"date inside the content is not the statement's", "The minister said taxes will rise on Monday.", "said", "taxes will rise on Monday", &pub, ""},
	}
	for _, c := range cases {
		d := statementDoc(c.text, c.cue, c.content, c.published)
		if err := (SaidOn{}).Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		st := d.Statements[0]
		got := ""
		if st.SaidOn != nil {
			got = st.SaidOn.Format("2006-01-02")
			if st.SaidOnFrom == "" {
				t.Errorf("%s: SaidOnFrom empty", c.name)
			}
		}
		if got != c.want {
			t.Errorf("%s: said on %q, want %q", c.name, got, c.want)
		}
	}
}
