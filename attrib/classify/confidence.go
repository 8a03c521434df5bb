package classify

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// Calibration turns a statement's features into the probability that it
// is an attribution with this content: logistic regression over binary
// features, fitted by `whosaid train confidence` on an annotated corpus
// (calibration.json, embedded, was fitted on PolNeAR dev: the tagger was
// trained on PolNeAR train, so its statements there would look better
// than anywhere else).
type Calibration struct {
	Bias    float64            `json:"bias"`
	Weights map[string]float64 `json:"weights"`
	// Corpus and Statements say what it was fitted on.
	Corpus     string `json:"corpus"`
	Statements int    `json:"statements"`
}

//go:embed calibration.json
var calibrationJSON []byte

var (
	defaultOnce sync.Once
	defaultCal  *Calibration
	defaultErr  error
)

// DefaultCalibration is the shipped calibration.
func DefaultCalibration() (*Calibration, error) {
	defaultOnce.Do(func() {
		defaultCal, defaultErr = ReadCalibration(calibrationJSON)
	})
	return defaultCal, defaultErr
}

// ReadCalibration reads a calibration written by Fit (JSON).
func ReadCalibration(b []byte) (*Calibration, error) {
	var c Calibration
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("calibration: %w", err)
	}
	return &c, nil
}

// Probability is the calibrated confidence of a statement with these
// features.
func (c *Calibration) Probability(features []string) float64 {
	z := c.Bias
	for _, f := range features {
		z += c.Weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// Features are the names of a classified statement's binary features:
// its kind, class, source type, the cue's lexicon class, the content's
// form and length, whether a speaker was resolved, and the attribution
// stage's score. Names, not positions, so a calibration file stays
// readable and a new feature does not shift the others.
func Features(doc *whosaid.Doc, s *whosaid.Statement) []string {
	c := readCue(doc, s)
	cue := "none"
	switch {
	case c.according:
		cue = "according"
	case c.colon:
		cue = "colon"
	case c.head >= 0:
		cue = strings.ToLower(c.lexClass.String())
		if c.lexClass == lexicon.None {
			cue = "verb"
		}
	}
	n := 0
	for _, f := range s.Content {
		a, b := tokensIn(doc, f)
		n += b - a
	}
	length := "long"
	switch {
	case n < 4:
		length = "short"
	case n < 12:
		length = "medium"
	case n < 30:
		length = "sentence"
	}
	forms := [...]string{"clause", "phrase", "infinitive", "figure"}
	out := []string{
		"kind=" + string(s.Kind),
		"class=" + string(s.Class),
		"source=" + string(s.SourceType),
		"cue=" + cue,
		"form=" + forms[contentForm(doc, s)],
		"length=" + length,
		"kind+class=" + string(s.Kind) + "+" + string(s.Class),
		fmt.Sprintf("score=%.1f", s.Score),
	}
	if s.Entity >= 0 {
		out = append(out, "resolved")
	}
	if c.negated {
		out = append(out, "negated")
	}
	if c.passive {
		out = append(out, "passive")
	}
	return out
}

// Example is one statement to fit on: its features and whether it is
// right.
type Example struct {
	Features []string
	Right    bool
}

// Fit fits a calibration on examples: logistic regression with a small
// L2 penalty, by full-batch gradient descent from zero weights, so the
// same examples always give the same file.
func Fit(examples []Example, corpus string) *Calibration {
	names := map[string]int{}
	for _, e := range examples {
		for _, f := range e.Features {
			if _, ok := names[f]; !ok {
				names[f] = len(names)
			}
		}
	}
	idx := make([][]int, len(examples))
	for i, e := range examples {
		for _, f := range e.Features {
			idx[i] = append(idx[i], names[f])
		}
	}
	w := make([]float64, len(names))
	var bias float64
	const rate, l2, rounds = 0.5, 1e-3, 3000
	grad := make([]float64, len(w))
	m := float64(len(examples))
	for r := 0; r < rounds; r++ {
		for k := range grad {
			grad[k] = l2 * w[k]
		}
		var gb float64
		for i, e := range examples {
			z := bias
			for _, k := range idx[i] {
				z += w[k]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if e.Right {
				y = 1
			}
			d := (p - y) / m
			gb += d
			for _, k := range idx[i] {
				grad[k] += d
			}
		}
		bias -= rate * gb * 10
		for k := range w {
			w[k] -= rate * grad[k] * 10
		}
	}
	c := &Calibration{Bias: round(bias), Weights: map[string]float64{}, Corpus: corpus, Statements: len(examples)}
	keys := make([]string, 0, len(names))
	for f := range names {
		keys = append(keys, f)
	}
	sort.Strings(keys)
	for _, f := range keys {
		c.Weights[f] = round(w[names[f]])
	}
	return c
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Reliability is a calibration table: for each confidence band, how many
// statements fall in it and how many of them are right.
type Reliability struct {
	From, To     float64
	Count, Right int
}

// ReliabilityOf bands examples by the calibration's probability in
// tenths.
func (c *Calibration) ReliabilityOf(examples []Example) []Reliability {
	bands := make([]Reliability, 10)
	for i := range bands {
		bands[i].From, bands[i].To = float64(i)/10, float64(i+1)/10
	}
	for _, e := range examples {
		k := int(c.Probability(e.Features) * 10)
		if k > 9 {
			k = 9
		}
		bands[k].Count++
		if e.Right {
			bands[k].Right++
		}
	}
	return bands
}
