package cluster

import (
	"context"
	"sort"
	"sync"

	"github.com/whosaid/whosaid"
)

// MemoryIndex is a whosaid.ClusterIndex in memory: the clusters of one
// run of extract.
type MemoryIndex struct {
	mu       sync.Mutex
	clusters map[string]*whosaid.ClusterSketch
	byKey    map[[2]string]map[string]bool // (speaker, key) → cluster ids
	made     map[string]int                // cluster id → creation order
}

var _ whosaid.ClusterIndex = (*MemoryIndex)(nil)

// NewMemoryIndex returns an empty index.
func NewMemoryIndex() *MemoryIndex {
	return &MemoryIndex{clusters: map[string]*whosaid.ClusterSketch{}, byKey: map[[2]string]map[string]bool{}, made: map[string]int{}}
}

// ClusterCandidates returns the speaker's clusters indexed under keys,
// oldest first.
func (m *MemoryIndex) ClusterCandidates(_ context.Context, speakerID string, keys []string) ([]whosaid.ClusterSketch, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	hit := map[string]bool{}
	for _, k := range keys {
		for id := range m.byKey[[2]string{speakerID, k}] {
			hit[id] = true
		}
	}
	out := make([]whosaid.ClusterSketch, 0, len(hit))
	for id := range hit {
		out = append(out, *m.clusters[id])
	}
	sort.Slice(out, func(i, j int) bool { return m.made[out[i].ID] < m.made[out[j].ID] })
	return out, nil
}

// PutClusterMember records the member.
func (m *MemoryIndex) PutClusterMember(_ context.Context, c whosaid.ClusterMember) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	sk, ok := m.clusters[c.Cluster]
	if !ok {
		sk = &whosaid.ClusterSketch{ID: c.Cluster, Speaker: c.Speaker, Negated: c.Negated}
		m.clusters[c.Cluster] = sk
		m.made[c.Cluster] = len(m.made)
	}
	if len(c.Wording) > len(sk.Wording) {
		sk.Wording = c.Wording
	}
	for _, k := range c.Keys {
		key := [2]string{c.Speaker, k}
		if m.byKey[key] == nil {
			m.byKey[key] = map[string]bool{}
		}
		m.byKey[key][c.Cluster] = true
	}
	return nil
}
