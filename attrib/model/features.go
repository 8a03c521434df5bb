package model

import (
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// featurizer computes the static features of every token of a Doc.
type featurizer struct {
	doc      *whosaid.Doc
	lower    []string
	quote    []int8 // 0 outside, 1 inside a top-level quotation, 2 its marks
	mention  []string
	rule     []int // rule-based label per token
	clusters Clusters
}

// Clusters maps a lower-case word to word-class ids at one or more
// granularities; nil when no vectors are available.
type Clusters interface {
	Classes(word string) []int
}

func newFeaturizer(doc *whosaid.Doc, clusters Clusters) *featurizer {
	n := len(doc.Tokens)
	f := &featurizer{doc: doc, lower: make([]string, n), quote: make([]int8, n), mention: make([]string, n), rule: make([]int, n), clusters: clusters}
	for i, t := range doc.Tokens {
		f.lower[i] = strings.ReplaceAll(strings.ToLower(doc.Str(t.Span)), "’", "'")
	}
	for _, q := range doc.Quotes {
		if q.Nested > 0 || !q.Open {
			continue
		}
		for i := doc.TokenAt(q.Outer.Start); i >= 0 && i < n && doc.Tokens[i].Start < q.Outer.End; i++ {
			f.quote[i] = 1
			if doc.Tokens[i].Start < q.Span.Start || doc.Tokens[i].End > q.Span.End {
				f.quote[i] = 2
			}
		}
	}
	for _, m := range doc.Mentions {
		first := true
		for i := doc.TokenAt(m.Start); i >= 0 && i < n && doc.Tokens[i].Start < m.End; i++ {
			if f.mention[i] != "" && !first {
				continue
			}
			tag := "I"
			if first {
				tag = "B"
			}
			f.mention[i] = tag + string(m.Kind) + string(m.Type)
			first = false
		}
	}
	// The rules' statements (LayerRules), as token labels.
	var spans []labelled
	for _, s := range doc.RuleStatements {
		if s.Source != nil {
			spans = append(spans, labelled{*s.Source, lBSource})
		}
		if s.Cue != nil {
			spans = append(spans, labelled{*s.Cue, lBCue})
		}
		for _, c := range s.Content {
			spans = append(spans, labelled{c, lBContent})
		}
	}
	copy(f.rule, tokenLabels(doc, spans))
	return f
}

// labelled is a span with the B- label of its component.
type labelled struct {
	whosaid.Span
	label int
}

// tokenLabels gives each token the label of the shortest span covering it,
// starting a new run at every sentence start and every new span.
func tokenLabels(doc *whosaid.Doc, spans []labelled) []int {
	out := make([]int, len(doc.Tokens))
	sentStart := make([]bool, len(doc.Tokens))
	for _, s := range doc.Sentences {
		if s.FirstToken >= 0 && s.FirstToken < len(sentStart) {
			sentStart[s.FirstToken] = true
		}
	}
	// hit[i] is the smallest span holding token i (the first of equal
	// ones), found span by span over the tokens each covers: linear in
	// the article, where a scan of every span for every token was not.
	hit := make([]int, len(doc.Tokens))
	for i := range hit {
		hit[i] = -1
	}
	toks := doc.Tokens
	for k, sp := range spans {
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.Start })
		for ; i < len(toks) && toks[i].Start < sp.End; i++ {
			if toks[i].End <= sp.End && (hit[i] < 0 || sp.Len() < spans[hit[i]].Len()) {
				hit[i] = k
			}
		}
	}
	prev := -1
	for i := range toks {
		h := hit[i]
		switch {
		case h < 0:
			out[i] = lO
		case h == prev && !sentStart[i]:
			out[i] = inside(spans[h].label)
		default:
			out[i] = spans[h].label
		}
		prev = h
	}
	return out
}

func hash(parts ...string) uint64 {
	h := fnv.New64a()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	return h.Sum64()
}

func shape(w string) string {
	var b strings.Builder
	var last rune
	n := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			n++
			if n > 2 {
				continue
			}
		} else {
			n = 0
		}
		b.WriteRune(c)
		last = c
	}
	return b.String()
}

func suffix(w string, n int) string {
	if utf8.RuneCountInString(w) <= n {
		return w
	}
	r := []rune(w)
	return string(r[len(r)-n:])
}

func distBucket(d int) string {
	switch {
	case d <= 0:
		return "none"
	case d <= 3:
		return strconv.Itoa(d)
	case d <= 6:
		return "4-6"
	case d <= 12:
		return "7-12"
	}
	return "far"
}

