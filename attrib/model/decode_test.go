package model

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

// label marks the tokens of piece (the first occurrence) with B-/I- of a
// component.
func label(doc *whosaid.Doc, labels []int, piece string, begin int) {
	sp := spanOf(doc.Text, piece)
	first := true
	for i, t := range doc.Tokens {
		if t.Start >= sp.Start && t.End <= sp.End {
			if first {
				labels[i] = begin
				first = false
			} else {
				labels[i] = inside(begin)
			}
		}
	}
}

func TestQuotationAcrossSentencesIsOneContent(t *testing.T) {
	text := `Demirel told reporters that "no ship will be unloaded." "We have waited four months. We will not wait a fifth," the union leader said.`
	doc := &whosaid.Doc{}
	doc.SetText(text)
	annotate(doc)
	labels := make([]int, len(doc.Tokens))
	label(doc, labels, "Demirel", lBSource)
	label(doc, labels, "told", lBCue)
	label(doc, labels, `that "no ship will be unloaded."`, lBContent)
	label(doc, labels, `"We have waited four months.`, lBContent)
	label(doc, labels, `We will not wait a fifth,"`, lBContent)
	label(doc, labels, "the union leader", lBSource)
	label(doc, labels, "said", lBCue)
	sts := Statements(doc, labels)
	if len(sts) != 2 {
		for _, s := range sts {
			t.Logf("%+v", s)
		}
		t.Fatalf("want 2 statements, got %d", len(sts))
	}
	second := doc.Str(sts[1].ContentSpan())
	if !strings.HasPrefix(second, `"We have waited`) || !strings.HasSuffix(second, `fifth,"`) || doc.Str(*sts[1].Cue) != "said" {
		t.Errorf("the second quotation should be one content of \"said\": %q", second)
	}
	if first := doc.Str(sts[0].ContentSpan()); strings.Contains(first, "We have waited") {
		t.Errorf("a new quotation was joined to the statement before it: %q", first)
	}
}
