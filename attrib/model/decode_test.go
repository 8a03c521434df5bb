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

// unlabelled annotates text and gives every token the label O.
func unlabelled(text string) (*whosaid.Doc, []int) {
	doc := &whosaid.Doc{}
	doc.SetText(text)
	annotate(doc)
	return doc, make([]int, len(doc.Tokens))
}

func TestQuotationAcrossSentencesIsOneContent(t *testing.T) {
	text := `Demirel told reporters that "no ship will be unloaded." "We have waited four months. We will not wait a fifth," the union leader said.`
	doc, labels := unlabelled(text)
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

func TestCueWithoutContentReportsTheStatementBelowIt(t *testing.T) {
	text := `The operative decided to change course, a source said.`
	doc, labels := unlabelled(text)
	label(doc, labels, "The operative", lBSource)
	label(doc, labels, "decided", lBCue)
	label(doc, labels, "to change course", lBContent)
	label(doc, labels, "a source", lBSource)
	label(doc, labels, "said", lBCue)
	tok := func(w string) int { return doc.TokenAt(spanOf(doc.Text, w).Start) }
	// Without a parse the outer cue has nothing to report.
	if n := len(Statements(doc, labels)); n != 1 {
		t.Fatalf("without a parse: %d statements, want 1", n)
	}
	for i := range doc.Tokens {
		doc.Tokens[i].Head, doc.Tokens[i].Dep = tok("said"), "dep"
	}
	doc.Tokens[tok("said")].Head = -1
	doc.Tokens[tok("decided")].Dep = "csubj"
	sts := Statements(doc, labels)
	if len(sts) != 2 {
		t.Fatalf("with the inner cue below \"said\": %d statements, want 2", len(sts))
	}
	var outer *whosaid.Statement
	for i := range sts {
		if doc.Str(*sts[i].Cue) == "said" {
			outer = &sts[i]
		}
	}
	if outer == nil || doc.Str(outer.ContentSpan()) != "The operative decided to change course" || doc.Str(*outer.Source) != "a source" {
		t.Fatalf("outer statement: %+v", outer)
	}
	// An inner cue that does not hang below the outer one is not its content.
	doc.Tokens[tok("decided")].Head = -1
	if n := len(Statements(doc, labels)); n != 1 {
		t.Errorf("inner cue not below the outer: %d statements, want 1", n)
	}
}
