// Package htmlbody extracts an article's main text and metadata from an
// HTML page.
package htmlbody

import (
	"time"

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
	PublishedFrom  string // e.g. "html meta", "json-ld", "html text"
	Language       string
	Paragraphs     []string // the body, one entry per paragraph
}

// Extract returns the main content of an HTML page. url, when known, helps
// resolve relative links and dates.
func Extract(raw []byte, url string) (*Page, error) {
	return nil, whosaid.Errorf(whosaid.EUnsupported, "HTML extraction not built yet")
}
