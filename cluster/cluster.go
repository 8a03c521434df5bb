package cluster

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/whosaid/whosaid"
)

// Clusterer is the standard whosaid.Clusterer.
type Clusterer struct{}

var _ whosaid.Clusterer = Clusterer{}

// Cluster gives each speech statement of doc with a speaker its cluster:
// the first candidate cluster of its speaker that says the same, else a
// new one named after the statement.
func (Clusterer) Cluster(ctx context.Context, ix whosaid.ClusterIndex, doc *whosaid.Doc) error {
	for i := range doc.Statements {
		s := &doc.Statements[i]
		sp := doc.SpeakerOf(i)
		if sp == nil || !s.IsSpeech() || len(s.Content) == 0 {
			continue
		}
		text := doc.Str(s.ContentSpan())
		w := wordingOf(text)
		w.denied = s.Cue != nil && denies(doc.Str(*s.Cue)) // "denied that …"
		if len(w.stems) == 0 {
			continue
		}
		cands, err := ix.ClusterCandidates(ctx, sp.ID, w.words())
		if err != nil {
			return err
		}
		id := ""
		for _, c := range cands {
			cw := wordingOf(c.Wording)
			cw.denied = c.Negated
			if same(w, cw) {
				id = c.ID
				break
			}
		}
		if id == "" {
			id = NewID(doc.StatementID(i))
		}
		s.Cluster = id
		if err := ix.PutClusterMember(ctx, whosaid.ClusterMember{Cluster: id, Statement: doc.StatementID(i), Speaker: sp.ID,
			Keys: w.keys(), Wording: text, Negated: w.denied, Published: doc.Meta.Published}); err != nil {
			return err
		}
	}
	return nil
}

// NewID is the id of a cluster started by the statement with this id.
func NewID(statementID string) string {
	sum := sha256.Sum256([]byte(statementID))
	return "cl_" + hex.EncodeToString(sum[:6])
}
