package identity

import (
	"context"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
)

// Resolver is the within-article coreference stage.
type Resolver struct{}

func (Resolver) Name() string { return "identity" }
func (Resolver) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerMentions, whosaid.LayerStatements}
}
func (Resolver) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerEntities} }

// Process clusters doc's mentions into entities.
func (Resolver) Process(_ context.Context, doc *whosaid.Doc) error {
	Resolve(doc)
	return nil
}

// resolver holds the clustering of one article's mentions.
type resolver struct {
	doc    *whosaid.Doc
	parent []int // union-find over mentions
	why    map[int][]string
	// speaks[m] counts statements whose source is mention m.
	speaks map[int]int
	// blocked pairs of clusters that must never merge (by root).
	sentOf []int // sentence index of each mention
}

// Resolve sets Mention.Entity, Statement.Entity and Doc.Entities.
func Resolve(doc *whosaid.Doc) {
	addSourceMentions(doc)
	r := &resolver{doc: doc, parent: make([]int, len(doc.Mentions)), why: map[int][]string{}, speaks: map[int]int{}}
	for i := range r.parent {
		r.parent[i] = i
	}
	for _, s := range doc.Statements {
		if s.Mention >= 0 {
			r.speaks[s.Mention]++
		}
	}
	r.sentOf = make([]int, len(doc.Mentions))
	for i, m := range doc.Mentions {
		r.sentOf[i] = doc.SentenceAt(m.Start)
	}
	r.exactNames()
	r.appositions()
	r.shortNames()
	r.relatives()
	r.roleNominals()
	r.honorifics()
	r.pronouns()
	r.build()
}

// addSourceMentions gives every statement source that is not a detected
// mention ("a source", "officials") a nominal mention of its own, so it
// can become an entity.
func addSourceMentions(doc *whosaid.Doc) {
	for i := range doc.Statements {
		s := &doc.Statements[i]
		if s.Mention >= 0 || s.Source == nil {
			continue
		}
		m := whosaid.Mention{Span: *s.Source, Head: lastWord(doc, *s.Source), Kind: whosaid.MentionNominal, Type: whosaid.UnknownType,
			Person: 3, Apposition: -1, Entity: -1, Role: doc.Str(*s.Source)}
		if strings.HasSuffix(strings.ToLower(doc.Str(*s.Source)), "s") {
			m.Plural = true
		}
		doc.Mentions = append(doc.Mentions, m)
		s.Mention = len(doc.Mentions) - 1
	}
	// Keep mentions in text order, remapping the indices that point at them.
	order := make([]int, len(doc.Mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := doc.Mentions[order[a]], doc.Mentions[order[b]]
		return ma.Start < mb.Start || ma.Start == mb.Start && ma.End > mb.End
	})
	newIdx := make([]int, len(order))
	sorted := make([]whosaid.Mention, len(order))
	for n, o := range order {
		newIdx[o] = n
		sorted[n] = doc.Mentions[o]
	}
	for i := range sorted {
		if sorted[i].Apposition >= 0 {
			sorted[i].Apposition = newIdx[sorted[i].Apposition]
		}
	}
	doc.Mentions = sorted
	for i := range doc.Statements {
		if doc.Statements[i].Mention >= 0 {
			doc.Statements[i].Mention = newIdx[doc.Statements[i].Mention]
		}
	}
}

// lastWord is the span of the last word of s: the head of an English
// noun phrase.
func lastWord(doc *whosaid.Doc, s whosaid.Span) whosaid.Span {
	t := doc.Str(s)
	i := strings.LastIndexAny(t, " \t\n")
	if i < 0 {
		return s
	}
	return whosaid.Span{Start: s.Start + i + 1, End: s.End}
}

func (r *resolver) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}

// union merges the clusters of a and b, recording why. The earlier
// mention's cluster root stays the root.
func (r *resolver) union(a, b int, why string) {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	r.parent[rb] = ra
	r.why[ra] = append(r.why[ra], why+": "+r.text(a)+" = "+r.text(b))
	r.why[ra] = append(r.why[ra], r.why[rb]...)
	delete(r.why, rb)
}

func (r *resolver) text(m int) string { return r.doc.Str(r.doc.Mentions[m].Span) }

// members returns the mentions of each cluster, by root.
func (r *resolver) members() map[int][]int {
	out := map[int][]int{}
	for i := range r.doc.Mentions {
		out[r.find(i)] = append(out[r.find(i)], i)
	}
	return out
}
