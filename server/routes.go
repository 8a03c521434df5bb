package server

import (
	"github.com/whosaid/whosaid"

	"net/http"
	"strings"
	"time"
)

// kind is what a route answers with, which decides how its errors look.
type kind int

const (
	kindAPI   kind = iota // JSON under /api/v1/
	kindPage              // an HTML page
	kindAsset             // an embedded file
)

// handler is a route's handler: an error it returns before writing
// becomes the response (JSON or an HTML page, by the route's kind).
type handler func(w http.ResponseWriter, r *http.Request) error

// route is one row of the route table.
type route struct {
	method, pattern string
	kind            kind
	// write routes need the token and never run on a read-only server.
	write bool
	// timeout picks the route's time limit (nil: Limits.Timeout).
	timeout func(Limits) time.Duration
	handle  handler
}

func exportTime(l Limits) time.Duration { return l.ExportTimeout }
func ingestTime(l Limits) time.Duration { return l.IngestTimeout }

// table is every route the server answers. A new endpoint is a row here
// (and, for the API, a path in openapi.json: TestOpenAPI checks both).
func (s *Server) table() []route {
	return []route{
		// The JSON API: reads.
		{method: "GET", pattern: "/api/v1/statements", kind: kindAPI, handle: s.apiStatements},
		{method: "GET", pattern: "/api/v1/statements/{id}", kind: kindAPI, handle: s.apiStatement},
		{method: "GET", pattern: "/api/v1/speakers", kind: kindAPI, handle: s.apiSpeakers},
		{method: "GET", pattern: "/api/v1/speakers/{id}", kind: kindAPI, handle: s.apiSpeaker},
		{method: "GET", pattern: "/api/v1/speakers/{id}/co-mentioned", kind: kindAPI, handle: s.apiCoMentioned},
		{method: "GET", pattern: "/api/v1/articles/{id}", kind: kindAPI, handle: s.apiArticle},
		{method: "GET", pattern: "/api/v1/articles/{id}/raw", kind: kindAPI, handle: s.apiRawCopy},
		{method: "GET", pattern: "/api/v1/decisions", kind: kindAPI, handle: s.apiDecisions},
		{method: "GET", pattern: "/api/v1/export", kind: kindAPI, timeout: exportTime, handle: s.apiExport},
		{method: "GET", pattern: "/api/v1/stats", kind: kindAPI, handle: s.apiStats},
		{method: "GET", pattern: "/api/v1/openapi.json", kind: kindAPI, handle: s.apiOpenAPI},
		{method: "GET", pattern: "/api/v1/clusters", kind: kindAPI, handle: s.apiClusters},
		{method: "GET", pattern: "/api/v1/clusters/{id}", kind: kindAPI, handle: s.apiCluster},

		// The JSON API: writes (token only).
		{method: "POST", pattern: "/api/v1/ingest", kind: kindAPI, write: true, timeout: ingestTime, handle: s.apiIngest},
		{method: "POST", pattern: "/api/v1/speakers/{id}/merge", kind: kindAPI, write: true, handle: s.apiMerge},
		{method: "POST", pattern: "/api/v1/speakers/{id}/split", kind: kindAPI, write: true, handle: s.apiSplit},

		// The web UI.
		{method: "GET", pattern: "/{$}", kind: kindPage, handle: s.pageSearch},
		{method: "GET", pattern: "/speakers", kind: kindPage, handle: s.pageSpeakers},
		{method: "GET", pattern: "/speakers/{id}", kind: kindPage, handle: s.pageSpeaker},
		{method: "GET", pattern: "/articles/{id}", kind: kindPage, handle: s.pageArticle},
		{method: "GET", pattern: "/statements/{id}", kind: kindPage, handle: s.pageStatement},
		{method: "GET", pattern: "/static/{file}", kind: kindAsset, handle: s.asset},
	}
}

// routes builds the handler: each pattern once in a ServeMux, its
// methods dispatched here so a wrong method gets the route kind's own
// 405; then unknown paths get a 404 of the right kind.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	byPattern := map[string][]route{}
	var order []string
	for _, rt := range s.table() {
		if _, ok := byPattern[rt.pattern]; !ok {
			order = append(order, rt.pattern)
		}
		byPattern[rt.pattern] = append(byPattern[rt.pattern], rt)
	}
	for _, pattern := range order {
		rts := byPattern[pattern]
		wrapped := map[string]http.Handler{}
		var allow []string
		for _, rt := range rts {
			wrapped[rt.method] = s.wrap(rt)
			allow = append(allow, rt.method)
			if rt.method == "GET" {
				allow = append(allow, "HEAD")
			}
		}
		k := rts[0].kind
		mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			method := r.Method
			if method == "HEAD" {
				method = "GET"
			}
			if h, ok := wrapped[method]; ok {
				h.ServeHTTP(w, r)
				return
			}
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.fail(w, r, k, errorf(eMethod, "%s %s: this route takes %s", r.Method, r.URL.Path, strings.Join(allow, ", ")))
		}))
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, kindAPI, errorf(whosaid.ENotFound, "no API route %s (see /api/v1/openapi.json)", r.URL.Path))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, kindPage, errorf(whosaid.ENotFound, "no page at %s", r.URL.Path))
	})
	return s.common(mux)
}

// fail answers with err in the form of the route's kind.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, k kind, err error) {
	if k == kindPage {
		s.pageError(w, r, err)
		return
	}
	s.writeAPIError(w, r, err)
}
