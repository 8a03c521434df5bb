package whosaid

import (
	"context"
	"time"
)

// DuplicateIndex is what grouping near-duplicate articles (reprints and
// lightly edited copies of one story) needs to find and record: each
// article's MinHash signature under its LSH band keys, and the group it
// belongs to. A store's Tx implements it over the archive, so an
// article's group is decided in the transaction that stores it; package
// dedup computes signatures and makes the decision.
//
// A group is named by its original, the earliest copy: every copy's
// DuplicateOf is the original's id (never a chain), the original's is "".
type DuplicateIndex interface {
	// DuplicateCandidates returns the articles recorded under at least
	// one of keys, with their signatures and groups: the few a new
	// article may copy, found without comparing it to every article.
	DuplicateCandidates(ctx context.Context, keys []uint64) ([]DuplicateEntry, error)
	// DuplicateGroup returns the original and every copy of the group
	// named by original.
	DuplicateGroup(ctx context.Context, original string) ([]DuplicateEntry, error)
	// PutDuplicateEntry records an article's signature under keys, and
	// its group; recording an article again replaces its group only.
	PutDuplicateEntry(ctx context.Context, e DuplicateEntry, keys []uint64) error
	// SetDuplicateOf moves the articles ids into the group named by
	// original ("" makes each one an original).
	SetDuplicateOf(ctx context.Context, ids []string, original string) error
}

// DuplicateEntry is an article as the duplicate index knows it.
type DuplicateEntry struct {
	ArticleID string
	// Signature is the MinHash signature of the article's text.
	Signature []uint32
	// Published is the article's publication date (nil when unknown):
	// the earliest published copy is the original.
	Published *time.Time
	// DuplicateOf is the group's original, "" when this is it.
	DuplicateOf string
}
