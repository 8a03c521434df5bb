package cluster

import (
	"context"
	"sync"

	"github.com/whosaid/whosaid"
)

// MemoryIndex is a whosaid.ClusterIndex in memory: the clusters of one
// run of extract.
type MemoryIndex struct {
	mu       sync.Mutex
	clusters map[string]*whosaid.ClusterSketch
	byKey    map[[2]string]map[string]bool // (speaker, key) → cluster ids
	order    []string                      // cluster ids as created
}

var _ whosaid.ClusterIndex = (*MemoryIndex)(nil)

// NewMemoryIndex returns an empty index.
func NewMemoryIndex() *MemoryIndex {
	return &MemoryIndex{clusters: map[string]*whosaid.ClusterSketch{}, byKey: map[[2]string]map[string]bool{}}
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
	var out []whosaid.ClusterSketch
	for _, id := range m.order {
		if hit[id] {
			out = append(out, *m.clusters[id])
		}
	}
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
		m.order = append(m.order, c.Cluster)
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
