package server

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/whosaid/whosaid/server/internal/jsonschema"
)

// apiDoc is openapi.json decoded, with a validator over it.
var apiDoc = sync.OnceValues(func() (map[string]any, error) {
	var doc map[string]any
	err := json.Unmarshal(openAPIDoc, &doc)
	return doc, err
})

// covered records which documented operations the tests saw answer with
// a success status ("GET /api/v1/stats"), so TestOpenAPI can tell that
// every route was called.
var covered sync.Map

// operation finds the documented operation of a request path.
func operation(t testing.TB, method, path string) (pattern string, op map[string]any) {
	t.Helper()
	doc, err := apiDoc()
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	path, _, _ = strings.Cut(path, "?")
	paths := doc["paths"].(map[string]any)
	for p, item := range paths {
		re := "^" + regexp.MustCompile(`\\\{[a-z]+\\\}`).ReplaceAllString(regexp.QuoteMeta(p), `[^/]+`) + "$"
		if regexp.MustCompile(re).MatchString(path) {
			if o, ok := item.(map[string]any)[strings.ToLower(method)].(map[string]any); ok {
				// The longest literal pattern wins ("/speakers/{id}/merge"
				// over "/speakers/{id}").
				if pattern == "" || len(p) > len(pattern) {
					pattern, op = p, o
				}
			}
		}
	}
	return pattern, op
}

// checkAgainstDoc checks an API response against openapi.json: the route
// and method are documented, the status is (or "default" covers it), the
// content type is one the document names, and a JSON body fits its
// schema.
func checkAgainstDoc(t testing.TB, method, path string, resp *http.Response, body []byte) {
	t.Helper()
	if !strings.HasPrefix(path, "/api/v1/") {
		return
	}
	pattern, op := operation(t, method, path)
	if op == nil {
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed {
			checkErrorBody(t, method, path, resp, body)
			return
		}
		t.Errorf("%s %s answered %d but is not in openapi.json", method, path, resp.StatusCode)
		return
	}
	responses := op["responses"].(map[string]any)
	r, ok := responses[strconv.Itoa(resp.StatusCode)]
	if !ok {
		if r, ok = responses["default"]; !ok || resp.StatusCode < 400 {
			t.Errorf("%s %s: status %d is not documented", method, path, resp.StatusCode)
			return
		}
	}
	if resp.StatusCode < 300 {
		covered.Store(method+" "+pattern, true)
	}
	content, _ := r.(map[string]any)["content"].(map[string]any)
	ctype, _, _ := strings.Cut(resp.Header.Get("Content-Type"), ";")
	media, ok := content[ctype].(map[string]any)
	if !ok {
		t.Errorf("%s %s: content type %q is not documented for %d", method, path, ctype, resp.StatusCode)
		return
	}
	if ctype != "application/json" {
		return
	}
	validate(t, method+" "+path, media["schema"], body)
}

func checkErrorBody(t testing.TB, method, path string, resp *http.Response, body []byte) {
	t.Helper()
	validate(t, method+" "+path, map[string]any{"$ref": "#/components/schemas/Error"}, body)
}

// validate checks a JSON body against a schema of openapi.json.
func validate(t testing.TB, what string, schema any, body []byte) {
	t.Helper()
	doc, _ := apiDoc()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Errorf("%s: not JSON: %v", what, err)
		return
	}
	for _, err := range jsonschema.New(doc).Validate(schema, v) {
		t.Errorf("%s: the answer does not fit openapi.json: %v", what, err)
	}
}

// TestOpenAPI checks that the route table and openapi.json list the same
// API routes, that the document is OpenAPI 3.1 with every operation
// answering errors as Error. (TestAPI checks that every route was
// called, and every answer against the document.)
func TestOpenAPI(t *testing.T) {
	doc, err := apiDoc()
	if err != nil {
		t.Fatal(err)
	}
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi %v, want 3.1.0", doc["openapi"])
	}
	documented := map[string]bool{}
	for p, item := range doc["paths"].(map[string]any) {
		for m, op := range item.(map[string]any) {
			key := strings.ToUpper(m) + " " + p
			documented[key] = true
			resp := op.(map[string]any)["responses"].(map[string]any)
			if _, ok := resp["default"]; !ok && p != "/api/v1/openapi.json" {
				t.Errorf("%s documents no error answer (default: Error)", key)
			}
		}
	}
	s := &Server{}
	for _, rt := range s.table() {
		if rt.kind != kindAPI {
			continue
		}
		key := rt.method + " " + rt.pattern
		if !documented[key] {
			t.Errorf("route %s is not in openapi.json", key)
		}
		delete(documented, key)
	}
	for key := range documented {
		t.Errorf("openapi.json documents %s, which no route serves", key)
	}
}

// checkCoverage fails t for each API route no test called with success.
func checkCoverage(t *testing.T) {
	t.Helper()
	s := &Server{}
	for _, rt := range s.table() {
		if rt.kind != kindAPI {
			continue
		}
		if _, ok := covered.Load(rt.method + " " + rt.pattern); !ok {
			t.Errorf("no test called %s %s with success", rt.method, rt.pattern)
		}
	}
}
