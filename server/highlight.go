package server

import (
	"sort"

	"github.com/whosaid/whosaid/wire"
)

// run is a stretch of article text covered by the same statement parts:
// the article page draws each as one element, so overlapping and nested
// statements need no overlapping markup.
type run struct {
	Text                 string
	Source, Cue, Content bool
	// Statements are the numbers (1-based) of the statements covering it.
	Statements []int
	// Starts are the statements that begin here, for their anchors.
	Starts []startMark
}

// startMark is where a statement begins: its anchor and number.
type startMark struct {
	ID string
	N  int
}

// Marked reports whether any statement covers the run.
func (r run) Marked() bool { return r.Source || r.Cue || r.Content }

type part int

const (
	partSource part = iota
	partCue
	partContent
)

type interval struct {
	start, end int
	part       part
	n          int // statement number
}

// highlight cuts text into runs at every edge of every statement's
// source, cue and content (each fragment of an interrupted content on
// its own, so the reporting clause between them is not content). Offsets
// are code points, as wire gives them; spans outside the text are
// clipped.
func highlight(text string, statements []wire.Statement) []run {
	runes := []rune(text)
	n := len(runes)
	var ivs []interval
	add := func(s, e int, p part, num int) {
		s, e = max(0, min(s, n)), max(0, min(e, n))
		if s < e {
			ivs = append(ivs, interval{s, e, p, num})
		}
	}
	starts := map[int][]startMark{}
	for i, st := range statements {
		num := i + 1
		first := n
		if st.Source != nil {
			add(st.Source.Start, st.Source.End, partSource, num)
			first = min(first, st.Source.Start)
		}
		if st.Cue != nil {
			add(st.Cue.Start, st.Cue.End, partCue, num)
			first = min(first, st.Cue.Start)
		}
		if c := st.Content; c != nil {
			if len(c.Fragments) > 0 {
				for _, f := range c.Fragments {
					add(f[0], f[1], partContent, num)
				}
			} else {
				add(c.Start, c.End, partContent, num)
			}
			first = min(first, c.Start)
		}
		first = max(0, min(first, n))
		starts[first] = append(starts[first], startMark{ID: st.ID, N: num})
	}
	cuts := map[int]bool{0: true, n: true}
	for _, iv := range ivs {
		cuts[iv.start], cuts[iv.end] = true, true
	}
	for at := range starts {
		cuts[at] = true
	}
	edges := make([]int, 0, len(cuts))
	for c := range cuts {
		edges = append(edges, c)
	}
	sort.Ints(edges)
	var out []run
	for k := 0; k+1 < len(edges); k++ {
		a, b := edges[k], edges[k+1]
		r := run{Text: string(runes[a:b]), Starts: starts[a]}
		seen := map[int]bool{}
		for _, iv := range ivs {
			if iv.start <= a && b <= iv.end {
				switch iv.part {
				case partSource:
					r.Source = true
				case partCue:
					r.Cue = true
				case partContent:
					r.Content = true
				}
				if !seen[iv.n] {
					seen[iv.n] = true
					r.Statements = append(r.Statements, iv.n)
				}
			}
		}
		sort.Ints(r.Statements)
		out = append(out, r)
	}
	if len(starts[n]) > 0 && (n > 0 || len(out) == 0) {
		// Statements clipped to the end of the text keep their anchors.
		out = append(out, run{Starts: starts[n]})
	}
	return out
}
