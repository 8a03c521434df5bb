package dedup

import (
	"context"
	"sort"
	"sync"

	"github.com/whosaid/whosaid"
)

// MemoryIndex is a DuplicateIndex in memory: for one run of extract, and
// the reference the stores' indexes are tested against.
type MemoryIndex struct {
	mu      sync.Mutex
	entries []whosaid.DuplicateEntry
	at      map[string]int   // article id → index in entries
	keys    map[uint64][]int // band key → indexes in entries, in order recorded
}

// NewMemoryIndex returns an empty index.
func NewMemoryIndex() *MemoryIndex {
	return &MemoryIndex{at: map[string]int{}, keys: map[uint64][]int{}}
}

var _ whosaid.DuplicateIndex = (*MemoryIndex)(nil)

func (m *MemoryIndex) DuplicateCandidates(_ context.Context, keys []uint64) ([]whosaid.DuplicateEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var hit []int
	seen := map[int]bool{}
	for _, k := range keys {
		for _, i := range m.keys[k] {
			if !seen[i] {
				seen[i] = true
				hit = append(hit, i)
			}
		}
	}
	sort.Ints(hit) // in the order recorded
	out := make([]whosaid.DuplicateEntry, len(hit))
	for k, i := range hit {
		out[k] = m.entries[i]
	}
	return out, nil
}

func (m *MemoryIndex) DuplicateGroup(_ context.Context, original string) ([]whosaid.DuplicateEntry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []whosaid.DuplicateEntry
	for _, e := range m.entries {
		if e.ArticleID == original || e.DuplicateOf == original {
			out = append(out, e)
		}
	}
	return out, nil
}

func (m *MemoryIndex) PutDuplicateEntry(_ context.Context, e whosaid.DuplicateEntry, keys []uint64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if i, ok := m.at[e.ArticleID]; ok {
		m.entries[i].DuplicateOf = e.DuplicateOf
		return nil
	}
	i := len(m.entries)
	m.entries = append(m.entries, e)
	m.at[e.ArticleID] = i
	for _, k := range keys {
		m.keys[k] = append(m.keys[k], i)
	}
	return nil
}

func (m *MemoryIndex) SetDuplicateOf(_ context.Context, ids []string, original string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		if i, ok := m.at[id]; ok {
			m.entries[i].DuplicateOf = original
			if id == original {
				m.entries[i].DuplicateOf = ""
			}
		}
	}
	return nil
}

// DuplicateOf returns the original article id is a copy of ("" for an
// original or an article not recorded).
func (m *MemoryIndex) DuplicateOf(id string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if i, ok := m.at[id]; ok {
		return m.entries[i].DuplicateOf
	}
	return ""
}
