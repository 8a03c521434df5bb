package whosaid

import (
	"context"
	"time"
)

// Store keeps articles, their statements and speakers for as long as the
// user needs them, and answers queries over them. store/sqlite is the
// embedded implementation; every implementation passes store/storetest.
//
// Errors: every method returns an *Error with a code callers can branch on
// (ErrorCode): ENotFound when the thing asked for does not exist,
// EInvalid for a malformed argument (a bad cursor, a review decision
// without a reason), EConflict when a change contradicts what is stored
// (a name that names several speakers, a merge of a speaker into itself),
// and EInternal for failures of the database itself. A cancelled context
// stops a method and its error wraps ctx.Err().
type Store interface {
	// Update runs fn in one write transaction: everything fn writes through
	// tx lands together, or nothing does when fn or the commit fails.
	// Linking an article's speakers and storing it happen in one Update,
	// so two writers never see half of each other's work.
	Update(ctx context.Context, fn func(tx Tx) error) error

	// HasRaw tells whether an article read from exactly these input bytes
	// (RawSHA256 of the bytes) is stored, so an interrupted ingest skips
	// what it did before annotating it again.
	HasRaw(ctx context.Context, rawSHA256 string) (bool, error)

	// Search returns one page of statements matching q: best match first
	// for a text query (newest first without one, or with SortDate). The
	// page's Next cursor, given back in q.Cursor, returns the next page;
	// it is "" after the last one. Bad cursor or a query that cannot be
	// read (package textquery): EInvalid. A Speaker or Outlet that names
	// nothing stored: ENotFound.
	Search(ctx context.Context, q StatementQuery) (Page[StatementHit], error)
	// Export calls fn for every statement matching q (Limit and Cursor
	// ignored), oldest first; an error from fn stops it and is returned.
	Export(ctx context.Context, q StatementQuery, fn func(StatementHit) error) error
	// Statement returns one statement by id (ENotFound).
	Statement(ctx context.Context, id string) (*StatementHit, error)
	// Article returns a stored article with its statements (ENotFound).
	Article(ctx context.Context, id string) (*Article, error)
	// RawCopy returns the input bytes an article was read from, as
	// ingested (ENotFound when the article or its raw copy is missing).
	RawCopy(ctx context.Context, articleID string) (*RawCopy, error)

	// Speakers returns one page of speakers, most statements first.
	Speakers(ctx context.Context, q SpeakerQuery) (Page[SpeakerSummary], error)
	// Speaker finds one speaker by id (a merged id answers for the speaker
	// it went into) or by a name or variant: ENotFound when none matches,
	// EConflict when a name fits several speakers.
	Speaker(ctx context.Context, idOrName string) (*SpeakerSummary, error)
	// MergeSpeakers makes one speaker of two; SplitSpeaker moves variants
	// of a speaker to a new speaker and returns its id. Both are kept as
	// Decisions and win over automatic linking from then on, also for
	// articles stored later. EInvalid without a reason; ENotFound for an
	// unknown speaker; EConflict for a merge of a speaker with itself.
	MergeSpeakers(ctx context.Context, m Merge) error
	SplitSpeaker(ctx context.Context, s Split) (string, error)
	// Decisions lists every review decision, oldest first.
	Decisions(ctx context.Context) ([]Decision, error)

	Stats(ctx context.Context) (StoreStats, error)
	// Clusters returns one page of clusters with a statement matching q,
	// best first; Cluster one cluster with every report (ENotFound).
	Clusters(ctx context.Context, q ClusterQuery) (Page[ClusterSummary], error)
	Cluster(ctx context.Context, id string) (*ClusterDetail, error)
	Close() error
}

// Tx is a write transaction of a Store: the speaker index the linker
// reads and writes, the duplicate index, and the article writes.
type Tx interface {
	SpeakerIndex
	ClusterIndex
	DuplicateIndex
	// Has tells whether an article with this id is stored.
	Has(ctx context.Context, id string) (bool, error)
	// PutArticle stores an annotated, linked article (every entity that
	// speaks carries its SpeakerID) with its statements and raw copy. It
	// is idempotent: an article with a stored id is left as it is and
	// reported with New false; a changed article at a known URL is stored
	// as a new version and the old one kept.
	PutArticle(ctx context.Context, doc *Doc) (ArticleRef, error)
}

