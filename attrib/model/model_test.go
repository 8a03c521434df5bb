package model

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval/brat"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/segment"
)

func annotate(d *whosaid.Doc) error {
	segment.Segment(d)
	d.Quotes = segment.FindQuotes(d.Text, d.Paragraphs, d.Sentences)
	d.Mentions = mention.Detect(d)
	return nil
}

// fixture builds a brat document from sentences written with brackets:
// {source}, <cue>, [content].
func fixture(name string, sentences ...string) *brat.Document {
	var text strings.Builder
	doc := &brat.Document{Name: name}
	for _, s := range sentences {
		var a brat.Attribution
		start := map[rune]int{}
		for _, r := range s {
			pos := len([]rune(text.String()))
			switch r {
			case '{', '<', '[':
				start[r] = pos
				continue
			case '}':
				a.Source = &brat.Span{Label: "Source", Fragments: [][2]int{{start['{'], pos}}}
				continue
			case '>':
				a.Cue = &brat.Span{Label: "Cue", Fragments: [][2]int{{start['<'], pos}}}
				continue
			case ']':
				a.Content = &brat.Span{Label: "Content", Fragments: [][2]int{{start['['], pos}}}
				continue
			}
			text.WriteRune(r)
		}
		text.WriteString("\n\n")
		if a.Cue != nil {
			doc.Attributions = append(doc.Attributions, a)
		}
	}
	doc.Text = text.String()
	return doc
}

func corpus() []*brat.Document {
	var docs []*brat.Document
	names := []string{"The mayor", "Ms. Quill", "The union", "Mr. Oduya", "The ministry", "She"}
	verbs := []string{"said", "warned", "claimed", "insisted", "stressed", "argued"}
	for i := 0; i < 12; i++ {
		n, v := names[i%len(names)], verbs[(i/2)%len(verbs)]
		docs = append(docs, fixture(fmt.Sprintf("doc%d", i),
			fmt.Sprintf("{%s} <%s> [that the bridge would reopen in spring].", n, v),
			"The river rose by two metres overnight.",
			fmt.Sprintf("\"[The water is falling now],\" <%s> {%s}.", v, strings.ToLower(n[:1])+n[1:]),
		))
	}
	return docs
}

func tagsOf(m *Model, d *brat.Document) []int {
	doc := &whosaid.Doc{Text: d.Text}
	annotate(doc)
	return m.Tag(doc)
}

func TestTrainLearnsFixture(t *testing.T) {
	docs := corpus()
	m, err := Train(docs, annotate, TrainOptions{Iterations: 8, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	wrong, total := 0, 0
	for _, d := range docs {
		ex, err := newExample(d, annotate, nil)
		if err != nil {
			t.Fatal(err)
		}
		var gold []int
		for _, s := range ex.sents {
			gold = append(gold, s.gold...)
		}
		got := tagsOf(m, d)
		for i := range gold {
			total++
			if got[i] != gold[i] {
				wrong++
			}
		}
	}
	if wrong > total/50 {
		t.Errorf("%d of %d tokens mislabelled after training on them", wrong, total)
	}
	// The decoded statements carry the fixture's spans.
	doc := &whosaid.Doc{Text: docs[0].Text}
	annotate(doc)
	sts := Statements(doc, m.Tag(doc))
	if len(sts) != 2 || sts[0].Source == nil || doc.Str(*sts[0].Source) != "The mayor" ||
		doc.Str(sts[0].Content[0]) != "that the bridge would reopen in spring" {
		for _, s := range sts {
			t.Logf("%+v", s)
		}
		t.Fatalf("statements of the first fixture document are wrong")
	}
}

func TestSaveLoadDeterministic(t *testing.T) {
	docs := corpus()
	var files [2]bytes.Buffer
	var models [2]*Model
	for i := range files {
		m, err := Train(docs, annotate, TrainOptions{Iterations: 4, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Save(&files[i]); err != nil {
			t.Fatal(err)
		}
		models[i] = m
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatalf("two trainings with one seed wrote different files")
	}
	loaded, err := Load(bytes.NewReader(files[0].Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		a, b := tagsOf(models[0], d), tagsOf(loaded, d)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Fatalf("%s: loaded model tags %v, trained model %v", d.Name, b, a)
		}
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	var good bytes.Buffer
	m, _ := Train(corpus()[:2], annotate, TrainOptions{Iterations: 1})
	m.Save(&good)
	cases := map[string][]byte{
		"empty":       nil,
		"not a model": []byte("hello"),
		"truncated":   good.Bytes()[:good.Len()/2],
	}
	for name, b := range cases {
		if _, err := Load(bytes.NewReader(b), nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := Load(bytes.NewReader(good.Bytes()), fakeClusters{}); err == nil {
		t.Errorf("a model trained without word classes loaded with them")
	}
}

type fakeClusters struct{}

func (fakeClusters) Classes(string) []int { return []int{1} }

func TestDefaultModelLoads(t *testing.T) {
	m, err := Default()
	if err != nil || m.Features() == 0 {
		t.Fatalf("shipped model: %v (%d features)", err, m.Features())
	}
}

func TestTrainStackedLearnsFixtureAndRoundTrips(t *testing.T) {
	docs := corpus()
	opt := TrainOptions{Iterations: 6, Seed: 5, Folds: 3, Orderings: 2}
	var files [2]bytes.Buffer
	var m *Model
	for i := range files {
		var err error
		if m, err = Train(docs, annotate, opt); err != nil {
			t.Fatal(err)
		}
		if !m.Stacked() {
			t.Fatalf("Folds %d gave a single-stage model", opt.Folds)
		}
		if err := m.Save(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatalf("two stacked trainings with one seed wrote different files")
	}
	loaded, err := Load(bytes.NewReader(files[0].Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.Stacked() || loaded.Features() != m.Features() {
		t.Fatalf("loaded model: stacked %v, %d features; saved: %d", loaded.Stacked(), loaded.Features(), m.Features())
	}
	wrong, total := 0, 0
	for _, d := range docs {
		ex, err := newExample(d, annotate, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := tagsOf(loaded, d)
		for si, s := range ex.sents {
			first := ex.f.doc.Sentences[si].FirstToken
			for i, g := range s.gold {
				total++
				if got[first+i] != g {
					wrong++
				}
			}
		}
	}
	if wrong > total/50 {
		t.Errorf("%d of %d tokens mislabelled by the stacked model after training on them", wrong, total)
	}
}
