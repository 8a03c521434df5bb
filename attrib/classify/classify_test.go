package classify_test

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib/classify"
	"github.com/whosaid/whosaid/pipeline/pipelinetest"
)

// statementWith is the statement whose content holds part, nil if none.
func statementWith(d *whosaid.Doc, part string) *whosaid.Statement {
	for i := range d.Statements {
		s := &d.Statements[i]
		for _, c := range s.Content {
			if strings.Contains(d.Str(c), part) {
				return s
			}
		}
	}
	return nil
}

func TestClasses(t *testing.T) {
	cases := []struct {
		name, text, content string
		class               whosaid.StatementClass
		source              whosaid.SourceType
	}{
		{"speech with a that-clause", "The mayor of Velden, Ana Moreno, said on Monday that the bridge would reopen in May.",
			"the bridge would reopen", whosaid.ClassSpeech, whosaid.SourcePerson},
		{"direct quotation", `"We will not wait any longer," Tomas Berg told reporters.`,
			"We will not wait any longer", whosaid.ClassSpeech, whosaid.SourcePerson},
		{"belief", "Tomas Berg believes the council made a mistake when it closed the bridge.",
			"the council made a mistake", whosaid.ClassThought, whosaid.SourcePerson},
		{"a report's finding", "A new report from the budget office found that spending on roads had fallen for a third year.",
			"spending on roads had fallen", whosaid.ClassEvidence, whosaid.SourceDocument},
		{"a report's words are speech", "The report said the city had spent too little on roads.",
			"the city had spent too little", whosaid.ClassSpeech, whosaid.SourceDocument},
		{"a pledge to act", "Ana Moreno pledged to rebuild the bridge before the winter.",
			"rebuild the bridge", whosaid.ClassIntent, whosaid.SourcePerson},
		{"not said", "Ana Moreno would not say which contractors had bid for the work.",
			"which contractors had bid", whosaid.ClassOther, whosaid.SourcePerson},
		{"a figure, not a statement", "The harbour index added 0.4 per cent to 5,210 while the bond market was flat.",
			"per cent", whosaid.ClassOther, ""},
		{"the author's aside", "I believe the council has lost its way on transport.",
			"the council has lost its way", whosaid.ClassThought, whosaid.SourceAuthor},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := pipelinetest.Annotate(t, c.text, whosaid.LayerClasses)
			s := statementWith(d, c.content)
			if s == nil {
				if c.class == whosaid.ClassSpeech {
					t.Fatalf("no statement with %q in %q", c.content, c.text)
				}
				return // not found at all: not shown either
			}
			if s.Class != c.class {
				t.Errorf("class %q, want %q (cue %q)", s.Class, c.class, d.Str(*s.Cue))
			}
			if c.source != "" && s.SourceType != c.source {
				t.Errorf("source type %q, want %q", s.SourceType, c.source)
			}
			if s.ClassConfidence <= 0 || s.ClassConfidence > 1 {
				t.Errorf("class confidence %v outside (0, 1]", s.ClassConfidence)
			}
			if got, want := s.IsSpeech(), c.class == whosaid.ClassSpeech && c.source != whosaid.SourceAuthor; got != want {
				t.Errorf("IsSpeech %v, want %v", got, want)
			}
		})
	}
}

// TestFit: a calibration fitted on examples gives each feature's share of
// right examples back, and its reliability table counts them all.
func TestFit(t *testing.T) {
	var ex []classify.Example
	for i := 0; i < 1000; i++ {
		ex = append(ex, classify.Example{Features: []string{"kind=a"}, Right: i%10 != 0})     // 90 % right
		ex = append(ex, classify.Example{Features: []string{"kind=b"}, Right: i%10 < 2})      // 20 % right
		ex = append(ex, classify.Example{Features: []string{"kind=c", "x"}, Right: i%2 == 0}) // 50 % right
	}
	cal := classify.Fit(ex, "synthetic")
	for _, c := range []struct {
		features []string
		want     float64
	}{{[]string{"kind=a"}, 0.9}, {[]string{"kind=b"}, 0.2}, {[]string{"kind=c", "x"}, 0.5}} {
		if got := cal.Probability(c.features); got < c.want-0.03 || got > c.want+0.03 {
			t.Errorf("%v: probability %.3f, want %.2f", c.features, got, c.want)
		}
	}
	n := 0
	for _, b := range cal.ReliabilityOf(ex) {
		n += b.Count
	}
	if n != len(ex) || cal.Statements != len(ex) {
		t.Errorf("reliability counts %d, calibration %d, of %d examples", n, cal.Statements, len(ex))
	}
}

// TestShippedConfidence: the shipped calibration ranks a quotation with a
// speech verb above a figure read as an attribution.
func TestShippedConfidence(t *testing.T) {
	d := pipelinetest.Annotate(t, `"We will rebuild the bridge," Ana Moreno said. The harbour index added 0.4 per cent to 5,210 while the bond market was flat.`, whosaid.LayerClasses)
	quote, figure := statementWith(d, "rebuild the bridge"), statementWith(d, "per cent")
	if quote == nil {
		t.Fatal("no statement for the quotation")
	}
	if quote.Confidence < 0.8 {
		t.Errorf("quotation: confidence %v, want 0.8 or more", quote.Confidence)
	}
	if figure != nil && figure.Confidence >= quote.Confidence {
		t.Errorf("figure %v not below quotation %v", figure.Confidence, quote.Confidence)
	}
}
