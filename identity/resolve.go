package identity

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// Resolver is the within-article coreference stage. It reads the parse
// (a pronoun's subject role), the mentions and the statements.
type Resolver struct{}

func (Resolver) Name() string { return "identity" }
func (Resolver) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerSentences, whosaid.LayerDeps, whosaid.LayerMentions, whosaid.LayerStatements}
}
func (Resolver) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerEntities} }

// Process clusters doc's mentions into entities.
func (Resolver) Process(_ context.Context, doc *whosaid.Doc) error {
	Resolve(doc)
	return nil
}

// resolver holds the clustering of one article's mentions. It works on
// its own copy of the mentions (ms), in text order, with a mention added
// for every statement source the detector did not find ("a source",
// "officials"): the Doc's mentions and statements are read, never
// rewritten; build writes the entities back.
type resolver struct {
	doc *whosaid.Doc
	ms  []whosaid.Mention
	// docIdx[i] is the index in Doc.Mentions of ms[i], -1 for a mention
	// added for a statement source.
	docIdx []int
	// srcOf[k] is the index in ms of statement k's source, -1 if none.
	srcOf  []int
	parent []int // union-find over ms
	why    map[int][]string
	// speaks[m] counts statements whose source is mention m.
	speaks map[int]int
	sentOf []int // sentence index of each mention

	// Per-cluster state (clusters.go), kept by union.
	words      [][]string    // folded words of each name mention, nil for others
	skels      [][]string    // their consonant skeletons
	mem        map[int][]int // members of each cluster by root, in text order
	named      map[int]bool  // roots of clusters that hold a name
	rootSpeaks map[int]int   // statements spoken by each cluster, by root
	facts      map[int]*clusterFacts
	quoted     []whosaid.Span // open quotations, disjoint and ascending
	contents   []whosaid.Span // statement contents, disjoint and ascending
	// issuer maps a document or outlet cited as a statement's source to
	// the mention of who issued it, -1 for nobody (documents.go).
	issuer map[int]int
}

// Resolve sets Mention.Entity, Statement.Entity and Doc.Entities.
func Resolve(doc *whosaid.Doc) {
	r := newResolver(doc)
	r.exactNames()
	r.appositions()
	r.shortNames()
	r.relatives()
	r.roleNominals()
	r.honorifics()
	r.pronouns()
	r.documents()
	r.build()
}

// newResolver copies the article's mentions, adds one for each statement
// source that is not a detected mention, and sorts them in text order.
func newResolver(doc *whosaid.Doc) *resolver {
	type item struct {
		m      whosaid.Mention
		docIdx int
	}
	items := make([]item, 0, len(doc.Mentions)+4)
	for i, m := range doc.Mentions {
		items = append(items, item{m, i})
	}
	addedFor := map[int]int{} // statement → index in items
	for k := range doc.Statements {
		s := &doc.Statements[k]
		if s.Mention >= 0 || s.Source == nil {
			continue
		}
		m := sourceMention(doc, *s.Source)
		addedFor[k] = len(items)
		items = append(items, item{m, -1})
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := items[order[a]].m, items[order[b]].m
		return ma.Start < mb.Start || ma.Start == mb.Start && ma.End > mb.End
	})
	pos := make([]int, len(items)) // item → index in ms
	for n, o := range order {
		pos[o] = n
	}
	fromDoc := make([]int, len(doc.Mentions)) // doc index → index in ms
	r := &resolver{doc: doc, ms: make([]whosaid.Mention, len(items)), docIdx: make([]int, len(items)),
		parent: make([]int, len(items)), why: map[int][]string{}, speaks: map[int]int{}}
	for n, o := range order {
		r.ms[n] = items[o].m
		r.docIdx[n] = items[o].docIdx
		if items[o].docIdx >= 0 {
			fromDoc[items[o].docIdx] = n
		}
	}
	for i := range r.ms {
		if a := r.ms[i].Apposition; a >= 0 && r.docIdx[i] >= 0 {
			r.ms[i].Apposition = fromDoc[a]
		}
		r.parent[i] = i
	}
	r.srcOf = make([]int, len(doc.Statements))
	for k, s := range doc.Statements {
		switch {
		case s.Mention >= 0:
			r.srcOf[k] = fromDoc[s.Mention]
		case s.Source != nil:
			r.srcOf[k] = pos[addedFor[k]]
		default:
			r.srcOf[k] = -1
		}
		if r.srcOf[k] >= 0 {
			r.speaks[r.srcOf[k]]++
		}
	}
	r.sentOf = make([]int, len(r.ms))
	for i, m := range r.ms {
		r.sentOf[i] = doc.SentenceAt(m.Start)
	}
	r.initClusters()
	return r
}

// sourceMention is the mention added for a statement source the
// detector did not find: a proper name when it is written as one
// ("Vickers said", where the detector saw a capitalised sentence opener),
// else a nominal whose role is the source phrase.
func sourceMention(doc *whosaid.Doc, src whosaid.Span) whosaid.Mention {
	text := doc.Str(src)
	m := whosaid.Mention{Span: src, Head: lastWord(doc, src), Kind: whosaid.MentionNominal, Type: whosaid.UnknownType,
		Person: 3, Apposition: -1, Entity: -1, Role: text}
	if looksLikeName(text) {
		m.Kind, m.Name, m.Role, m.Head = whosaid.MentionName, text, "", src
		return m
	}
	// "officials", "residents": a plural noun; not "Vickers" or "boss".
	if w := doc.Str(m.Head); strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && isLowerWord(w) {
		m.Plural = true
	}
	return m
}

// looksLikeName reports whether a source phrase is written as a proper
// name: one to four capitalised words (name particles aside), not a
// pronoun, a determiner or a title alone.
func looksLikeName(text string) bool {
	ws := strings.Fields(text)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	caps := 0
	for _, w := range ws {
		if !isUpperWord(w) {
			switch strings.ToLower(w) {
			case "al", "el", "bin", "de", "da", "van", "von", "der", "la", "le", "du", "di":
				continue
			}
			return false
		}
		caps++
	}
	if caps == 0 {
		return false
	}
	switch strings.ToLower(ws[0]) {
	case "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "who", "which":
		return false
	}
	if _, title := lexicon.Title(text); title {
		return false
	}
	return true
}

func isUpperWord(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func isLowerWord(w string) bool {
	for _, r := range w {
		return unicode.IsLower(r)
	}
	return false
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
	r.mergeClusters(ra, rb)
	r.why[ra] = append(r.why[ra], why+": "+r.text(a)+" = "+r.text(b))
	r.why[ra] = append(r.why[ra], r.why[rb]...)
	delete(r.why, rb)
}

func (r *resolver) text(m int) string { return r.doc.Str(r.ms[m].Span) }

// members returns the mentions of each cluster, by root, in text order.
// The map and its lists are the resolver's: read them, never change them.
func (r *resolver) members() map[int][]int { return r.mem }
