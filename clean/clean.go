package clean

import (
	"context"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/clean/htmlbody"
)

// Cleaner is the cleaning stage: raw bytes in, article text and metadata
// out.
type Cleaner struct {
	// AsIs keeps plain text exactly as decoded, for inputs that are already
	// clean article text whose offsets matter (annotated corpora): no
	// chrome removal, no normalisation. The first line still gives the title.
	AsIs bool
}

func (Cleaner) Name() string              { return "clean" }
func (Cleaner) Requires() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerRaw} }
func (Cleaner) Assigns() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerText, whosaid.LayerMeta}
}

// Process sets doc.Text and doc.Meta from doc.Raw.
func (c Cleaner) Process(_ context.Context, doc *whosaid.Doc) error {
	var res *Result
	var dec Decoded
	switch {
	case doc.MediaType == whosaid.MediaHTML:
		pg, err := htmlbody.Extract(doc.Raw, doc.URL)
		if err != nil {
			return err
		}
		res = FromHTML(pg)
		if doc.URL == "" {
			doc.URL = pg.URL
		}
		dec = Decoded{Charset: pg.Charset, From: pg.CharsetFrom, Replaced: pg.Replaced}
	case c.AsIs:
		var err error
		if dec, err = Decode(doc.Raw); err != nil {
			return err
		}
		res = &Result{Text: dec.Text}
		if first, _, _ := strings.Cut(strings.TrimSpace(dec.Text), "\n"); titleLike(first) {
			res.Meta.Title = strings.TrimSpace(first)
		}
	default:
		var err error
		if dec, err = Decode(doc.Raw); err != nil {
			return err
		}
		res = Plain(dec.Text)
	}
	if w := dec.Warning(); w != "" {
		doc.Warnings = append(doc.Warnings, w)
	}
	if strings.TrimSpace(res.Text) == "" {
		return whosaid.Errorf(whosaid.EEmpty, "no article text found")
	}
	doc.SetText(res.Text)
	doc.Meta = res.Meta
	doc.Meta.Charset, doc.Meta.CharsetFrom = dec.Charset, dec.From
	found := "text"
	if doc.MediaType == whosaid.MediaHTML {
		found = "html"
	}
	doc.Meta.TitleFrom, doc.Meta.OutletFrom, doc.Meta.BylineFrom = from(doc.Meta.Title, found), from(doc.Meta.Outlet, found), from(doc.Meta.Byline, found)
	g := doc.Given
	if g.Published != nil {
		t := *g.Published
		doc.Meta.Published, doc.Meta.PublishedClock, doc.Meta.PublishedFrom = &t, g.PublishedClock, fromRecord
	}
	if doc.Meta.Published == nil {
		ref, refFrom := reference(doc)
		doc.Meta.Published, doc.Meta.PublishedClock, doc.Meta.PublishedFrom = resolveDate(res.dates, ref, refFrom)
	}
	if doc.Meta.Outlet == "" && doc.OutletHint != "" {
		doc.Meta.Outlet, doc.Meta.OutletFrom = doc.OutletHint, "feed"
	}
	if doc.Meta.Published == nil && doc.PublishedHint != nil {
		t := *doc.PublishedHint
		doc.Meta.Published, doc.Meta.PublishedClock, doc.Meta.PublishedFrom = &t, true, fromRecord
	}
	// What the record states wins over what the page was read to say.
	for _, f := range []struct {
		given    string
		dst, src *string
	}{
		{g.Title, &doc.Meta.Title, &doc.Meta.TitleFrom},
		{g.Outlet, &doc.Meta.Outlet, &doc.Meta.OutletFrom},
		{g.Byline, &doc.Meta.Byline, &doc.Meta.BylineFrom},
	} {
		if v := strings.TrimSpace(f.given); v != "" {
			*f.dst, *f.src = v, fromRecord
		}
	}
	return nil
}

// fromRecord is the *From of metadata the input record gave.
const fromRecord = "input record"

// from is how a metadata field was found: how, or "" when it is empty.
func from(v, how string) string {
	if v == "" {
		return ""
	}
	return how
}

// reference is the date relative expressions are resolved against: the
// user's --as-of, else the crawl time the input carries.
func reference(doc *whosaid.Doc) (*time.Time, string) {
	switch {
	case doc.AsOf != nil:
		return doc.AsOf, "--as-of"
	case doc.Fetched != nil:
		return doc.Fetched, "the crawl date"
	}
	return nil, ""
}
