package model

import (
	"strconv"

	"github.com/whosaid/whosaid"
)

// The second stage of a stacked model reads the first stage's labels.
// The lexicon only knows which words can report; the first stage knows
// which word does report here, so the parse can be read from the cue it
// found: a token below its clausal complement is content, below its
// subject source, below its object neither, whatever the verb.

// stackFeatures returns, for each token of sentence s, the features drawn
// from the first stage's labels of the whole document.
func (f *featurizer) stackFeatures(s whosaid.Sentence, first []int) [][]uint64 {
	a, b := s.FirstToken, s.EndToken
	toks := f.doc.Tokens
	lab := func(i int) string {
		if i < a || i >= b {
			return "-"
		}
		return labelNames[first[i]]
	}
	isCue := func(i int) bool { return i >= a && i < b && component(first[i]) == "cue" }
	// The span each token's subtree covers, for the boundaries of the
	// phrase hanging below a cue.
	lo, hi := subtreeSpans(toks, a, b)
	// endsBelowCue[k]: k is the last token of a phrase hanging directly
	// below a predicted cue; the relation names it.
	endsBelowCue := make([]string, b-a)
	var cues []int
	hasSource := false
	for i := a; i < b; i++ {
		if isCue(i) {
			cues = append(cues, i)
		}
		if component(first[i]) == "source" {
			hasSource = true
		}
		if h := toks[i].Head; toks[i].Dep != "" && isCue(h) && !isCue(i) {
			endsBelowCue[hi[i-a]-a] = toks[i].Dep
		}
	}
	hasCue := len(cues) > 0
	// The first stage's labels just outside the sentence: content often
	// runs on from the previous sentence or is attributed by the next one.
	before, after := "-", "-"
	if a > 0 {
		before = labelNames[first[a-1]]
	}
	nextCue := false
	for k := b; k < len(first) && k < b+40; k++ {
		if component(first[k]) == "cue" {
			nextCue = true
			break
		}
		if component(first[k]) == "content" {
			after = "content"
		}
	}
	// The first stage's runs: where each token sits in its run.
	runStart, runEnd := make([]int, b-a), make([]int, b-a)
	for i := a; i < b; i++ {
		runStart[i-a] = i
		if i > a && first[i] != lO && !isBegin(first[i]) {
			runStart[i-a] = runStart[i-1-a]
		}
	}
	for i := b - 1; i >= a; i-- {
		runEnd[i-a] = i
		if i+1 < b && first[i+1] != lO && !isBegin(first[i+1]) {
			runEnd[i-a] = runEnd[i+1-a]
		}
	}
	out := make([][]uint64, b-a)
	for i := a; i < b; i++ {
		var fs []uint64
		add := func(parts ...string) { fs = append(fs, hash(parts...)) }
		l := lab(i)
		add("s1", l)
		add("s1-1", lab(i-1))
		add("s1+1", lab(i+1))
		add("s1ctx", lab(i-1), l, lab(i+1))
		add("s1w", l, f.lower[i])
		add("s1sent", strconv.FormatBool(hasCue), strconv.FormatBool(hasSource))
		add("s1out", before, after, strconv.FormatBool(nextCue), strconv.FormatBool(hasCue))
		if first[i] != lO {
			add("s1run", l, strconv.FormatBool(i == runStart[i-a]), strconv.FormatBool(i == runEnd[i-a]))
			add("s1runlen", component(first[i]), distBucket(runEnd[i-a]-runStart[i-a]+1))
		} else if i > a && first[i-1] != lO {
			add("s1runafter", component(first[i-1]), f.lower[i])
		}
		left, right := nearest(cues, i)
		add("s1d", distBucket(left), distBucket(right))
		add("s1dq", distBucket(left), distBucket(right), strconv.Itoa(int(f.quote[i])))
		if i > a && endsBelowCue[i-1-a] != "" {
			add("s1after", endsBelowCue[i-1-a], f.lower[i])
		}
		if toks[i].Dep != "" {
			fs = append(fs, f.belowCue(i, a, b, isCue, lo, hi, l)...)
			if isCue(i) {
				for k := a; k < b; k++ {
					if toks[k].Head == i && !isCue(k) {
						add("s1cuechild", toks[k].Dep, lab(k))
					}
				}
			}
		}
		out[i-a] = fs
	}
	return out
}

// belowCue describes how token i hangs below the nearest predicted cue
// above it in the parse: by which relation, how deep, on which side, and
// whether i opens or closes the phrase it hangs in.
func (f *featurizer) belowCue(i, a, b int, isCue func(int) bool, lo, hi []int, l string) []uint64 {
	toks := f.doc.Tokens
	var fs []uint64
	add := func(parts ...string) { fs = append(fs, hash(parts...)) }
	if isCue(i) {
		add("s1below", "self")
		return fs
	}
	child, grand, depth := i, -1, 0
	for k := toks[i].Head; k >= a && k < b && depth < 12; k = toks[k].Head {
		depth++
		if isCue(k) {
			rel := toks[child].Dep
			// The clause i sits in below the cue's dependent: a relative
			// or adverbial clause hanging off a content often ends it.
			if grand >= 0 {
				comma := false
				for j := min(grand, child) + 1; j < max(grand, child); j++ {
					if f.lower[j] == "," {
						comma = true
						break
					}
				}
				add("s1grand", rel, toks[grand].Dep, strconv.FormatBool(comma))
			} else {
				add("s1grand", rel, "-")
			}
			side := "after"
			if k > i {
				side = "before"
			}
			add("s1below", rel)
			add("s1belowd", rel, distBucket(depth))
			add("s1belows", rel, side)
			add("s1belowl", rel, l)
			add("s1belowb", rel, strconv.FormatBool(i == lo[child-a]), strconv.FormatBool(i == hi[child-a]))
			add("s1belowbw", rel, strconv.FormatBool(i == lo[child-a]), f.lower[i])
			add("s1belowcw", rel, f.lower[k])
			return fs
		}
		grand, child = child, k
	}
	add("s1below", "none")
	return fs
}

// subtreeSpans returns, for each token of sentence [a, b), the first and
// last token its subtree covers.
func subtreeSpans(toks []whosaid.Token, a, b int) (lo, hi []int) {
	lo, hi = make([]int, b-a), make([]int, b-a)
	for i := a; i < b; i++ {
		lo[i-a], hi[i-a] = i, i
	}
	for i := a; i < b; i++ {
		for k, depth := toks[i].Head, 0; k >= a && k < b && depth < b-a; k, depth = toks[k].Head, depth+1 {
			lo[k-a] = min(lo[k-a], i)
			hi[k-a] = max(hi[k-a], i)
		}
	}
	return lo, hi
}
