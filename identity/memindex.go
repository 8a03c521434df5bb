package identity

import (
	"context"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// MemoryIndex is a SpeakerIndex held in memory: the index of one extract
// run, which starts empty and is gone when the run ends. It is safe for
// concurrent use.
type MemoryIndex struct {
	mu       sync.Mutex
	speakers map[string]*whosaid.SpeakerNames
	seen     map[string]map[string]int // id → variant → times seen
	byKey    map[string][]string       // key → speaker ids, in order of creation
	pinned   map[string]string         // folded variant → speaker id
	blocked  map[string]bool           // id + "\x1f" + folded variant
}

var _ whosaid.SpeakerIndex = (*MemoryIndex)(nil)

// NewMemoryIndex returns an empty index.
func NewMemoryIndex() *MemoryIndex {
	return &MemoryIndex{speakers: map[string]*whosaid.SpeakerNames{}, seen: map[string]map[string]int{}, byKey: map[string][]string{},
		pinned: map[string]string{}, blocked: map[string]bool{}}
}

// SpeakersByKey returns the speakers with a variant under one of keys.
func (x *MemoryIndex) SpeakersByKey(_ context.Context, keys []string) ([]whosaid.SpeakerNames, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	var out []whosaid.SpeakerNames
	seen := map[string]bool{}
	for _, k := range keys {
		for _, id := range x.byKey[k] {
			if !seen[id] {
				seen[id] = true
				out = append(out, copyNames(x.speakers[id]))
			}
		}
	}
	return out, nil
}

// Pinned returns the speaker a decision gave variant to.
func (x *MemoryIndex) Pinned(_ context.Context, variant string) (string, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.pinned[PinKey(variant)], nil
}

// Blocked reports whether variant was split away from speaker id.
func (x *MemoryIndex) Blocked(_ context.Context, id, variant string) (bool, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.blocked[id+"\x1f"+PinKey(variant)], nil
}

// PutSpeaker creates or extends a speaker.
func (x *MemoryIndex) PutSpeaker(_ context.Context, s whosaid.SpeakerNames) (string, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	cur, ok := x.speakers[s.ID]
	if !ok {
		cur = &whosaid.SpeakerNames{ID: s.ID, Name: s.Name, Type: s.Type}
		x.speakers[s.ID] = cur
	}
	if cur.Type == whosaid.UnknownType {
		cur.Type = s.Type
	}
	cur.Variants = appendNew(cur.Variants, s.Variants...)
	if x.seen[s.ID] == nil {
		x.seen[s.ID] = map[string]int{}
	}
	for _, v := range s.Variants {
		x.seen[s.ID][v]++
	}
	cur.Name = Fullest(x.seen[s.ID], cur.Name)
	cur.Roles = appendNew(cur.Roles, s.Roles...)
	for _, k := range s.Keys {
		if !contains(cur.Keys, k) {
			cur.Keys = append(cur.Keys, k)
			x.byKey[k] = append(x.byKey[k], s.ID)
		}
	}
	return cur.Name, nil
}

// Pin records a review decision giving variant to speaker id.
func (x *MemoryIndex) Pin(variant, id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.pinned[PinKey(variant)] = id
}

// Block records a split that took variant away from speaker id.
func (x *MemoryIndex) Block(id, variant string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.blocked[id+"\x1f"+PinKey(variant)] = true
}

// Speakers returns every speaker of the index.
func (x *MemoryIndex) Speakers() []whosaid.SpeakerNames {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := make([]whosaid.SpeakerNames, 0, len(x.speakers))
	for _, s := range x.speakers {
		out = append(out, copyNames(s))
	}
	return out
}

// PinKey is the form in which review decisions name a variant: lower
// case, single spaces. Stores key their pins the same way.
func PinKey(v string) string { return strings.ToLower(strings.Join(strings.Fields(v), " ")) }

// Fullest is the name a speaker goes by: of the names seen (with how
// often), one whose given name is written out and not all in capitals,
// then the one with the most words, then the most often seen; on a tie
// the current name stays (names do not flip as articles come in), else
// the longest, then the first in alphabetical order.
func Fullest(seen map[string]int, current string) string {
	better := func(n, best string) bool {
		// A name whose given name is an initial ("B. Lenk Pereira") is less
		// full than one that writes it out, and all capitals are a
		// headline's.
		if in, ib := initialFirst(n), initialFirst(best); in != ib {
			return ib
		}
		if cn, cb := allCaps(n), allCaps(best); cn != cb {
			return cb
		}
		if wn, wb := len(foldWords(n)), len(foldWords(best)); wn != wb {
			return wn > wb
		}
		if seen[n] != seen[best] {
			return seen[n] > seen[best]
		}
		if best == current {
			return false
		}
		if n == current {
			return true
		}
		if ln, lb := utf8.RuneCountInString(n), utf8.RuneCountInString(best); ln != lb {
			return ln > lb
		}
		return n < best
	}
	best := ""
	if _, ok := seen[current]; ok {
		best = current
	}
	for n := range seen {
		if n != "" && (best == "" || better(n, best)) {
			best = n
		}
	}
	if best == "" {
		return current
	}
	return best
}

// Name returns the name speaker id goes by now ("" if unknown).
func (x *MemoryIndex) Name(id string) string {
	x.mu.Lock()
	defer x.mu.Unlock()
	if s, ok := x.speakers[id]; ok {
		return s.Name
	}
	return ""
}

func copyNames(s *whosaid.SpeakerNames) whosaid.SpeakerNames {
	c := *s
	c.Variants = append([]string(nil), s.Variants...)
	c.Keys = append([]string(nil), s.Keys...)
	c.Roles = append([]string(nil), s.Roles...)
	return c
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// initialFirst reports whether a name of two words or more starts with an
// initial ("B.", "J").
func initialFirst(name string) bool {
	f := strings.Fields(name)
	return len(f) >= 2 && utf8.RuneCountInString(strings.TrimSuffix(f[0], ".")) == 1
}

// allCaps reports whether a name is written in capitals only ("ANA
// PEREIRA"), as headlines and transcripts write names.
func allCaps(name string) bool {
	return strings.ToUpper(name) == name && strings.ToLower(name) != name && utf8.RuneCountInString(name) > 4
}
