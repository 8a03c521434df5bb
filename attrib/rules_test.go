package attrib_test

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/segment"
)

// annotate runs the stages attribution needs on a text.
func annotate(text string) *whosaid.Doc {
	d := &whosaid.Doc{Text: text}
	segment.Segment(d)
	d.Quotes = segment.FindQuotes(d.Text, d.Paragraphs, d.Sentences)
	d.Mentions = mention.Detect(d)
	d.Statements = attrib.Find(d)
	return d
}

// want is one expected statement; empty fields are not checked.
type want struct {
	source, cue, content string
	kind                 whosaid.StatementKind
	fragments            int
}

func describe(d *whosaid.Doc, s whosaid.Statement) string {
	src, cue := "-", "-"
	if s.Source != nil {
		src = d.Str(*s.Source)
	}
	if s.Cue != nil {
		cue = d.Str(*s.Cue)
	}
	return src + " | " + cue + " | " + d.Str(s.ContentSpan()) + " | " + string(s.Kind)
}

func TestRules(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"direct, reporting clause after",
			`"We will not stop," the minister said.`,
			[]want{{source: "the minister", cue: "said", content: `"We will not stop,"`, kind: whosaid.Direct}}},
		{"indirect with that",
			"The minister said that the talks had failed.",
			[]want{{source: "The minister", cue: "said", content: "that the talks had failed", kind: whosaid.Indirect}}},
		{"interrupted quotation",
			"“The first part,” she said, “and the second part.”",
			[]want{{source: "she", cue: "said", content: "“The first part,” she said, “and the second part.”", fragments: 2, kind: whosaid.Direct}}},
		{"quotation over two paragraphs",
			"The governor said: “The first paragraph of the quote goes on here.\n\n“And the second paragraph ends it.”",
			[]want{{source: "The governor", cue: "said", content: "“The first paragraph of the quote goes on here.\n\n“And the second paragraph ends it.”", kind: whosaid.Direct}}},
		{"nested quotation is one statement",
			"“He told me ‘never again’ and left,” the witness said.",
			[]want{{source: "the witness", cue: "said", content: "“He told me ‘never again’ and left,”", kind: whosaid.Direct}}},
		{"unclosed quotation runs to the paragraph end",
			"The spokesman said: \"We reject the plan and will fight it.\n\nIn other news, rain.",
			[]want{{source: "The spokesman", cue: "said", content: "\"We reject the plan and will fight it.", kind: whosaid.Direct}}},
		{"participle chain shares the subject",
			"The mayor stressed that the city was safe, adding that patrols would continue.",
			[]want{
				{source: "The mayor", cue: "stressed", content: "that the city was safe"},
				{source: "The mayor", cue: "adding", content: "that patrols would continue"}}},
		{"according to, after the content",
			"The plan was shelved last week, according to two officials.",
			[]want{{source: "two officials", cue: "according to", content: "The plan was shelved last week"}}},
		{"according to, before the content",
			"According to the report, prices rose sharply.",
			[]want{{source: "the report", cue: "According to", content: "prices rose sharply"}}},
		{"mixed: reported speech with a quoted piece",
			"He said that the deal was “dead on arrival.”",
			[]want{{source: "He", cue: "said", content: "that the deal was “dead on arrival.”", kind: whosaid.Mixed}}},
		{"inverted reporting clause",
			`"It is over," said the coach.`,
			[]want{{source: "the coach", cue: "said", content: `"It is over,"`}}},
		{"addressee before the content",
			"The general told reporters that the offensive had begun.",
			[]want{{source: "The general", cue: "told", content: "that the offensive had begun"}}},
		{"went on to",
			"Smith went on to reveal that he had resigned in March.",
			[]want{{source: "Smith", cue: "went on to reveal", content: "that he had resigned in March"}}},
		{"clause without that",
			"Officials said the bridge would reopen next week.",
			[]want{{source: "Officials", cue: "said", content: "the bridge would reopen next week"}}},
		// Its speaker is the passage's current one, which identity decides
		// (identity's tests); its sentence names no source.
		{"continuation quotation has no source of its own",
			"“We are ready,” the coach said.\n\n“Nobody will stop this team from winning the title this year.”",
			[]want{
				{source: "the coach", cue: "said", content: "“We are ready,”"},
				{source: "-", cue: "-", content: "“Nobody will stop this team from winning the title this year.”"}}},
		{"no reporting at all",
			"The committee will meet on Monday to discuss the budget. Prices rose in May.",
			nil},
		{"scare quotes are not statements",
			"The so-called “peace plan” was never signed.",
			nil},
		{"a verb form used as a noun",
			"The report on the claims was published in a televised interview.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := annotate(c.text)
			if len(d.Statements) != len(c.want) {
				var got []string
				for _, s := range d.Statements {
					got = append(got, describe(d, s))
				}
				t.Fatalf("%d statements, want %d:\n%s", len(d.Statements), len(c.want), strings.Join(got, "\n"))
			}
			for i, w := range c.want {
				s := d.Statements[i]
				got := describe(d, s)
				parts := strings.Split(got, " | ")
				if w.source != "" && parts[0] != w.source {
					t.Errorf("statement %d source: %s", i, got)
				}
				if w.cue != "" && parts[1] != w.cue {
					t.Errorf("statement %d cue: %s", i, got)
				}
				if w.content != "" && parts[2] != w.content {
					t.Errorf("statement %d content: %s", i, got)
				}
				if w.kind != "" && s.Kind != w.kind {
					t.Errorf("statement %d kind %s, want %s", i, s.Kind, w.kind)
				}
				if w.fragments > 0 && len(s.Content) != w.fragments {
					t.Errorf("statement %d: %d fragments, want %d", i, len(s.Content), w.fragments)
				}
			}
		})
	}
}
