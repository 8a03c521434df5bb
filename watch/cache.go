package watch

import (
	"context"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/fetch"
)

// PageCache keeps the validators of fetched pages in a store, so fetching
// a page again (`whosaid ingest URL`) is a conditional request. A 304 is
// only asked for while the article the validators stand for is stored:
// validators remembered for a page that then failed to be stored are not
// used, and the page is fetched whole again.
type PageCache struct {
	Store whosaid.Store
	State whosaid.WatchStore
}

var _ fetch.Cache = PageCache{}

// Validators returns the stored validators of url, if its page is stored.
func (c PageCache) Validators(ctx context.Context, url string) (string, string) {
	s, err := c.State.SourceState(ctx, url)
	if err != nil || s.RawSHA256 == "" {
		return "", ""
	}
	if ok, err := c.Store.HasRaw(ctx, s.RawSHA256); err != nil || !ok {
		return "", ""
	}
	return s.ETag, s.LastModified
}

// Remember records the validators of a full answer (a failure to record
// them costs a full fetch next time, nothing else).
func (c PageCache) Remember(ctx context.Context, url string, r *fetch.Response) {
	if r.ETag == "" && r.LastModified == "" {
		return
	}
	_ = c.State.PutSourceState(ctx, whosaid.SourceState{URL: url, ETag: r.ETag, LastModified: r.LastModified,
		RawSHA256: whosaid.RawSHA256(r.Body), LastPoll: r.Fetched, LastOK: r.Fetched})
}
