package syntax

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strconv"
	"time"
)

// Parser is a greedy arc-standard dependency parser. Transitions: shift;
// left(l): the second item on the stack becomes a dependent of the top
// with label l; right(l): the top becomes a dependent of the second.
type Parser struct {
	p *perceptron
}

const parserMagic = "WSDEP2"

// transitions are classes: 0 shift, then left and right for each label.
func transitions(labels []string) []string {
	out := []string{"SH"}
	for _, l := range labels {
		out = append(out, "L:"+l, "R:"+l)
	}
	return out
}

// state is a parser configuration over one sentence (tokens 1..n; 0 is
// not used: the last item on the stack is the root).
type state struct {
	n      int
	stack  []int
	next   int // first token of the buffer
	heads  []int
	labels []string
	// leftmost and rightmost dependents, and dependent counts, per token
	lc, rc, nl, nr []int
}

func newState(n int) *state {
	st := &state{n: n, next: 1, heads: make([]int, n+1), labels: make([]string, n+1),
		lc: make([]int, n+1), rc: make([]int, n+1), nl: make([]int, n+1), nr: make([]int, n+1)}
	return st
}

func (st *state) done() bool { return st.next > st.n && len(st.stack) <= 1 }

func (st *state) legal(t int) bool {
	switch {
	case t == 0:
		return st.next <= st.n
	default:
		return len(st.stack) >= 2
	}
}

func (st *state) apply(t int, classes []string) {
	if t == 0 {
		st.stack = append(st.stack, st.next)
		st.next++
		return
	}
	k := len(st.stack)
	s0, s1 := st.stack[k-1], st.stack[k-2]
	label := classes[t][2:]
	if classes[t][0] == 'L' {
		st.heads[s1], st.labels[s1] = s0, label
		if st.lc[s0] == 0 || s1 < st.lc[s0] {
			st.lc[s0] = s1
		}
		st.nl[s0]++
		st.stack = append(st.stack[:k-2], s0)
		return
	}
	st.heads[s0], st.labels[s0] = s1, label
	if s0 > st.rc[s1] {
		st.rc[s1] = s0
	}
	st.nr[s1]++
	st.stack = st.stack[:k-1]
}

// parserFeatures describe the top of the stack and the buffer.
func parserFeatures(fs []uint64, st *state, words, tags []string) []uint64 {
	w := func(i int) string {
		if i <= 0 || i > st.n {
			return "-"
		}
		return words[i-1]
	}
	t := func(i int) string {
		if i <= 0 || i > st.n {
			return "-"
		}
		return tags[i-1]
	}
	l := func(i int) string {
		if i <= 0 || i > st.n {
			return "-"
		}
		return st.labels[i]
	}
	k := len(st.stack)
	s0, s1, s2 := 0, 0, 0
	if k > 0 {
		s0 = st.stack[k-1]
	}
	if k > 1 {
		s1 = st.stack[k-2]
	}
	if k > 2 {
		s2 = st.stack[k-3]
	}
	b0, b1, b2 := st.next, st.next+1, st.next+2
	if b0 > st.n {
		b0 = 0
	}
	if b1 > st.n {
		b1 = 0
	}
	if b2 > st.n {
		b2 = 0
	}
	dist := "-"
	if s0 > 0 && s1 > 0 {
		d := s0 - s1
		if d > 5 {
			d = 5 + (d-5)/5*5
		}
		dist = strconv.Itoa(min(d, 30))
	}
	lc0, rc0, lc1, rc1 := st.lc[s0], st.rc[s0], st.lc[s1], st.rc[s1]
	if s0 == 0 {
		lc0, rc0 = 0, 0
	}
	if s1 == 0 {
		lc1, rc1 = 0, 0
	}
	fs = append(fs,
		fh(0),
		fh(1, w(s0)), fh(2, t(s0)), fh(3, w(s0), t(s0)),
		fh(4, w(s1)), fh(5, t(s1)), fh(6, w(s1), t(s1)),
		fh(7, w(b0)), fh(8, t(b0)), fh(9, w(b0), t(b0)),
		fh(10, t(b1)), fh(11, w(b1)), fh(12, t(b2)), fh(13, t(s2)),
		fh(14, t(s0), t(s1)), fh(15, w(s0), w(s1)), fh(16, t(s0), t(b0)), fh(17, w(s0), t(s1)), fh(18, t(s0), w(s1)),
		fh(19, t(s1), t(s0), t(b0)), fh(20, t(s2), t(s1), t(s0)), fh(21, t(s0), t(b0), t(b1)),
		fh(22, t(s0), t(s1), dist), fh(23, w(s0), w(s1), dist),
		fh(24, t(lc0), l(lc0), t(s0)), fh(25, t(rc0), l(rc0), t(s0)),
		fh(26, t(lc1), l(lc1), t(s1)), fh(27, t(rc1), l(rc1), t(s1)),
		fh(28, t(s0), strconv.Itoa(min(st.nl[s0], 3)), strconv.Itoa(min(st.nr[s0], 3))),
		fh(29, t(s1), strconv.Itoa(min(st.nl[s1], 3)), strconv.Itoa(min(st.nr[s1], 3))),
		fh(30, w(s0), t(s1), t(b0)), fh(31, t(s0), w(s1), t(b0)),
		fh(32, l(lc0), l(rc0), t(s0)), fh(33, l(lc1), l(rc1), t(s1)),
	)
	if b0 == 0 {
		fs = append(fs, fh(34, "empty", t(s0), t(s1)))
	}
	return fs
}

