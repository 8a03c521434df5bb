package whosaid

import (
	"context"
	"time"
)

// Store keeps articles, their statements and speakers for as long as the
// user needs them, and answers queries over them. store/sqlite is the
// embedded implementation; every implementation passes store/storetest.
type Store interface {
	// PutArticle stores an annotated article with its statements, linking
	// its speakers to the speakers already stored. It is idempotent: the
	// same article (same content) is stored once; a changed version of an
	// article with a known URL is stored as a new version, the old kept.
	// An article is stored whole or not at all.
	PutArticle(ctx context.Context, doc *Doc) (ArticleRef, error)
	// Has tells whether an article with this content id is stored, so an
	// interrupted ingest can skip what it already did.
	Has(ctx context.Context, id string) (bool, error)

	// Search returns statements, best match first.
	Search(ctx context.Context, q StatementQuery) ([]StatementHit, error)
	// Export streams every statement matching q (Limit ignored), oldest
	// first.
	Export(ctx context.Context, q StatementQuery, fn func(StatementHit) error) error
	// Article returns a stored article with its statements.
	Article(ctx context.Context, id string) (*StoredArticle, error)

	// Speakers lists speakers, most statements first; Speaker finds one by
	// id or name.
	Speakers(ctx context.Context, q SpeakerQuery) ([]SpeakerSummary, error)
	Speaker(ctx context.Context, idOrName string) (*SpeakerSummary, error)
	// MergeSpeakers makes from one speaker with into; SplitSpeaker moves the
	// given variants of a speaker to a new speaker and returns its id. Both
	// are recorded with why and win over automatic linking from then on.
	MergeSpeakers(ctx context.Context, into, from, why string) error
	SplitSpeaker(ctx context.Context, id string, variants []string, why string) (string, error)

	Stats(ctx context.Context) (StoreStats, error)
	Close() error
}

// ArticleRef tells what PutArticle did.
type ArticleRef struct {
	ID      string
	Version int  // 1 for the first version of a URL
	New     bool // false when the article was already stored
}

// StatementQuery selects statements. Zero fields do not filter.
type StatementQuery struct {
	Text    string // full-text query over content, speaker names and titles
	Speaker string // speaker id or name (any variant)
	Outlet  string
	Since   *time.Time // said on or, when unknown, published on or after
	Until   *time.Time // … on or before
	Kind    StatementKind
	Limit   int
}

// StatementHit is one statement with what a reader needs around it.
// Offsets are code points into the article text.
type StatementHit struct {
	ID          string
	ArticleID   string
	Kind        StatementKind
	SpeakerID   string
	SpeakerName string
	Source      string
	Cue         string
	Content     string
	Start, End  int // content span
	SaidOn      string
	Published   string
	Outlet      string
	Title       string
	URL         string
	InputSource string // where the article was read from
	Score       float64
}

// StoredArticle is an article as stored.
type StoredArticle struct {
	ID, URL, Source, Title, Outlet, Byline string
	Published, PublishedFrom               string
	Version                                int
	Text                                   string
	Statements                             []StatementHit
}

// SpeakerQuery selects speakers.
type SpeakerQuery struct {
	Query string // part of a name or variant
	Top   int
}

// SpeakerSummary is a speaker with its variants, roles, outlets and
// statements per month.
type SpeakerSummary struct {
	ID         string
	Name       string
	Type       string
	Variants   []string
	Roles      []string
	Outlets    []string
	Statements int
	PerMonth   map[string]int // "2024-03" → statements
	Decisions  []string       // merges and splits, with why
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Articles, Statements, Speakers, Outlets int
	Bytes                                   int64
}
