package server

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPages renders every page and checks status, type and the security
// headers that keep web text inert.
func TestPages(t *testing.T) {
	f := newFixture(t)
	id := f.ids(t)
	ts := f.serve(t, Config{})
	cases := []struct {
		path   string
		status int
		want   []string // in the page's text
	}{
		{"/", 200, []string{"Search what was said", "the speakers"}},
		{"/?speaker=" + id.demirel, 200, []string{"Newest matches", "Yusuf Demirel"}},
		{"/?q=strike", 200, []string{"Best matches", "Harbour Strike Ends After Pay Deal", "Show in article", "Export these results"}},
		{"/?q=strike&sort=date&kind=direct", 200, []string{"Newest matches"}},
		{"/?q=zzzznothing", 200, []string{"No statement matches"}},
		{"/?since=2024-13-01", 400, []string{"since"}},
		{"/?speaker=Nobody+Atall", 404, []string{"Nobody Atall"}},
		{"/?q=ports&limit=1", 200, []string{"Next page"}},
		{"/speakers", 200, []string{"Aylin Kaya", "statements"}},
		{"/speakers?q=kaya", 200, []string{"Marta Kaya", "Mehmet Kaya"}},
		{"/speakers/" + id.demirel, 200, []string{"Statements per month", "Latest statements", "Named most often with", "Aylin Kaya", "Daily Harbour", "Evening Ledger"}},
		{"/speakers/" + id.demirel + "?by=kind", 200, []string{"direct"}},
		{"/speakers/Kaya", 409, []string{"names 3 speakers"}},
		{"/speakers/spk_nosuch", 404, []string{"spk_nosuch"}},
		{"/articles/" + id.a1, 200, []string{"Harbour Strike Ends After Pay Deal", "Published", "download the raw copy", "statements"}},
		{"/articles/nope", 404, []string{"Not found"}},
		{"/nowhere", 404, []string{"no page at /nowhere"}},
	}
	for _, c := range cases {
		resp, b := get(t, ts, c.path)
		if resp.StatusCode != c.status {
			t.Errorf("%s: %d, want %d", c.path, resp.StatusCode, c.status)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s: content type %q", c.path, ct)
		}
		checkSecurityHeaders(t, c.path, resp)
		text := pageText(t, b)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the page does not say %q", c.path, w)
			}
		}
	}
	// A statement's address leads to its place in its article.
	client := *ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Get(ts.URL + "/statements/" + id.stmt)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != 303 || loc != "/articles/"+id.a1+"#s-"+id.stmt {
		t.Errorf("statement page: %d → %q", resp.StatusCode, loc)
	}
	// Static files: the right type, cached for good at their hashed address.
	for _, name := range []string{"app.css", "app.js", "icon.svg"} {
		u, _ := (&pages{static: mustPages(t).static}).assetURL(name)
		resp, b := get(t, ts, u)
		if resp.StatusCode != 200 || len(b) == 0 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: %d, %d bytes, %q", u, resp.StatusCode, len(b), resp.Header.Get("Cache-Control"))
		}
	}
	if resp, _ := get(t, ts, "/static/nope.js"); resp.StatusCode != 404 {
		t.Errorf("an unknown static file: %d", resp.StatusCode)
	}
}

func mustPages(t *testing.T) *pages {
	p, err := loadPages()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func checkSecurityHeaders(t *testing.T, what string, resp *http.Response) {
	t.Helper()
	csp := resp.Header.Get("Content-Security-Policy")
	for _, part := range []string{"script-src 'self'", "frame-ancestors 'none'", "default-src 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, part) {
			t.Errorf("%s: CSP %q lacks %q", what, csp, part)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("%s: CSP %q allows inline code", what, csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Referrer-Policy") != "no-referrer" || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("%s: headers %v", what, resp.Header)
	}
}

// pageText is the text a browser would show (script and style left out).
func pageText(t *testing.T, b []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return sb.String()
}

// TestHostileTextIsInert renders the hostile article wherever it shows —
// article, search, speaker page — and checks the parsed page: its markup
// came out as text, no element or attribute of it survived, no link goes
// to javascript:, and the right-to-left override shows as a mark.
func TestHostileTextIsInert(t *testing.T) {
	f := newFixture(t)
	id := f.ids(t)
	ts := f.serve(t, Config{})
	if len(f.docs["xss"].Speakers) != 1 {
		t.Fatalf("the hostile article's speaker was not linked: %+v", f.docs["xss"].Speakers)
	}
	sp := f.docs["xss"].Speakers[0]
	for _, path := range []string{"/articles/" + id.xss, "/?q=" + url.QueryEscape("win"), "/?q=" + url.QueryEscape("<script>"), "/speakers/" + sp.ID, "/speakers?q=Quill"} {
		resp, b := get(t, ts, path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		checkInert(t, path, b)
		text := pageText(t, b)
		if !strings.Contains(text, "onmouseover") {
			t.Errorf("%s: the speaker's name (markup) is not shown as text", path)
		}
		if strings.HasPrefix(path, "/articles/") {
			for _, w := range []string{"<script>window." + hostileSentinel + "=1</script>", `onerror="window.` + hostileSentinel + `=2"`,
				`<a href="javascript:window.` + hostileSentinel + `=3">`, "invoice⟦RLO⟧gpj.exe", "javascript:window." + hostileSentinel + "=4",
				`</title><script>`, strings.Repeat("long line ", 1000)} {
				if !strings.Contains(text, w) {
					t.Errorf("%s: the page does not show %.60q as text", path, w)
				}
			}
		}
		if strings.Contains(string(b), "\u202e") {
			t.Errorf("%s: a raw right-to-left override reached the page", path)
		}
	}
}

// checkInert walks a parsed page: only the page's own script, no event
// handler attributes, no javascript: URLs, no elements the hostile text
// carried.
func checkInert(t *testing.T, what string, b []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				if src := attr(n, "src"); !strings.HasPrefix(src, "/static/app.js?v=") || n.FirstChild != nil {
					t.Errorf("%s: a script element %q that is not the page's own", what, src)
				}
			case "img", "iframe", "object", "embed", "base", "form", "i", "b":
				if n.Data != "form" || attr(n, "action") != "/" && attr(n, "action") != "/speakers" {
					t.Errorf("%s: a <%s> element came from the text", what, n.Data)
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: <%s %s=%q>", what, n.Data, a.Key, a.Val)
				}
				if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: <%s %s=%q>", what, n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "svg" && attr(n, "class") != "timeline" {
				t.Errorf("%s: an <svg> that is not the timeline", what)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