// projective tells whether a tree can be built by arc-standard moves.
func projective(heads []int) bool {
	for i, h := range heads {
		d := i + 1
		lo, hi := min(d, h), max(d, h)
		for k := lo + 1; k < hi; k++ {
			// every token between a head and its dependent must descend from the head
			a := k
			for steps := 0; a != 0 && a != h && steps <= len(heads); steps++ {
				a = heads[a-1]
			}
			if a != h {
				return false
			}
		}
	}
	return true
}

// oracle gives the transition that builds the gold tree.
func oracle(st *state, gold []int, goldLabels []string, done []int, class map[string]int) int {
	k := len(st.stack)
	if k >= 2 {
		s0, s1 := st.stack[k-1], st.stack[k-2]
		if gold[s1-1] == s0 {
			return class["L:"+goldLabels[s1-1]]
		}
		if gold[s0-1] == s1 && done[s0] == children(gold, s0) {
			return class["R:"+goldLabels[s0-1]]
		}
	}
	if st.next <= st.n {
		return 0
	}
	return -1
}

func children(gold []int, h int) int {
	n := 0
	for _, x := range gold {
		if x == h {
			n++
		}
	}
	return n
}

// TrainParser learns a parser from a treebank (non-projective trees are
// skipped: arc-standard cannot build them).
func TrainParser(sents []Sentence, opt TrainOptions) *Parser {
	if opt.Iterations <= 0 {
		opt.Iterations = 10
	}
	labelSet := map[string]bool{}
	var usable []Sentence
	for _, s := range sents {
		if !projective(s.Heads) || !singleRoot(s.Heads) {
			continue
		}
		usable = append(usable, s)
		for _, l := range s.Labels {
			labelSet[l] = true
		}
	}
	var labels []string
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	classes := transitions(labels)
	class := map[string]int{}
	for i, c := range classes {
		class[c] = i
	}
	p := &Parser{p: newPerceptron(classes)}
	order := make([]int, len(usable))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	scores := make([]float32, len(classes))
	var c float32 = 1
	var feats []uint64
	for it := 0; it < opt.Iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			s := usable[k]
			words := normAll(s.Words)
			st := newState(len(words))
			done := make([]int, len(words)+1) // attached children per token
			for !st.done() {
				gold := oracle(st, s.Heads, s.Labels, done, class)
				if gold < 0 {
					break
				}
				feats = parserFeatures(feats[:0], st, words, s.Tags)
				p.p.scores(feats, scores)
				pred := bestLegal(st, scores)
				p.p.update(feats, gold, pred, c)
				c++
				if pred == gold {
					right++
				}
				total++
				// Follow the gold path (static oracle).
				applyCounting(st, gold, classes, done)
			}
		}
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "parser: pass %d/%d: train transition accuracy %.2f%% (%s)\n", it+1, opt.Iterations, 100*float64(right)/float64(max(total, 1)), time.Since(start).Round(time.Millisecond))
		}
	}
	if err := p.p.freeze(parserMagic, p.p.finalize(c, 0.05)); err != nil {
		panic(err) // cannot happen: finalize's keys are distinct
	}
	return p
}

func applyCounting(st *state, t int, classes []string, done []int) {
	if t > 0 {
		k := len(st.stack)
		if classes[t][0] == 'L' {
			done[st.stack[k-1]]++
		} else {
			done[st.stack[k-2]]++
		}
	}
	st.apply(t, classes)
}

func singleRoot(heads []int) bool {
	n := 0
	for _, h := range heads {
		if h == 0 {
			n++
		}
	}
	return n == 1
}

func bestLegal(st *state, scores []float32) int {
	best := -1
	for t := range scores {
		if st.legal(t) && (best < 0 || scores[t] > scores[best]) {
			best = t
		}
	}
	return best
}

// Parse returns, for each word, its head (1-based, 0 for the root) and
// relation.
func (p *Parser) Parse(words, tags []string) ([]int, []string) {
	norms := normAll(words)
	st := newState(len(words))
	scores := make([]float32, len(p.p.classes))
	var feats []uint64
	for !st.done() {
		feats = parserFeatures(feats[:0], st, norms, tags)
		p.p.scores(feats, scores)
		st.apply(bestLegal(st, scores), p.p.classes)
	}
	heads := make([]int, len(words))
	labels := make([]string, len(words))
	for i := range words {
		heads[i], labels[i] = st.heads[i+1], st.labels[i+1]
		if heads[i] == 0 {
			labels[i] = "root"
		}
	}
	return heads, labels
}

// Save writes the parser.
func (p *Parser) Save(w io.Writer) error { return p.p.save(w) }

// LoadParser reads a parser written by Save (or by the first release).
func LoadParser(r io.Reader) (*Parser, error) {
	pp, err := loadPerceptron(r, parserMagic, legacyParserMagic)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	return &Parser{p: pp}, nil
}
