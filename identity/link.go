package identity

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// Linker links entities across articles by their names. Entities known
// only by a role ("the ministry", "sources") stay within their article.
type Linker struct{}

// group is one speaker across articles under construction.
type group struct {
	typ     whosaid.EntityType
	names   [][]string // folded name words of every member
	display []string
	refs    []entityRef
}

type entityRef struct{ doc, entity int }

// Link sets Entity.SpeakerID in every doc and returns the speakers.
func (Linker) Link(_ context.Context, docs []*whosaid.Doc) ([]whosaid.Speaker, error) {
	var groups []*group
	var unnamed []entityRef
	// Full names first, so that a bare family name finds the one full name
	// it belongs to.
	type item struct {
		ref   entityRef
		words []string
	}
	var items []item
	for di, d := range docs {
		for ei, e := range d.Entities {
			w := foldWords(e.Name)
			if !hasProperName(d, e) || len(w) == 0 {
				unnamed = append(unnamed, entityRef{di, ei})
				continue
			}
			items = append(items, item{entityRef{di, ei}, w})
		}
	}
	sort.SliceStable(items, func(a, b int) bool { return len(items[a].words) > len(items[b].words) })
	// A name can only join a group with a name ending in the same word, so
	// groups are found through the skeleton of their names' last word.
	byLast := map[string][]*group{}
	for _, it := range items {
		e := docs[it.ref.doc].Entities[it.ref.entity]
		last := skeleton(it.words[len(it.words)-1])
		g := findGroup(byLast[last], it.words, e.Type)
		if g == nil {
			g = &group{typ: e.Type}
			groups = append(groups, g)
			byLast[last] = append(byLast[last], g)
		}
		if g.typ == whosaid.UnknownType {
			g.typ = e.Type
		}
		g.names = append(g.names, it.words)
		g.display = append(g.display, e.Name)
		g.refs = append(g.refs, it.ref)
	}
	var speakers []whosaid.Speaker
	for _, g := range groups {
		name := fullest(g.display)
		sp := whosaid.Speaker{ID: speakerID(g.typ, name), Name: name, Type: g.typ}
		seen := map[string]bool{}
		for _, ref := range g.refs {
			e := &docs[ref.doc].Entities[ref.entity]
			e.SpeakerID = sp.ID
			e.Name = name
			for _, mi := range e.Mentions {
				t := docs[ref.doc].Str(docs[ref.doc].Mentions[mi].Span)
				if docs[ref.doc].Mentions[mi].Kind != whosaid.MentionPronoun && !seen[t] {
					seen[t] = true
					sp.Variants = append(sp.Variants, t)
				}
			}
			sp.Roles = appendNew(sp.Roles, e.Roles...)
			sp.Why = appendNew(sp.Why, e.Why...)
		}
		speakers = append(speakers, sp)
	}
	for _, ref := range unnamed {
		d := docs[ref.doc]
		e := &d.Entities[ref.entity]
		e.SpeakerID = speakerID(e.Type, d.ID+"/"+e.Name)
		speakers = append(speakers, whosaid.Speaker{ID: e.SpeakerID, Name: e.Name, Type: e.Type, Roles: e.Roles})
	}
	return speakers, nil
}

// hasProperName reports whether one of the entity's mentions is a name.
func hasProperName(d *whosaid.Doc, e whosaid.Entity) bool {
	for _, mi := range e.Mentions {
		if d.Mentions[mi].Kind == whosaid.MentionName {
			return true
		}
	}
	return false
}

// findGroup returns the group a name belongs to: one with the same name,
// or — for a shorter name — the only group whose names end with it.
func findGroup(groups []*group, words []string, typ whosaid.EntityType) *group {
	var ends []*group
	for _, g := range groups {
		if typ != whosaid.UnknownType && g.typ != whosaid.UnknownType && typ != g.typ {
			continue
		}
		for _, n := range g.names {
			switch {
			case len(n) == len(words) && suffixMatch(words, n):
				return g
			case len(n) > len(words) && suffixMatch(words, n):
				ends = append(ends, g)
			}
		}
	}
	ends = uniqueGroups(ends)
	if len(ends) == 1 {
		return ends[0]
	}
	return nil
}

func uniqueGroups(gs []*group) []*group {
	var out []*group
	seen := map[*group]bool{}
	for _, g := range gs {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

// fullest picks the fullest form of a name: most words, then the form
// seen most often, then the longest.
func fullest(names []string) string {
	count := map[string]int{}
	for _, n := range names {
		count[n]++
	}
	best := ""
	for n := range count {
		switch {
		case best == "":
			best = n
		case len(foldWords(n)) != len(foldWords(best)):
			if len(foldWords(n)) > len(foldWords(best)) {
				best = n
			}
		case count[n] != count[best]:
			if count[n] > count[best] {
				best = n
			}
		case utf8.RuneCountInString(n) != utf8.RuneCountInString(best):
			if utf8.RuneCountInString(n) > utf8.RuneCountInString(best) {
				best = n
			}
		case n < best:
			best = n
		}
	}
	return best
}

// speakerID derives a stable id from the speaker's type and name key.
func speakerID(t whosaid.EntityType, name string) string {
	key := string(t) + "|" + strings.Join(skeletons(foldWords(name)), " ")
	sum := sha1.Sum([]byte(key))
	return "spk_" + hex.EncodeToString(sum[:6])
}

func appendNew(dst []string, src ...string) []string {
	for _, s := range src {
		dup := false
		for _, d := range dst {
			if d == s {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, s)
		}
	}
	return dst
}