// SpeakerIndex is what cross-article speaker linking needs to know and
// record: the speakers seen so far, found by name key, and the review
// decisions that bind the linker. A store's Tx implements it over the
// archive; identity.MemoryIndex implements it for one run of extract.
//
// Speaker ids are derived from names (identity.SpeakerID), so two writers
// that meet the same new person at once create one speaker: PutSpeaker
// upserts.
type SpeakerIndex interface {
	// SpeakersByKey returns the live (not merged away) speakers that have
	// a name variant under one of keys, with their variants.
	SpeakersByKey(ctx context.Context, keys []string) ([]SpeakerNames, error)
	// Pinned returns the live speaker a review decision gave this variant
	// to (case and spacing ignored), or "" when no decision names it.
	Pinned(ctx context.Context, variant string) (string, error)
	// Blocked reports whether a split took variant away from speaker id,
	// so the linker must not give it back.
	Blocked(ctx context.Context, id, variant string) (bool, error)
	// PutSpeaker creates the speaker when its id is new, else keeps the
	// stored one (taking s.Name when it has more words); it adds
	// s.Variants, s.Keys and s.Roles. It returns the speaker's name as
	// stored after the put.
	PutSpeaker(ctx context.Context, s SpeakerNames) (string, error)
}

// SpeakerNames is a speaker as the index knows it: id, preferred name,
// type, every name form seen (with the blocking keys of each when
// written), and roles.
type SpeakerNames struct {
	ID       string
	Name     string
	Type     EntityType
	Variants []string
	// Keys are the blocking keys of the variants (written by PutSpeaker).
	Keys  []string
	Roles []string
}

// ArticleRef tells what PutArticle did.
type ArticleRef struct {
	ID      string
	Version int  // 1 for the first version of a URL
	New     bool // false when the article was already stored
}

// Sort orders of a statement search.
const (
	SortRelevance = "relevance" // best match first (newest first without a text query)
	SortDate      = "date"      // newest first
)

// StatementQuery selects statements. Zero fields do not filter.
type StatementQuery struct {
	Text string // full-text query (package textquery) over content, speaker names and titles
	// Speaker is a speaker id or name: any spelling the name matcher takes
	// for one of a speaker's names, or words all found in one of them (a
	// given name alone finds all its bearers).
	Speaker string
	// Outlet matches the outlets each of whose words begins a word of
	// (case and diacritics ignored): "harbour" finds "Harbour Post".
	Outlet string
	Since  *time.Time // said on or, when unknown, published on or after
	Until  *time.Time // … on or before
	Kind   StatementKind
	// AllVersions includes the statements of older versions of an article
	// (the same URL stored again with changed text); by default only the
	// newest version of each URL answers, so a statement is not shown
	// once per version.
	AllVersions bool
	// All includes every attribution, not only speech by people and
	// organisations (IsSpeech): thoughts, evidence, intentions, actions.
	All bool
	// MinConfidence keeps statements whose calibrated confidence is at
	// least this (0: all).
	MinConfidence float64
	// Independent keeps statements whose cluster was carried by at least
	// this many independent outlets (0 or 1: all).
	Independent int
	// First keeps each cluster's first report only (and statements not
	// clustered).
	First  bool
	Sort   string // SortRelevance (default) or SortDate
	Limit  int    // page size (0 = 20)
	Cursor string // from the previous page's Next

	// IngestedSince keeps the statements of articles stored at or after
	// it (saved searches look at what arrived since they last looked).
	IngestedSince *time.Time
}

// Page is one page of results and the cursor of the next ("" at the end).
type Page[T any] struct {
	Items []T
	Next  string
}

// TextSpan is a span of an article's text in Unicode code points, end
// exclusive, with the text it covers: the unit every output and stored
// statement uses (Doc spans are bytes; see Doc.Char).
type TextSpan struct {
	Text       string
	Start, End int
}

