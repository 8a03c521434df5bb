package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

// web holds the UI: templates/ (html/template) and static/ (the one
// stylesheet, the one script, the icon), all in the binary.
//
//go:embed web
var web embed.FS

// pages are the parsed templates and the static files with their hashes.
type pages struct {
	tmpl   map[string]*template.Template
	static map[string]staticFile
}

type staticFile struct {
	body  []byte
	ctype string
	hash  string
}

// pageNames are the pages; each is parsed with layout.html and parts.html.
var pageNames = []string{"search", "speakers", "speaker", "article", "error"}

func loadPages() (*pages, error) {
	p := &pages{tmpl: map[string]*template.Template{}, static: map[string]staticFile{}}
	files, err := fs.ReadDir(web, "web/static")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		b, err := web.ReadFile("web/static/" + f.Name())
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		ctype := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}[path.Ext(f.Name())]
		p.static[f.Name()] = staticFile{body: b, ctype: ctype, hash: hex.EncodeToString(sum[:6])}
	}
	funcs := template.FuncMap{
		"vis":     visible,
		"asset":   p.assetURL,
		"qs":      queryString,
		"day":     day,
		"httpURL": httpURL,
		"add":     func(a, b int) int { return a + b },
		"join":    strings.Join,
		"deref":   str,
		"nums":    nums,
	}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(web, "web/templates/layout.html", "web/templates/parts.html", "web/templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("server: template %s: %w", name, err)
		}
		p.tmpl[name] = t
	}
	return p, nil
}

// assetURL is a static file's address with its content hash, so browsers
// may cache it for good and still see a new build's file.
func (p *pages) assetURL(name string) (string, error) {
	f, ok := p.static[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + name + "?v=" + f.hash, nil
}

// render executes page name into a buffer first, so a template failure is
// a clean error page, never half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := s.pages.tmpl[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		return &whosaid.Error{Code: whosaid.EInternal, Message: "rendering " + name, Err: err}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
	return nil
}

// asset serves an embedded static file.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) error {
	f, ok := s.pages.static[r.PathValue("file")]
	if !ok {
		return whosaid.Errorf(whosaid.ENotFound, "no static file %q", r.PathValue("file"))
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("ETag", `"`+f.hash+`"`)
	if r.URL.Query().Get("v") == f.hash {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	if r.Header.Get("If-None-Match") == `"`+f.hash+`"` {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	w.Write(f.body)
	return nil
}

// errorPage is the data of the error page.
type errorPage struct {
	layoutData
	Status  int
	Message string
}

// pageError answers a page request with an error page.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code, status, msg := problem(err)
	s.logFailure(r, status, err)
	if status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "2")
	}
	title := http.StatusText(status)
	if code == whosaid.ENotFound {
		title = "Not found"
	}
	if rerr := s.render(w, status, "error", errorPage{layoutData: s.layout(r, title), Status: status, Message: msg}); rerr != nil {
		http.Error(w, msg, status)
	}
}

// layoutData is what every page's frame shows.
type layoutData struct {
	Title    string
	ReadOnly bool
}

func (s *Server) layout(r *http.Request, title string) layoutData {
	return layoutData{Title: title, ReadOnly: s.ReadOnly()}
}

// bidiControls are the characters that reorder the text after them
// (embeddings, overrides, isolates). In untrusted text they could turn
// "gpj.exe" into "exe.jpg" on screen or scramble a quotation, so pages
// show them as visible marks instead.
var bidiControls = strings.NewReplacer(
	"\u202a", "⟦LRE⟧", "\u202b", "⟦RLE⟧", "\u202c", "⟦PDF⟧", "\u202d", "⟦LRO⟧", "\u202e", "⟦RLO⟧",
	"\u2066", "⟦LRI⟧", "\u2067", "⟦RLI⟧", "\u2068", "⟦FSI⟧", "\u2069", "⟦PDI⟧",
)

// visible is s with its bidirectional controls made visible.
func visible(s string) string {
	if !strings.ContainsAny(s, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
		return s
	}
	return bidiControls.Replace(s)
}

// queryString encodes pairs of name, value as a query string, leaving
// out empty values: links that keep the current filters.
func queryString(pairs ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			v.Set(pairs[i], pairs[i+1])
		}
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

// day is the date part of a wire date ("2024-03-04T09:08:00Z" →
// "2024-03-04"), "" for nil.
func day(s *string) string {
	if s == nil {
		return ""
	}
	if len(*s) >= 10 {
		return (*s)[:10]
	}
	return *s
}

// nums writes numbers separated by spaces (a data attribute's list).
func nums(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, " ")
}

// httpURL returns u when it is an http(s) address, else "" (a
// "javascript:" URL from a hostile page stays text, never a link).
func httpURL(u *string) string {
	if u == nil {
		return ""
	}
	p, err := url.Parse(*u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}
