package score

import (
	"testing"

	"github.com/whosaid/whosaid/eval/brat"
)

func TestRuns(t *testing.T) {
	got := runs([]string{"B-source", "I-source", "B-cue", "I-content", "B-content", "I-content", "O", "I-cue"})
	want := []Span{{"source", 0, 2}, {"cue", 2, 3}, {"content", 4, 6}}
	if len(got) != len(want) {
		t.Fatalf("runs %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("run %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestSentencesScoring(t *testing.T) {
	text := []rune("“We won,” she said. Prices – they fell.")
	sents := []Sentence{
		{ID: "a_x", Tokens: []string{"``", "We", "won", ",", "''", "she", "said", "."}, Labels: []string{"B-content", "I-content", "I-content", "I-content", "I-content", "B-source", "B-cue", "O"}},
		{ID: "a_x", Tokens: []string{"Prices", "--", "they", "fell", "."}, Labels: []string{"O", "O", "O", "O", "O"}},
	}
	pred := map[string][]Span{"a": {
		{"content", 0, 9}, // exact
		{"source", 10, 13},
		{"cue", 10, 18},     // covers the source too: the shorter span wins for "she"
		{"content", 20, 26}, // false
	}}
	r := Sentences(sents, map[string][]rune{"a": text}, pred)
	c := r.ByLabel["content"]
	if c.Gold != 1 || c.Pred != 2 || c.Exact != 1 {
		t.Errorf("content %+v", c)
	}
	if s := r.ByLabel["source"]; s.Exact != 1 || s.Pred != 1 {
		t.Errorf("source %+v", s)
	}
	if cu := r.ByLabel["cue"]; cu.Exact != 1 {
		t.Errorf("cue %+v (the cue's token run is \"said\" once the source claims \"she\")", cu)
	}
	if e := r.ByLabel["content"].ExactPRF(); e.P != 50 || e.R != 100 {
		t.Errorf("content P/R %+v", e)
	}
}

func TestSpansScoring(t *testing.T) {
	d := &brat.Document{Name: "a", Text: "She said that it rained. "}
	src := &brat.Span{Label: "Source", Fragments: [][2]int{{0, 3}}}
	cue := &brat.Span{Label: "Cue", Fragments: [][2]int{{4, 8}}}
	con := &brat.Span{Label: "Content", Fragments: [][2]int{{9, 23}}}
	d.Attributions = []brat.Attribution{{Source: src, Cue: cue, Content: con}}
	pred := map[string][]Span{"a": {{"source", 0, 3}, {"cue", 4, 9}, {"content", 14, 24}}}
	r := Spans([]*brat.Document{d}, pred)
	if r.ByLabel["source"].Exact != 1 || r.ByLabel["cue"].Exact != 1 {
		t.Errorf("trailing white space must not break an exact match: %+v %+v", r.ByLabel["source"], r.ByLabel["cue"])
	}
	c := r.ByLabel["content"]
	if c.Exact != 0 || c.Begin != 0 || c.Overlap != 1 {
		t.Errorf("content %+v", c)
	}
}

func TestLocate(t *testing.T) {
	gold := []rune("said yes. He said yes.")
	if at, ok := Locate(gold, "said yes", 12); !ok || at != 13 {
		t.Errorf("Locate = %d %v, want the occurrence nearest 12", at, ok)
	}
	if _, ok := Locate(gold, "no", 0); ok {
		t.Errorf("found missing text")
	}
}
