package whosaid

import (
	"context"
	"time"
)

// WatchStore keeps what following sources needs to remember between runs,
// so a restart neither fetches again what it has nor alerts twice: each
// source's HTTP validators and backoff, and which feed items were handled.
// store/sqlite implements it beside Store.
//
// Errors as for Store: ENotFound for a source never recorded, EInternal
// for the database.
type WatchStore interface {
	// SourceState returns what is known of a source (a feed or a page, by
	// its URL): ENotFound when nothing is.
	SourceState(ctx context.Context, url string) (*SourceState, error)
	// PutSourceState records the state of a source, replacing the last.
	PutSourceState(ctx context.Context, s SourceState) error
	// Seen returns the keys, among keys, of the items of source that were
	// handled (stored, or given up on).
	Seen(ctx context.Context, source string, keys []string) (map[string]bool, error)
	// MarkSeen records that an item was handled; marking it again keeps
	// the first record.
	MarkSeen(ctx context.Context, item SeenItem) error
}

// SourceState is what a watcher remembers of one source between polls.
type SourceState struct {
	URL string
	// ETag and LastModified are the validators of the last full answer,
	// sent back as If-None-Match and If-Modified-Since; RawSHA256 is the
	// hash of the content they validate (for a page: its raw copy), so a
	// 304 is trusted only while that content is stored.
	ETag, LastModified string
	RawSHA256          string
	// LastPoll is when the source was last asked, LastOK when it last
	// answered well; NextPoll is when it may be asked again (later than
	// the usual interval while it fails: the backoff).
	LastPoll, LastOK, NextPoll time.Time
	// Failures counts the failed polls in a row; LastError is the last one.
	Failures  int
	LastError string
}

// SeenItem is a feed item a watcher handled.
type SeenItem struct {
	Source string // the feed's URL
	Key    string // the item's guid, else its link
	URL    string // the page fetched for it
	// ArticleID is the article stored for it; Error says why none was.
	ArticleID, Error string
	At               time.Time
}
