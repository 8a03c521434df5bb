package watch

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/fetch"
)

// TestPageCache: validators are sent back only while the page they stand
// for is stored; remembered for a page that was then not stored, they
// are not used, so the page is fetched whole.
func TestPageCache(t *testing.T) {
	ctx := context.Background()
	c := &testClock{t: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), c)
	cache := PageCache{Store: st, State: st}
	const u = "https://coast.example/news/1"
	if e, l := cache.Validators(ctx, u); e != "" || l != "" {
		t.Errorf("validators of a page never fetched: %q %q", e, l)
	}
	body := []byte("<html><body><p>The harbour master said the port would reopen.</p></body></html>")
	cache.Remember(ctx, u, &fetch.Response{URL: u, Body: body, ETag: `"v1"`, LastModified: "Tue, 05 Mar 2024 10:00:00 GMT", Fetched: c.now()})
	if e, _ := cache.Validators(ctx, u); e != "" {
		t.Errorf("validators %q sent for a page that is not stored", e)
	}
	// Store an article with that raw copy.
	d := &whosaid.Doc{URL: u, Raw: body, RawSHA256: whosaid.RawSHA256(body), MediaType: whosaid.MediaHTML}
	d.SetText("The harbour master said the port would reopen.")
	if err := st.Update(ctx, func(tx whosaid.Tx) error { _, err := tx.PutArticle(ctx, d); return err }); err != nil {
		t.Fatal(err)
	}
	if e, l := cache.Validators(ctx, u); e != `"v1"` || l == "" {
		t.Errorf("validators of a stored page: %q %q", e, l)
	}
}
