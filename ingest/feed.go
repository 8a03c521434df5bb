package ingest

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"

	"github.com/whosaid/whosaid"
)

// readFeed reads an RSS or Atom file: each item's content (or, without
// it, its description) is an article, its date a publication date, its
// link the article's URL. Feeds are small; the whole file is parsed.
func readFeed(name string, br *bufio.Reader, limit int64, rec func(*whosaid.Doc, error) bool) error {
	raw, err := io.ReadAll(io.LimitReader(br, limit+1))
	if err != nil {
		return whosaid.InputError(whosaid.EInvalid, name, "read failed: %v", err)
	}
	if int64(len(raw)) > limit {
		return whosaid.InputError(whosaid.EInvalid, name, "feed larger than %s", byteSize(limit))
	}
	feed, err := ParseFeed(name, raw)
	if err != nil {
		return err
	}
	for i := range feed.Items {
		it := &feed.Items[i]
		where := fmt.Sprintf("%s#item-%d", name, i+1)
		if it.Link != "" {
			where = name + "#" + it.Link
		}
		d := it.Doc(where, feed.Title)
		if d == nil {
			if !rec(nil, whosaid.InputError(whosaid.EEmpty, where, "feed item without content or description")) {
				return nil
			}
			continue
		}
		if !rec(d, nil) {
			return nil
		}
	}
	return nil
}

// fragmentText turns the HTML fragment of a feed item into plain text,
// one paragraph per block element. A feed item has no page chrome, so no
// main-content extraction is needed, only the markup removed.
func fragmentText(fragment string) string {
	if !strings.Contains(fragment, "<") {
		return strings.TrimSpace(html.UnescapeString(fragment))
	}
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(collapseBlankLines(b.String()))
		case html.TextToken:
			if skip == 0 {
				b.WriteString(strings.Join(strings.Fields(html.UnescapeString(string(z.Text()))), " ") + " ")
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteString("\n\n")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip = max(0, skip-1)
			case "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteString("\n\n")
			}
		}
	}
}

func collapseBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
