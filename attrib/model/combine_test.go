package model

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

func spanOf(text, piece string) *whosaid.Span {
	i := strings.Index(text, piece)
	if i < 0 {
		panic(piece)
	}
	return &whosaid.Span{Start: i, End: i + len(piece)}
}

func TestSaneStatements(t *testing.T) {
	text := "In this regard, but also the city against the plan, the mayor said that taxes rise."
	doc := &whosaid.Doc{}
	doc.SetText(text)
	annotate(doc)
	sts := []whosaid.Statement{
		{Source: spanOf(text, "but also"), Cue: spanOf(text, "said"), Content: []whosaid.Span{*spanOf(text, "that taxes rise")}, Mention: 0},
		{Source: spanOf(text, "the mayor"), Cue: spanOf(text, "city against"), Content: []whosaid.Span{*spanOf(text, "the plan")}, Mention: -1},
	}
	out := saneStatements(doc, sts)
	if len(out) != 1 {
		t.Fatalf("the statement with cue %q should go: %d left", "city against", len(out))
	}
	if out[0].Source != nil || out[0].Mention != -1 {
		t.Errorf("a source of function words should be dropped: %+v", out[0])
	}
}

func TestCombine(t *testing.T) {
	text := "The mayor said that taxes rise. Adding that fees fall, she left. The clerk whispered that the vote was rigged."
	doc := &whosaid.Doc{}
	doc.SetText(text)
	annotate(doc)
	tagged := []whosaid.Statement{
		{Source: spanOf(text, "The mayor"), Cue: spanOf(text, "said"), Content: []whosaid.Span{*spanOf(text, "that taxes rise")}, Mention: 0, Entity: -1},
		{Cue: spanOf(text, "Adding"), Content: []whosaid.Span{*spanOf(text, "that fees fall")}, Mention: -1, Entity: -1},
	}
	rules := []whosaid.Statement{
		// the same statement as the tagger's: dropped
		{Source: spanOf(text, "The mayor"), Cue: spanOf(text, "said"), Content: []whosaid.Span{*spanOf(text, "taxes rise")}, Mention: 0, Entity: -1, Score: 0.9},
		// one the tagger missed: added
		{Source: spanOf(text, "The clerk"), Cue: spanOf(text, "whispered"), Content: []whosaid.Span{*spanOf(text, "that the vote was rigged")}, Mention: 2, Entity: -1, Score: 0.9},
	}
	out := Combine(doc, tagged, rules)
	if len(out) != 3 {
		t.Fatalf("got %d statements, want 3", len(out))
	}
	if out[1].Mention != 0 {
		t.Errorf("the sentence-opening participle should continue the mayor: mention %d", out[1].Mention)
	}
	if doc.Str(*out[2].Cue) != "whispered" || out[2].Score > 0.6 {
		t.Errorf("the rule statement was not added with a lower confidence: %+v", out[2])
	}
}

func TestExtendContents(t *testing.T) {
	text := "The mayor said the bridge was closed while engineers checked it. Officials said nothing, the mayor added."
	doc := &whosaid.Doc{}
	doc.SetText(text)
	annotate(doc)
	labels := make([]int, len(doc.Tokens))
	sts := []whosaid.Statement{
		{Cue: spanOf(text, "said"), Content: []whosaid.Span{*spanOf(text, "the bridge was closed")}},
		{Cue: spanOf(text, "said nothing"), Content: []whosaid.Span{*spanOf(text, "nothing")}},
	}
	// The second sentence has a cue after its content: nothing to extend.
	for i, tok := range doc.Tokens {
		if doc.Str(tok.Span) == "added" {
			labels[i] = lBCue
		}
	}
	extendContents(doc, sts, labels)
	if got := doc.Str(sts[0].Content[0]); got != "the bridge was closed while engineers checked it" {
		t.Errorf("content not run on to the sentence end: %q", got)
	}
	if got := doc.Str(sts[1].Content[0]); got != "nothing" {
		t.Errorf("content ran over a cue: %q", got)
	}
}
