package ingest

import (
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/whosaid/whosaid"
)

// Feed is a parsed RSS or Atom feed: its title and items, in feed order.
type Feed struct {
	Title string
	Items []FeedItem
}

// FeedItem is one item of a feed.
type FeedItem struct {
	// Key identifies the item within its feed: its guid (Atom id), else
	// its link, else its title and date.
	Key   string
	Link  string
	Title string
	// Published is the item's date (its update date when it gives no
	// other), nil when it gives none.
	Published *time.Time
	// Body is the item's content, else its description, as plain text
	// (one paragraph per block); "" when it has neither.
	Body string
}

// ParseFeed parses an RSS or Atom document named name.
func ParseFeed(name string, raw []byte) (*Feed, error) {
	feed, err := gofeed.NewParser().ParseString(string(raw))
	if err != nil {
		return nil, whosaid.InputError(whosaid.EInvalid, name, "not a readable RSS or Atom feed: %v", err)
	}
	out := &Feed{Title: strings.TrimSpace(feed.Title)}
	for _, it := range feed.Items {
		fi := FeedItem{Link: strings.TrimSpace(it.Link), Title: strings.TrimSpace(it.Title)}
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		if strings.TrimSpace(body) != "" {
			fi.Body = fragmentText(body)
		}
		switch {
		case it.PublishedParsed != nil:
			fi.Published = it.PublishedParsed
		case it.UpdatedParsed != nil:
			fi.Published = it.UpdatedParsed
		}
		switch {
		case strings.TrimSpace(it.GUID) != "":
			fi.Key = strings.TrimSpace(it.GUID)
		case fi.Link != "":
			fi.Key = fi.Link
		default:
			fi.Key = fi.Title + "\x00" + it.Published + it.Updated
		}
		out.Items = append(out.Items, fi)
	}
	return out, nil
}

// Doc is the item's own text as an article (title, then body), with its
// link, date and outlet; nil when the item has no body.
func (it *FeedItem) Doc(source, outlet string) *whosaid.Doc {
	if it.Body == "" {
		return nil
	}
	text := it.Body
	if it.Title != "" {
		text = it.Title + "\n\n" + text
	}
	raw := []byte(text)
	return &whosaid.Doc{RawSHA256: whosaid.RawSHA256(raw), Source: source, URL: it.Link, Raw: raw, MediaType: whosaid.MediaText,
		OutletHint: outlet, PublishedHint: it.Published}
}
