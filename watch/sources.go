package watch

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/whosaid/whosaid"
)

// Source is a feed to follow.
type Source struct {
	// URL of the RSS or Atom feed.
	URL string
	// Outlet names the outlet of its articles when the pages do not
	// (else the feed's title does).
	Outlet string
}

// ReadSources reads a sources file: one feed a line, its URL and, after
// white space, optionally the outlet's name; blank lines and lines
// starting with # are skipped:
//
//	# outlets that carry the port authority
//	https://coast.example/rss.xml        Coast News
//	https://harbour.example/feed/atom
//
// A line that is not an http or https URL is an error naming the file
// and line; a URL given twice is read once.
func ReadSources(path string) ([]Source, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, whosaid.InputError(whosaid.ENotFound, path, "no such sources file")
		}
		return nil, whosaid.InputError(whosaid.EInvalid, path, "cannot open: %v", err)
	}
	defer f.Close()
	var out []Source
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		u, err := url.Parse(fields[0])
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			return nil, whosaid.InputError(whosaid.EInvalid, fmt.Sprintf("%s:%d", path, n), "%q is not an http or https feed URL", fields[0])
		}
		if seen[fields[0]] {
			continue
		}
		seen[fields[0]] = true
		out = append(out, Source{URL: fields[0], Outlet: strings.Join(fields[1:], " ")})
	}
	if err := sc.Err(); err != nil {
		return nil, whosaid.InputError(whosaid.EInvalid, path, "read failed: %v", err)
	}
	if len(out) == 0 {
		return nil, whosaid.InputError(whosaid.EEmpty, path, "no feed URLs in it")
	}
	return out, nil
}
