package whosaid

import (
	"context"
	"time"
)

// Archiver is a store that can be read and written whole, record by
// record: what `whosaid copy` moves between stores without loss — every
// article version with its raw copy and statements, every speaker
// (merged ones too) with its names, keys and roles, the review decisions
// and what they pinned, the follow state and the saved searches with
// their alerts. store/sqlite and store/postgres implement it.
//
// Dump gives the records in an order Load can take (speakers before the
// articles that name them, articles in the order they were stored, so
// ties in search order stay as they were). Load stores what it does not
// hold already, keyed as the store keys them (an article or statement by
// id, a speaker by id, a decision by what it says), and reports how many
// records added something: loading the same records again adds nothing,
// so an interrupted copy is run again to finish it.
type Archiver interface {
	Dump(ctx context.Context, fn func(ArchiveRecord) error) error
	Load(ctx context.Context, recs []ArchiveRecord) (added int, err error)
}

// ArchiveRecord is one record of a dump: exactly one field is set.
type ArchiveRecord struct {
	Speaker    *ArchivedSpeaker
	Article    *ArchivedArticle
	Decision   *Decision
	Pinned     *PinnedVariant
	Correction *StatementCorrection
	Source     *SourceState
	Seen       *SeenItem
	Search     *SavedSearch
	Delivery   *Delivery
	Cluster    *ArchivedCluster
}

// ArchivedCluster is a statement cluster as a store keeps it (its
// members are the statements whose Cluster names it).
type ArchivedCluster struct {
	ID, SpeakerID, Wording string
	FirstStatement         string
	FirstPublished         string // as stored: a date, or "" when unknown
	Reports, Independent   int
	Negated                bool
	Keys                   []string // the words its members are indexed under
}

// ArchivedSpeaker is a speaker as a store keeps it.
type ArchivedSpeaker struct {
	ID, Name   string
	Type       EntityType
	MergedInto string // "" for a live speaker
	// Variants with how often each was seen; Keys the blocking keys.
	Variants []VariantCount
	Keys     []string
	Roles    []string
}

// VariantCount is a name form of a speaker and how often it was seen.
type VariantCount struct {
	Variant string
	N       int
}

// ArchivedArticle is an article version with everything stored with it.
type ArchivedArticle struct {
	Article      // statements included, in their order
	Latest  bool // the newest version of its URL
	Raw     []byte
	// Variants are the names the statements' speakers go by in the
	// article, by statement id (what a split moves by).
	Variants map[string]string
	// IndexedSpeakers are the speaker words the full-text index holds for
	// each statement with a speaker (by id): the speaker's name and id
	// when it was stored, kept until a review decision rewrites it.
	IndexedSpeakers map[string]string
	// Speakers are the speakers the article names, with their mentions.
	Speakers []ArticleSpeaker
}

// ArticleSpeaker is a speaker named in an article and how often.
type ArticleSpeaker struct {
	SpeakerID string
	Mentions  int
}

// PinnedVariant is a name (as identity.PinKey folds it) a review decision
// gave to a speaker.
type PinnedVariant struct {
	Variant, SpeakerID string
}

// StatementCorrection is the speaker a correction gave a statement ("" for
// nobody).
type StatementCorrection struct {
	Statement, SpeakerID, Why string
	At                        time.Time
}