// SpeakerRef names a statement's speaker.
type SpeakerRef struct {
	ID   string
	Name string
	Type EntityType
}

// StatementHit is a stored statement with what a reader needs around it:
// its spans in code points of the article text, its speaker, and its
// article's date, outlet, title and address.
type StatementHit struct {
	ID        string
	ArticleID string
	Kind      StatementKind
	Speaker   *SpeakerRef // nil when nobody could be named
	Source    *TextSpan   // the mention in the text ("he", "the ministry")
	Cue       *TextSpan
	Content   TextSpan
	// Fragments are the pieces of an interrupted content, in code points.
	Fragments  [][2]int
	SaidOn     *time.Time
	SaidOnFrom string
	Confidence float64
	// Cluster is the statement's cluster id ("" when not clustered).
	Cluster string
	// Class, ClassConfidence and SourceType as the classifier set them
	// (Statement); empty for statements stored before classes.
	Class           StatementClass
	ClassConfidence float64
	SourceType      SourceType
	// Medium and Via: how the statement reached the article (Statement).
	Medium, Via string

	Published      *time.Time
	PublishedClock bool
	Outlet         string
	Title          string
	URL            string
	InputSource    string // where the article was read from
	// DuplicateOf is the original its article is a copy of ("" for none).
	DuplicateOf string
	Score       float64
}

// IsSpeech reports whether the stored statement is speech (IsSpeech).
func (h *StatementHit) IsSpeech() bool { return IsSpeech(h.Class, h.SourceType) }

// Article is an article as stored: its metadata, text and statements.
type Article struct {
	ID, URL, Source, Title, Outlet, Byline string
	Published                              *time.Time
	PublishedClock                         bool
	PublishedFrom                          string
	// Charset the input was read in and how it was known (Meta.Charset).
	Charset, CharsetFrom string
	Fetched              *time.Time
	// Medium and Via are the input's word on how the article was
	// published and where it was taken from (Doc.Medium, Doc.Via).
	Medium, Via string
	// Version counts the versions of its URL (1 for the first).
	Version int
	// DuplicateOf is the id of the original this article is a reprint or
	// near copy of ("" for an original or an article never compared).
	DuplicateOf string
	IngestedAt  time.Time
	Text        string
	// RawSHA256 identifies the raw copy (RawCopy has its bytes).
	RawSHA256  string
	MediaType  string
	Statements []StatementHit
}

// RawCopy is the input an article was read from, byte for byte.
type RawCopy struct {
	ArticleID string
	MediaType string
	SHA256    string
	Bytes     []byte
}

// SpeakerQuery selects speakers.
type SpeakerQuery struct {
	Query  string // part of a name or variant
	Limit  int    // page size (0 = 20)
	Cursor string
}

// SpeakerSummary is a speaker with its variants, roles, outlets and
// statements per month.
type SpeakerSummary struct {
	ID         string
	Name       string
	Type       EntityType
	Variants   []string
	Roles      []string
	Outlets    []string
	Statements int
	PerMonth   map[string]int // "2024-03" → statements; "undated" for the rest
	Decisions  []Decision     // the review decisions that concern it
}

// DecisionKind is what a review decision did.
type DecisionKind string

const (
	DecisionMerge DecisionKind = "merge"
	DecisionSplit DecisionKind = "split"
)

// Merge asks to make one speaker of two: From's statements and names go
// to Into.
type Merge struct {
	Into, From string
	Why        string
}

// Split asks to move Variants of speaker ID (and the statements made
// under them) to a new speaker.
type Split struct {
	ID       string
	Variants []string
	Why      string
}

// Decision is a review decision as kept by the store.
type Decision struct {
	Kind DecisionKind
	// Speaker is the speaker kept (merge) or split from; Other the one
	// merged away or created by the split. For a correction, Speaker is
	// the statement's speaker now ("" for nobody) and Other the one before.
	Speaker, Other string
	Variants       []string // split: the variants moved
	Statement      string   // correction: the statement corrected
	Why            string
	At             time.Time
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Articles, Statements, Speakers, Outlets int
	Bytes                                   int64
	// Location is where the store is (a file path, a database address
	// without its password).
	Location string
}
