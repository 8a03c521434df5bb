package syntax

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"
	"time"
)

// Tagger assigns Penn Treebank tags, left to right.
type Tagger struct {
	p *perceptron
	// single maps words seen with one tag only (and often) to that tag:
	// they are tagged without scoring.
	single map[string]string
}

// TrainOptions configure training of the tagger and the parser.
type TrainOptions struct {
	Iterations int   // passes over the sentences (default 5 for the tagger, 10 for the parser)
	Seed       int64 // shuffling seed: training is deterministic given it
	Progress   io.Writer
}

const taggerMagic = "WSPOS2"

// TrainTagger learns a tagger from tagged sentences.
func TrainTagger(sents []Sentence, opt TrainOptions) *Tagger {
	if opt.Iterations <= 0 {
		opt.Iterations = 5
	}
	tagSet := map[string]bool{}
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for i, w := range s.Words {
			tagSet[s.Tags[i]] = true
			w = norm(w)
			if counts[w] == nil {
				counts[w] = map[string]int{}
			}
			counts[w][s.Tags[i]]++
		}
	}
	var tags []string
	for t := range tagSet {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	class := map[string]int{}
	for i, t := range tags {
		class[t] = i
	}
	t := &Tagger{p: newPerceptron(tags), single: map[string]string{}}
	for w, tc := range counts {
		total, best, bestN := 0, "", 0
		for tag, n := range tc {
			total += n
			if n > bestN {
				best, bestN = tag, n
			}
		}
		if total >= 20 && float64(bestN)/float64(total) >= 0.995 {
			t.single[w] = best
		}
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	scores := make([]float32, len(tags))
	var c float32 = 1
	var feats []uint64
	for it := 0; it < opt.Iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			s := sents[k]
			words := normAll(s.Words)
			prev, prev2 := "-START-", "-START2-"
			for i := range words {
				guess, ok := t.singleTag(words[i])
				if !ok {
					feats = tagFeatures(feats[:0], words, i, prev, prev2)
					t.p.scores(feats, scores)
					guess = tags[argmax(scores)]
					t.p.update(feats, class[s.Tags[i]], class[guess], c)
					c++
				}
				if guess == s.Tags[i] {
					right++
				}
				total++
				prev2, prev = prev, guess
			}
		}
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "tagger: pass %d/%d: train accuracy %.2f%% (%s)\n", it+1, opt.Iterations, 100*float64(right)/float64(total), time.Since(start).Round(time.Millisecond))
		}
	}
	rows := t.p.finalize(c, 0.05)
	// The single-tag words become rows of their own template, so the
	// model file carries them and Tag finds them by hash.
	for w, tag := range t.single {
		rows[fh(255, w)] = []entry{{uint16(class[tag]), 0}}
	}
	t.single = nil
	if err := t.p.freeze(taggerMagic, rows); err != nil {
		panic(err) // cannot happen: the rows are a map, their keys distinct
	}
	return t
}

// singleTag returns the tag of a word that only ever had one.
func (t *Tagger) singleTag(w string) (string, bool) {
	if t.single != nil {
		tag, ok := t.single[w]
		return tag, ok
	}
	e, ok := t.p.entries(fh(255, w))
	if !ok || len(e) == 0 {
		return "", false
	}
	return t.p.classes[le.Uint16(e)], true
}

func normAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = norm(w)
	}
	return out
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// tagFeatures: the word, its neighbours, affixes and shape, and the two
// tags before it.
func tagFeatures(fs []uint64, words []string, i int, prev, prev2 string) []uint64 {
	w := words[i]
	lw := strings.ToLower(w)
	at := func(k int) string {
		if k < 0 {
			return "-START-"
		}
		if k >= len(words) {
			return "-END-"
		}
		return strings.ToLower(words[k])
	}
	fs = append(fs,
		fh(0),
		fh(1, lw),
		fh(2, suffix(lw, 3)),
		fh(3, suffix(lw, 2)),
		fh(4, lw[:min(1, len(lw))]),
		fh(5, shape(w)),
		fh(6, prev),
		fh(7, prev2, prev),
		fh(8, prev, lw),
		fh(9, at(i-1)),
		fh(10, suffix(at(i-1), 3)),
		fh(11, at(i-2)),
		fh(12, at(i+1)),
		fh(13, suffix(at(i+1), 3)),
		fh(14, at(i+2)),
		fh(15, suffix(lw, 4)),
	)
	if i == 0 {
		fs = append(fs, fh(16, "first", shape(w)))
	}
	return fs
}

// Tag returns the tags of words.
func (t *Tagger) Tag(words []string) []string {
	norms := normAll(words)
	out := make([]string, len(words))
	scores := make([]float32, len(t.p.classes))
	var feats []uint64
	prev, prev2 := "-START-", "-START2-"
	for i := range norms {
		tag, ok := t.singleTag(norms[i])
		if !ok {
			feats = tagFeatures(feats[:0], norms, i, prev, prev2)
			t.p.scores(feats, scores)
			tag = t.p.classes[argmax(scores)]
		}
		out[i] = tag
		prev2, prev = prev, tag
	}
	return out
}

// Save writes the tagger.
func (t *Tagger) Save(w io.Writer) error { return t.p.save(w) }

// LoadTagger reads a tagger written by Save (or by the first release).
func LoadTagger(r io.Reader) (*Tagger, error) {
	p, err := loadPerceptron(r, taggerMagic, legacyTaggerMagic)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return &Tagger{p: p}, nil
}
