package model

import (
	"fmt"
	"io"
	"math/rand"
	"runtime"
	"sync"
	"time"

	"github.com/whosaid/whosaid/eval/brat"
)

// TrainOptions configure training.
type TrainOptions struct {
	Iterations int   // passes over the corpus (default 10)
	Seed       int64 // shuffling seed; training is deterministic given it
	Clusters   Clusters
	// Folds > 1 trains a stacked model: the first stage is trained Folds
	// times, each time without one fold of the corpus, to label that fold
	// as it would label unseen text; the second stage learns from those
	// labels. 0 or 1 trains a single stage.
	Folds int
	// Orderings > 1 trains the second stage that many times, each pass
	// order shuffled from another seed, and averages the weights.
	Orderings int
	Progress  io.Writer // one line per pass, if set
	// Dev, if set, is decoded after each pass and its token accuracy on
	// attribution labels reported.
	Dev []*brat.Document
}

// Train learns a tagger from annotated documents.
func Train(docs []*brat.Document, annotate Annotator, opt TrainOptions) (*Model, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 10
	}
	exs, err := examples(docs, annotate, opt.Clusters)
	if err != nil {
		return nil, err
	}
	devs, err := examples(opt.Dev, annotate, opt.Clusters)
	if err != nil {
		return nil, err
	}
	m := &Model{Clusters: opt.Clusters}
	if opt.Folds <= 1 {
		m.w = learn(exs, devs, opt.Iterations, opt.Seed, opt.Progress, "attrib")
		return m, nil
	}
	var first [][]int
	m.w, first = jackknife(exs, devs, opt)
	exs2 := make([]*example, len(exs))
	for k, ex := range exs {
		exs2[k] = &example{f: ex.f, sents: ex.f.withStack(ex.sents, first[k])}
	}
	devs2 := make([]*example, len(devs))
	for k, ex := range devs {
		devs2[k] = &example{f: ex.f, sents: ex.f.withStack(ex.sents, m.w.tagDoc(ex.f.doc, ex.sents))}
	}
	m.stack = learnAveraged(exs2, devs2, opt, "attrib stage 2")
	return m, nil
}

// learnAveraged trains opt.Orderings models on differently shuffled
// passes, in parallel, and averages their weights: cheaper than an
// ensemble at run time (one model), steadier than any single ordering.
func learnAveraged(exs, devs []*example, opt TrainOptions, name string) *weights {
	if opt.Orderings <= 1 {
		return learn(exs, devs, opt.Iterations, opt.Seed, opt.Progress, name)
	}
	ws := make([]*weights, opt.Orderings)
	parallel(len(ws), func(k int) {
		var p io.Writer
		if k == 0 {
			p = opt.Progress
		}
		ws[k] = learn(exs, devs, opt.Iterations, opt.Seed+100*int64(k), p, name)
	})
	return meanWeights(ws)
}

// examples annotates documents in parallel, keeping their order.
func examples(docs []*brat.Document, annotate Annotator, clusters Clusters) ([]*example, error) {
	exs := make([]*example, len(docs))
	errs := make([]error, len(docs))
	parallel(len(docs), func(k int) {
		exs[k], errs[k] = newExample(docs[k], annotate, clusters)
	})
	for k, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", docs[k].Name, err)
		}
	}
	return exs, nil
}

// jackknife trains the first stage on all examples and, alongside, once
// per fold without that fold, to label each example as unseen text.
func jackknife(exs, devs []*example, opt TrainOptions) (*weights, [][]int) {
	out := make([][]int, len(exs))
	var full *weights
	parallel(opt.Folds+1, func(job int) {
		if job == opt.Folds {
			full = learn(exs, devs, opt.Iterations, opt.Seed, opt.Progress, "attrib")
			return
		}
		fold := job
		var train []*example
		for k, ex := range exs {
			if k%opt.Folds != fold {
				train = append(train, ex)
			}
		}
		w := learn(train, nil, opt.Iterations, opt.Seed+int64(fold)+1, nil, "")
		for k, ex := range exs {
			if k%opt.Folds == fold {
				out[k] = w.tagDoc(ex.f.doc, ex.sents)
			}
		}
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "attrib: fold %d/%d labelled\n", fold+1, opt.Folds)
		}
	})
	return full, out
}

// parallel runs job(0..n-1), as many at once as there are processors.
func parallel(n int, job func(int)) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for k := 0; k < n; k++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			job(k)
		}()
	}
	wg.Wait()
}

// learn runs the averaged structured perceptron over the examples.
func learn(exs, devs []*example, iterations int, seed int64, progress io.Writer, name string) *weights {
	w := newWeights()
	rng := rand.New(rand.NewSource(seed))
	var t int32 = 1
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for it := 0; it < iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, k := range order {
			prev := lO
			for _, s := range exs[k].sents {
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
			}
		}
		if progress != nil {
			line := fmt.Sprintf("%s: pass %d/%d: train token error %.2f%% (%s)", name, it+1, iterations, 100*float64(errs)/float64(max(toks, 1)), time.Since(start).Round(time.Millisecond))
			if len(devs) > 0 {
				avg := w.snapshot(t)
				line += fmt.Sprintf(", dev token accuracy on labelled tokens %.2f%%", avg.devAccuracy(devs))
			}
			fmt.Fprintln(progress, line)
		}
	}
	w.average(t)
	w.prune()
	return w
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

// meanWeights averages models trained on different orderings of the
// same examples; a feature one of them lacks counts as zero there.
func meanWeights(ws []*weights) *weights {
	out := newWeights()
	n := float32(len(ws))
	for _, w := range ws {
		for f, r := range w.index {
			o := out.row(f, true)
			for l := 0; l < nLabels; l++ {
				out.w[o][l] += w.w[r][l] / n
			}
		}
		for p := range w.trans {
			for c := range w.trans[p] {
				out.trans[p][c] += w.trans[p][c] / n
			}
		}
	}
	out.total, out.stamp = nil, nil
	return out
}
