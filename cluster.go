package whosaid

import (
	"context"
	"time"
)

// A statement cluster is one statement by one speaker as many articles
// report it: the same words (however punctuated or cut), a quote and its
// faithful paraphrase. Clustering is incremental: each new article's
// statements join the clusters of their speaker they say the same as, or
// start new ones (package cluster decides; stores keep the index).

// ClusterIndex is what statement clustering reads and records: the
// clusters of a speaker that share words with a statement, and each
// statement's membership. A store's Tx implements it, so a new article's
// statements join their clusters in the transaction that stores it;
// cluster.MemoryIndex implements it for one run of extract.
type ClusterIndex interface {
	// ClusterCandidates returns the clusters of speaker (or of a speaker
	// merged into it) with a member indexed under one of keys.
	ClusterCandidates(ctx context.Context, speakerID string, keys []string) ([]ClusterSketch, error)
	// PutClusterMember records a statement as a member of its cluster,
	// creating the cluster when it is new, indexing the statement under
	// its keys, and making the wording the cluster's when it is fuller.
	PutClusterMember(ctx context.Context, m ClusterMember) error
}

// ClusterSketch is what the clusterer compares a statement with: a
// cluster's id and its fullest wording.
type ClusterSketch struct {
	ID, Speaker, Wording string
	// Negated: the cluster's statement is reported as denied ("denied
	// that …"): it joins only other denials.
	Negated bool
}

// ClusterMember is one statement joining a cluster.
type ClusterMember struct {
	Cluster   string
	Statement string
	Speaker   string
	// Keys index the statement for later candidates (a few of its words).
	Keys    []string
	Wording string
	Negated bool
	// Published is its article's date (nil when unknown): the earliest
	// report is the cluster's first.
	Published *time.Time
}

// Clusterer gives each statement of a linked Doc its cluster
// (Statement.Cluster), reading and recording clusters through ix.
type Clusterer interface {
	Cluster(ctx context.Context, ix ClusterIndex, doc *Doc) error
}

// ClusterQuery selects clusters: those with a statement matching the
// statement filters, best first (most independent outlets, then most
// reports).
type ClusterQuery struct {
	StatementQuery
}

// ClusterSummary is a cluster as a reader sees it: its speaker, fullest
// wording, first report, how many reports and independent outlets.
type ClusterSummary struct {
	ID      string
	Speaker *SpeakerRef
	Wording string
	// Reports counts its statements; Outlets the distinct outlets that
	// carried it, reprints of one story counted once (Independent).
	Reports, Independent int
	Outlets              []string
	First                StatementHit
}

// ClusterDetail is a cluster with all its reports, in order of
// publication (undated last).
type ClusterDetail struct {
	ClusterSummary
	Statements []StatementHit
}
