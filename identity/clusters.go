package identity

import (
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
)

// The resolver's sieves ask the same questions of a cluster over and over
// (its type, gender, names, role words, whether it speaks). Answering them
// by walking every mention made the stage cubic in the article's length: a
// transcript of a few hundred kilobytes took minutes. The state below is
// kept per cluster root and merged on union, so each question costs the
// size of the answer, not of the article.

// clusterFacts are what compatible, agrees and the role sieves read of a
// cluster. They are computed when first asked and merged on union.
type clusterFacts struct {
	typ whosaid.EntityType
	// genderAt is the first member (text order) with a gender, -1 if none:
	// the cluster's gender is that member's.
	genderAt int
	// names holds the folded words of each distinct name in the cluster.
	names [][]string
	// roles is roleWords of the cluster, built on first use.
	roles map[string]bool
	// titles holds the titleKey of every title its members bear, built on
	// first use.
	titles map[string]bool
}

// initClusters sets every mention up as a cluster of its own.
func (r *resolver) initClusters() {
	n := len(r.ms)
	r.words = make([][]string, n)
	r.skels = make([][]string, n)
	r.mem = make(map[int][]int, n)
	r.named = map[int]bool{}
	r.rootSpeaks = map[int]int{}
	r.facts = map[int]*clusterFacts{}
	for i := range r.ms {
		m := r.mention(i)
		if m.Kind == whosaid.MentionName && m.Name != "" {
			r.words[i] = foldWords(m.Name)
			r.skels[i] = skeletons(r.words[i])
			r.named[i] = true
		}
		r.mem[i] = []int{i}
	}
	for m, k := range r.speaks {
		r.rootSpeaks[m] += k
	}
	r.quoted = openQuoteSpans(r.doc)
	r.contents = contentSpans(r.doc)
}

// mergeClusters folds the state of cluster rb into ra (ra < rb), after
// union has made ra the root.
func (r *resolver) mergeClusters(ra, rb int) {
	r.mem[ra] = mergeSorted(r.mem[ra], r.mem[rb])
	delete(r.mem, rb)
	if r.named[rb] {
		r.named[ra] = true
		delete(r.named, rb)
	}
	if k := r.rootSpeaks[rb]; k > 0 {
		r.rootSpeaks[ra] += k
		delete(r.rootSpeaks, rb)
	}
	fa, fb := r.facts[ra], r.facts[rb]
	delete(r.facts, rb)
	if fa == nil || fb == nil {
		delete(r.facts, ra)
		return
	}
	switch {
	case fa.typ == whosaid.Organization || fb.typ == whosaid.Organization:
		fa.typ = whosaid.Organization
	case fa.typ == whosaid.Person || fb.typ == whosaid.Person:
		fa.typ = whosaid.Person
	}
	if fb.genderAt >= 0 && (fa.genderAt < 0 || fb.genderAt < fa.genderAt) {
		fa.genderAt = fb.genderAt
	}
	for _, w := range fb.names {
		fa.addName(w)
	}
	if fa.roles != nil && fb.roles != nil {
		for w := range fb.roles {
			fa.roles[w] = true
		}
	} else {
		fa.roles = nil
	}
	if fa.titles != nil && fb.titles != nil {
		for t := range fb.titles {
			fa.titles[t] = true
		}
	} else {
		fa.titles = nil
	}
}

// factsOf returns the facts of the cluster with this root.
func (r *resolver) factsOf(root int) *clusterFacts {
	if f := r.facts[root]; f != nil {
		return f
	}
	ms := r.mem[root]
	f := &clusterFacts{typ: r.clusterType(ms), genderAt: -1}
	for _, i := range ms {
		if g := r.mention(i).Gender; f.genderAt < 0 && (g == whosaid.Male || g == whosaid.Female) {
			f.genderAt = i
		}
		if w := r.words[i]; len(w) > 0 {
			f.addName(w)
		}
	}
	r.facts[root] = f
	return f
}

func (f *clusterFacts) addName(w []string) {
	key := strings.Join(w, " ")
	for _, v := range f.names {
		if strings.Join(v, " ") == key {
			return
		}
	}
	f.names = append(f.names, w)
}

func (r *resolver) typeOf(root int) whosaid.EntityType { return r.factsOf(root).typ }

// genderOf is the gender of the cluster's first gendered mention (a
// title, a pronoun), else the one its given names imply; an organisation
// has none from names.
func (r *resolver) genderOf(root int) whosaid.Gender {
	f := r.factsOf(root)
	if at := f.genderAt; at >= 0 {
		return r.mention(at).Gender
	}
	if f.typ == whosaid.Organization {
		return whosaid.NoGender
	}
	return f.nameGender()
}

// roleWordsOf is roleWords of the cluster with this root.
func (r *resolver) roleWordsOf(root int) map[string]bool {
	f := r.factsOf(root)
	if f.roles == nil {
		f.roles = r.roleWords(r.mem[root])
	}
	return f.roles
}

// titleKeysOf returns the title keys of the cluster with this root.
func (r *resolver) titleKeysOf(root int) map[string]bool {
	f := r.factsOf(root)
	if f.titles == nil {
		f.titles = map[string]bool{}
		for _, j := range r.mem[root] {
			for _, t := range r.mention(j).Titles {
				f.titles[titleKey(t)] = true
			}
		}
	}
	return f.titles
}

// mergeSorted merges two ascending lists into a new one.
func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] < b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// openQuoteSpans returns the article's open quotations as disjoint
// ascending spans, for a binary search instead of a scan per mention.
func openQuoteSpans(doc *whosaid.Doc) []whosaid.Span {
	var spans []whosaid.Span
	for _, q := range doc.Quotes {
		if q.Open {
			spans = append(spans, q.Span)
		}
	}
	return mergeSpans(spans)
}

// mergeSpans sorts spans and merges overlapping ones.
func mergeSpans(spans []whosaid.Span) []whosaid.Span {
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	var out []whosaid.Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			if s.End > out[n-1].End {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func (r *resolver) inQuote(pos int) bool { return inSpans(r.quoted, pos) }

// inSpans reports whether pos lies in one of the disjoint ascending spans.
func inSpans(spans []whosaid.Span, pos int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > pos })
	return k < len(spans) && spans[k].Start <= pos
}

// contentSpans returns the spans of the statements' contents, merged into
// disjoint ascending spans.
func contentSpans(doc *whosaid.Doc) []whosaid.Span {
	var spans []whosaid.Span
	for _, s := range doc.Statements {
		spans = append(spans, s.Content...)
	}
	return mergeSpans(spans)
}

func (r *resolver) inContent(pos int) bool { return inSpans(r.contents, pos) }
