// Package htmlbody extracts an article's main text and metadata from an
// HTML page. It stands on go-trafilatura (main content, title, author,
// site name) and go-htmldate (publication date), and adds what whosaid
// needs around them: charset decoding, paragraphs kept apart, and an
// account of how the date was found.
package htmlbody

import (
	"bytes"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/whosaid/whosaid"
)

// Page is what an HTML page yields.
type Page struct {
	Title          string
	Author         string
	SiteName       string
	URL            string // canonical URL when the page gives one
	Published      *time.Time
	PublishedClock bool   // the time of day is known
	PublishedFrom  string // e.g. "html metadata"
	Language       string
	Paragraphs     []string // the body, one entry per paragraph
	// Charset the page was read in, CharsetFrom how it was known, and
	// Replaced the bytes that were not UTF-8 (see package textenc).
	Charset, CharsetFrom string
	Replaced             int
}

// Extract returns the main content of an HTML page. pageURL, when known,
// helps resolve relative links and dates.
func Extract(raw []byte, pageURL string) (*Page, error) {
	dec, err := decode(raw)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(dec.text))
	if err != nil {
		return nil, whosaid.Errorf(whosaid.EInvalid, "not parseable as HTML: %v", err)
	}
	opts := trafilatura.Options{ExcludeComments: true, Focus: trafilatura.FavorRecall}
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		opts.OriginalURL = u
	}
	// The date is read once, here, with the URL date deferred: a date in
	// the URL wins otherwise and loses the time of day.
	date, dateErr := htmldate.FromDocument(root, htmldate.Options{UseOriginalDate: true, ExtractTime: true, DeferUrlExtractor: true, URL: pageURL})
	if dateErr == nil && !date.IsZero() {
		opts.HtmlDateOverride = &date
	} else {
		opts.HtmlDateOverride = &htmldate.Result{}
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, whosaid.Errorf(whosaid.EEmpty, "no article text found in the HTML page")
	}
	p := &Page{
		Title:      strings.TrimSpace(res.Metadata.Title),
		Author:     strings.TrimSpace(res.Metadata.Author),
		SiteName:   strings.TrimSpace(res.Metadata.Sitename),
		URL:        res.Metadata.URL,
		Language:   res.Metadata.Language,
		Paragraphs: paragraphs(res.ContentNode),
		Charset:    dec.charset, CharsetFrom: dec.from, Replaced: dec.replaced,
	}
	if len(p.Paragraphs) > 0 && p.Paragraphs[0] == p.Title {
		p.Paragraphs = p.Paragraphs[1:] // the headline is the title, not body text
	}
	if len(strings.Fields(strings.Join(p.Paragraphs, " "))) < minWords {
		return nil, whosaid.Errorf(whosaid.EEmpty, "no article text found in the HTML page")
	}
	if dateErr == nil && !date.IsZero() {
		t := date.DateTime
		if !date.HasTime {
			t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
		p.Published, p.PublishedClock = &t, date.HasTime
		p.PublishedFrom = "html page"
		if date.SrcString != "" {
			p.PublishedFrom = "html page: " + clip(date.SrcString, 80)
		}
	}
	return p, nil
}

// minWords is the least text that can be an article; a page with less
// (a menu, a login wall) is reported rather than stored as an empty story.
const minWords = 8

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// blocks are the elements whose text is a paragraph of its own.
var blocks = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "td": true, "th": true, "dd": true, "dt": true, "figcaption": true,
	"div": true, "section": true, "article": true, "ul": true, "ol": true, "table": true, "tr": true, "head": true,
	"list": true, "item": true, "quote": true, "code": true, "cell": true, "row": true}

// paragraphs walks the content tree and returns the text of each block,
// so paragraph breaks survive (the library's plain text joins them).
func paragraphs(n *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "br", "lb":
				flush()
				return
			case "script", "style", "noscript", "figure", "img", "graphic":
				return
			}
		}
		block := n.Type == html.ElementNode && blocks[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}

// decode returns the page as UTF-8, from its byte-order mark, its meta
// charset, or a guess from its bytes.
func decode(raw []byte) (decoded, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return decoded{}, whosaid.Errorf(whosaid.EEmpty, "empty HTML page")
	}
	if bytes.IndexByte(raw, 0) >= 0 && !bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return decoded{}, whosaid.Errorf(whosaid.EInvalid, "binary data, not an HTML page")
	}
	return decodeCharset(raw)
}