// sentence returns the static features of each token of sentence s.
func (f *featurizer) sentence(s whosaid.Sentence) [][]uint64 {
	a, b := s.FirstToken, s.EndToken
	w := func(i int) string {
		if i < a {
			return "<s>"
		}
		if i >= b {
			return "</s>"
		}
		return f.lower[i]
	}
	tag := func(i int) string {
		if i < a || i >= b {
			return "-"
		}
		return f.doc.Tokens[i].POS
	}
	cueClass := func(i int) string {
		if i < a || i >= b {
			return "-"
		}
		if e, ok := lexicon.Lookup(f.lower[i]); ok {
			return e.Class.String()
		}
		if f.lower[i] == "according" {
			return "according"
		}
		return "-"
	}
	// Distances to the nearest reporting word on either side.
	var cueIdx []int
	hasQuote := false
	for i := a; i < b; i++ {
		if c := cueClass(i); c == "speech" || c == "cognition" || c == "according" {
			cueIdx = append(cueIdx, i)
		}
		if f.quote[i] > 0 {
			hasQuote = true
		}
	}
	out := make([][]uint64, b-a)
	for i := a; i < b; i++ {
		var fs []uint64
		add := func(parts ...string) { fs = append(fs, hash(parts...)) }
		wi := w(i)
		add("b")
		add("w", wi)
		add("w-1", w(i-1))
		add("w+1", w(i+1))
		add("w-2", w(i-2))
		add("w+2", w(i+2))
		add("w-1w", w(i-1), wi)
		add("ww+1", wi, w(i+1))
		add("suf3", suffix(wi, 3))
		add("suf2", suffix(wi, 2))
		add("shape", shape(f.doc.Str(f.doc.Tokens[i].Span)))
		add("cue", cueClass(i))
		add("cue-1", cueClass(i-1))
		add("cue+1", cueClass(i+1))
		if e, ok := lexicon.Lookup(wi); ok {
			add("lemma", e.Lemma)
			add("cuetag", e.Tag)
		}
		add("q", strconv.Itoa(int(f.quote[i])))
		prevQ, nextQ := int8(-1), int8(-1)
		if i > a {
			prevQ = f.quote[i-1]
		}
		if i+1 < b {
			nextQ = f.quote[i+1]
		}
		add("qctx", strconv.Itoa(int(prevQ)), strconv.Itoa(int(f.quote[i])), strconv.Itoa(int(nextQ)))
		add("m", f.mention[i])
		add("m-1", mentionAt(f.mention, i-1, a))
		add("m+1", mentionAt(f.mention, i+1, b))
		r := labelNames[f.rule[i]]
		add("rule", r)
		add("rule-1", ruleAt(f.rule, i-1, a))
		add("rule+1", ruleAt(f.rule, i+1, b))
		add("rulew", r, wi)
		// Position of the nearest reporting words.
		left, right := nearest(cueIdx, i)
		add("dl", distBucket(left))
		add("dr", distBucket(right))
		add("dlr", distBucket(left), distBucket(right))
		add("dlq", distBucket(left), strconv.Itoa(int(f.quote[i])))
		add("drq", distBucket(right), strconv.Itoa(int(f.quote[i])))
		add("first", strconv.FormatBool(i == a))
		add("last", strconv.FormatBool(i == b-1))
		add("sentq", strconv.FormatBool(hasQuote), strconv.FormatBool(len(cueIdx) > 0))
		if t := tag(i); t != "" {
			add("t", t)
			add("t-1", tag(i-1))
			add("t+1", tag(i+1))
			add("t-1t", tag(i-1), t)
			add("tt+1", t, tag(i+1))
			add("tw", t, wi)
			add("tcue", t, cueClass(i))
			fs = append(fs, f.syntax(i, a, b)...)
		}
		if f.clusters != nil {
			for k, c := range f.clusters.Classes(wi) {
				add("c"+strconv.Itoa(k), strconv.Itoa(c))
			}
			for k, c := range f.clusters.Classes(w(i - 1)) {
				add("c-1"+strconv.Itoa(k), strconv.Itoa(c))
			}
			for k, c := range f.clusters.Classes(w(i + 1)) {
				add("c+1"+strconv.Itoa(k), strconv.Itoa(c))
			}
		}
		out[i-a] = fs
	}
	return out
}

// nearest returns the distances from token i to the nearest of positions
// before and after it (0 where there is none).
func nearest(positions []int, i int) (left, right int) {
	for _, c := range positions {
		if c < i && (left == 0 || i-c < left) {
			left = i - c
		}
		if c > i && (right == 0 || c-i < right) {
			right = c - i
		}
	}
	return left, right
}

func mentionAt(m []string, i, bound int) string {
	if i < 0 || i >= len(m) {
		return "-"
	}
	return m[i]
}

func ruleAt(r []int, i, bound int) string {
	if i < 0 || i >= len(r) {
		return "-"
	}
	return labelNames[r[i]]
}

// contextFeatures are the features that depend on the previous sentence's
// predicted labels: whether it ended inside a content, and whether this
// sentence is in the same paragraph.
func contextFeatures(prevLast int, samePara bool, first bool) []uint64 {
	p := labelNames[prevLast]
	fs := []uint64{hash("prev", p, strconv.FormatBool(samePara))}
	if first {
		fs = append(fs, hash("prev0", p, strconv.FormatBool(samePara)))
	}
	return fs
}
