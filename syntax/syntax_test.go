package syntax

import (
	"bytes"
	"context"
	"github.com/whosaid/whosaid/internal/testshared"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/segment"
)

// fixture is a tiny treebank written for the tests: word/tag/head/label.
var fixture = []string{
	"The/DT/2/det mayor/NN/3/nsubj said/VBD/0/root that/IN/7/mark the/DT/6/det bridge/NN/7/nsubj reopens/VBZ/3/ccomp ./././punct",
	"She/PRP/2/nsubj warned/VBD/0/root that/IN/5/mark taxes/NNS/5/nsubj rise/VBP/2/ccomp ./././punct",
	"The/DT/2/det union/NN/3/nsubj rejected/VBD/0/root the/DT/5/det offer/NN/3/obj ./././punct",
	"Officials/NNS/2/nsubj said/VBD/0/root the/DT/4/det port/NN/5/nsubj closed/VBD/2/ccomp ./././punct",
	"He/PRP/2/nsubj added/VBD/0/root that/IN/5/mark talks/NNS/5/nsubj failed/VBD/2/ccomp ./././punct",
}

func parseFixture(t testing.TB) []Sentence {
	var out []Sentence
	for _, line := range fixture {
		var s Sentence
		for _, tok := range strings.Fields(line) {
			f := strings.Split(tok, "/")
			if len(f) == 5 { // the full stop: "./././punct" splits one more time
				f = []string{".", ".", f[3], f[4]}
			}
			head := 0
			for _, c := range f[2] {
				head = head*10 + int(c-'0')
			}
			s.Words = append(s.Words, f[0])
			s.Tags = append(s.Tags, f[1])
			s.Heads = append(s.Heads, head)
			s.Labels = append(s.Labels, f[3])
		}
		for i := range s.Heads {
			if s.Words[i] == "." {
				s.Heads[i] = rootOf(s)
			}
		}
		out = append(out, s)
	}
	return out
}

func rootOf(s Sentence) int {
	for i, h := range s.Heads {
		if h == 0 && s.Words[i] != "." {
			return i + 1
		}
	}
	return 1
}

func TestTaggerLearnsFixture(t *testing.T) {
	sents := parseFixture(t)
	tg := TrainTagger(sents, TrainOptions{Iterations: 10, Seed: 1})
	if acc := TaggerAccuracy(tg, sents); acc < 0.98 {
		t.Errorf("tagger accuracy on its training sentences %.2f", acc)
	}
	var buf bytes.Buffer
	if err := tg.Save(&buf); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadTagger(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		if a, b := strings.Join(tg.Tag(s.Words), " "), strings.Join(loaded.Tag(s.Words), " "); a != b {
			t.Errorf("loaded tagger differs: %s / %s", a, b)
		}
	}
}

func TestParserLearnsFixture(t *testing.T) {
	sents := parseFixture(t)
	p := TrainParser(sents, TrainOptions{Iterations: 15, Seed: 1})
	uas, las := ParserAccuracy(p, sents, nil)
	if uas < 0.95 || las < 0.9 {
		t.Errorf("parser on its training sentences: UAS %.2f LAS %.2f", uas, las)
	}
	for _, s := range sents {
		heads, _ := p.Parse(s.Words, s.Tags)
		if !validTree(heads) {
			t.Errorf("%v is not a tree with one root", heads)
		}
	}
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	TrainParser(sents, TrainOptions{Iterations: 15, Seed: 1}).Save(&again)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("two trainings with one seed wrote different models")
	}
	loaded, err := LoadParser(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if u2, l2 := ParserAccuracy(loaded, sents, nil); u2 != uas || l2 != las {
		t.Errorf("loaded parser scores %.2f/%.2f, trained %.2f/%.2f", u2, l2, uas, las)
	}
	if _, err := LoadParser(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Errorf("a truncated model loaded")
	}
	if _, err := LoadTagger(bytes.NewReader(buf.Bytes())); err == nil {
		t.Errorf("a parser file loaded as a tagger")
	}
}

// validTree: one root, every word reaches it, no cycles.
func validTree(heads []int) bool {
	roots := 0
	for i, h := range heads {
		if h == 0 {
			roots++
		}
		seen := map[int]bool{}
		for k := i + 1; k != 0; k = heads[k-1] {
			if seen[k] || k < 0 || k > len(heads) {
				return false
			}
			seen[k] = true
		}
	}
	return roots == 1
}

func TestProjective(t *testing.T) {
	if !projective([]int{2, 0, 2}) || projective([]int{3, 4, 0, 3}) {
		t.Errorf("projectivity check is wrong")
	}
}

func TestAnnotatorOnOurTokens(t *testing.T) {
	tg, p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &whosaid.Doc{}
	d.SetText(`“We will not wait,” the minister said on Tuesday. She added that talks had failed.`)
	segment.Segment(d)
	if err := (Annotator{Tagger: tg, Parser: p}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	tagOf := func(w string) string {
		for _, tok := range d.Tokens {
			if d.Str(tok.Span) == w {
				return tok.POS
			}
		}
		return ""
	}
	if tagOf("said") != "VBD" || tagOf("minister") != "NN" || tagOf("She") != "PRP" {
		t.Errorf("tags: said=%s minister=%s She=%s", tagOf("said"), tagOf("minister"), tagOf("She"))
	}
	for _, s := range d.Sentences {
		roots := 0
		for k := s.FirstToken; k < s.EndToken; k++ {
			if d.Tokens[k].Head < 0 {
				roots++
			} else if d.Tokens[k].Head < s.FirstToken || d.Tokens[k].Head >= s.EndToken {
				t.Errorf("a head outside its sentence")
			}
		}
		if roots != 1 {
			t.Errorf("sentence %q has %d roots", d.Str(s.Span), roots)
		}
	}
}

// corenlp finds ../shared/corpora/polnear-corenlp or skips.
func corenlp(t testing.TB) string {
	c := testshared.Dir(t, "corpora", "polnear-corenlp")
	if _, err := os.Stat(filepath.Join(c, "dev.conll.gz")); err != nil {
		testshared.Missing(t, c+"/dev.conll.gz is absent")
	}
	return c
}

// BenchmarkTagParse: sentences per second for tagging and parsing the
// dev treebank with the shipped models.
func BenchmarkTagParse(b *testing.B) {
	dev, err := ReadCoNLL(filepath.Join(corenlp(b), "dev.conll.gz"))
	if err != nil {
		b.Fatal(err)
	}
	tg, p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := dev[i%len(dev)]
		p.Parse(s.Words, tg.Tag(s.Words))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
