package model

import (
	"fmt"
	"io"
	"math/rand"
	"time"

	"github.com/whosaid/whosaid/corpus/brat"
)

// TrainOptions configure training.
type TrainOptions struct {
	Iterations int   // passes over the corpus (default 10)
	Seed       int64 // shuffling seed; training is deterministic given it
	Clusters   Clusters
	Progress   io.Writer // one line per pass, if set
	// Dev, if set, is decoded after each pass and its token accuracy on
	// attribution labels reported.
	Dev []*brat.Document
}

// Train learns a tagger from annotated documents.
func Train(docs []*brat.Document, annotate Annotator, opt TrainOptions) (*Model, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 10
	}
	var exs []*example
	for _, d := range docs {
		ex, err := newExample(d, annotate, opt.Clusters)
		if err != nil {
			return nil, err
		}
		exs = append(exs, ex)
	}
	var devs []*example
	for _, d := range opt.Dev {
		ex, err := newExample(d, annotate, opt.Clusters)
		if err != nil {
			return nil, err
		}
		devs = append(devs, ex)
	}
	w := newWeights()
	rng := rand.New(rand.NewSource(opt.Seed))
	var t int32 = 1
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for it := 0; it < opt.Iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, k := range order {
			prev := lO
			for si, s := range exs[k].sents {
				rows := w.rowsFor(s, prev, true)
				pred := w.decode(rows)
				for i := range pred {
					if pred[i] != s.gold[i] {
						errs++
					}
				}
				toks += len(pred)
				w.learn(rows, s.gold, pred, t)
				t++
				prev = lastLabel(s.gold)
				_ = si
			}
		}
		if opt.Progress != nil {
			line := fmt.Sprintf("attrib: pass %d/%d: train token error %.2f%% (%s)", it+1, opt.Iterations, 100*float64(errs)/float64(max(toks, 1)), time.Since(start).Round(time.Millisecond))
			if len(devs) > 0 {
				avg := w.snapshot(t)
				line += fmt.Sprintf(", dev token accuracy on labelled tokens %.2f%%", avg.devAccuracy(devs))
			}
			fmt.Fprintln(opt.Progress, line)
		}
	}
	w.average(t)
	w.prune()
	return &Model{w: w, Clusters: opt.Clusters}, nil
}

// rowsFor looks up the feature rows of a sentence, with the context
// features of the previous sentence's last label.
func (m *weights) rowsFor(s sentence, prev int, add bool) [][]int32 {
	rows := make([][]int32, len(s.feats))
	ctx := contextFeatures(prev, s.samePara, false)
	ctx0 := contextFeatures(prev, s.samePara, true)
	for i, fs := range s.feats {
		c := ctx
		if i == 0 {
			c = ctx0
		}
		r := make([]int32, 0, len(fs)+len(c))
		for _, f := range fs {
			r = append(r, m.row(f, add))
		}
		for _, f := range c {
			r = append(r, m.row(f, add))
		}
		rows[i] = r
	}
	return rows
}

func (m *weights) decode(rows [][]int32) []int {
	em := make([][nLabels]float32, len(rows))
	for i, r := range rows {
		m.emission(r, &em[i])
	}
	return m.viterbi(em)
}

// learn applies the perceptron update for one sentence.
func (m *weights) learn(rows [][]int32, gold, pred []int, t int32) {
	same := true
	for i := range gold {
		if gold[i] != pred[i] {
			same = false
			break
		}
	}
	if same {
		return
	}
	for i := range gold {
		if gold[i] == pred[i] {
			continue
		}
		for _, r := range rows[i] {
			m.update(r, gold[i], 1, t)
			m.update(r, pred[i], -1, t)
		}
	}
	pg, pp := nLabels, nLabels
	for i := range gold {
		if gold[i] != pred[i] || pg != pp {
			m.updateTrans(pg, gold[i], 1, t)
			m.updateTrans(pp, pred[i], -1, t)
		}
		pg, pp = gold[i], pred[i]
	}
}

// snapshot returns averaged weights at time t without ending training.
func (m *weights) snapshot(t int32) *weights {
	c := &weights{index: m.index, w: make([][nLabels]float32, len(m.w)),
		total: make([][nLabels]float32, len(m.w)), stamp: make([][nLabels]int32, len(m.w))}
	copy(c.w, m.w)
	copy(c.total, m.total)
	copy(c.stamp, m.stamp)
	c.trans, c.ttot, c.tstmp = m.trans, m.ttot, m.tstmp
	c.average(t)
	return c
}

// devAccuracy is the share of tokens whose gold or predicted label is not
// O that are labelled right, decoding sentence by sentence with predicted
// context.
func (m *weights) devAccuracy(devs []*example) float64 {
	right, total := 0, 0
	for _, ex := range devs {
		prev := lO
		for _, s := range ex.sents {
			pred := m.decode(m.rowsFor(s, prev, false))
			for i := range pred {
				if pred[i] == lO && s.gold[i] == lO {
					continue
				}
				total++
				if pred[i] == s.gold[i] {
					right++
				}
			}
			prev = lastLabel(pred)
		}
	}
	return 100 * float64(right) / float64(max(total, 1))
}

// prune drops features whose weights are all zero.
func (m *weights) prune() {
	idx := map[uint64]int32{}
	var w [][nLabels]float32
	for f, r := range m.index {
		if m.w[r] == ([nLabels]float32{}) {
			continue
		}
		idx[f] = int32(len(w))
		w = append(w, m.w[r])
	}
	m.index, m.w = idx, w
}
