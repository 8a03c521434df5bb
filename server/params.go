package server

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// The query parameters of statement searches, as the CLI's flags.
var (
	filterParams = []string{"q", "speaker", "outlet", "since", "until", "kind", "all_versions", "all", "min_confidence", "independent", "first"}
	searchParams = append(append([]string{}, filterParams...), "sort", "limit", "cursor")
	exportParams = append(append([]string{}, filterParams...), "format")
)

// params reads a request's query parameters: each at most once, at most
// MaxParam bytes, valid UTF-8, and (strict, for the API) only the ones
// the route takes, so a misspelt filter is an error instead of being
// silently ignored.
type params struct {
	vals  url.Values
	limit Limits
}

func (s *Server) params(r *http.Request, strict bool, allowed ...string) (*params, error) {
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, whosaid.Errorf(whosaid.EInvalid, "query string: %v", err)
	}
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	var unknown []string
	for k, vs := range vals {
		if !ok[k] {
			unknown = append(unknown, k)
			continue
		}
		if len(vs) > 1 {
			return nil, whosaid.Errorf(whosaid.EInvalid, "?%s is given %d times: give it once", k, len(vs))
		}
		if len(vs[0]) > s.limits.MaxParam {
			return nil, whosaid.Errorf(whosaid.EInvalid, "?%s is %d bytes long: at most %d", k, len(vs[0]), s.limits.MaxParam)
		}
		if !utf8.ValidString(vs[0]) {
			return nil, whosaid.Errorf(whosaid.EInvalid, "?%s is not valid UTF-8", k)
		}
	}
	if strict && len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, whosaid.Errorf(whosaid.EInvalid, "unknown parameter %s (this route takes %s)", strings.Join(unknown, ", "), strings.Join(allowed, ", "))
	}
	return &params{vals: vals, limit: s.limits}, nil
}

// str is a parameter's value, trimmed ("" when absent).
func (p *params) str(name string) string { return strings.TrimSpace(p.vals.Get(name)) }

// date reads a YYYY-MM-DD parameter.
func (p *params) date(name string) (*time.Time, error) {
	v := p.str(name)
	if v == "" {
		return nil, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return nil, whosaid.Errorf(whosaid.EInvalid, "?%s=%q: want a date as YYYY-MM-DD", name, v)
	}
	return &t, nil
}

// pageSize reads ?limit=: 1 to MaxPage, def when absent.
func (p *params) pageSize(def int) (int, error) {
	v := p.str("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > p.limit.MaxPage {
		return 0, whosaid.Errorf(whosaid.EInvalid, "?limit=%q: want a whole number from 1 to %d", v, p.limit.MaxPage)
	}
	return n, nil
}

// statementQuery is the store query of the statement filters (and, when
// the route takes them, sort, limit and cursor): the CLI's search flags.
func (p *params) statementQuery() (whosaid.StatementQuery, error) {
	q := whosaid.StatementQuery{Text: p.str("q"), Speaker: p.str("speaker"), Outlet: p.str("outlet"), Cursor: p.str("cursor")}
	var err error
	if q.Since, err = p.date("since"); err != nil {
		return q, err
	}
	if q.Until, err = p.date("until"); err != nil {
		return q, err
	}
	if q.Since != nil && q.Until != nil && q.Until.Before(*q.Since) {
		return q, whosaid.Errorf(whosaid.EInvalid, "?until=%s is before ?since=%s", p.str("until"), p.str("since"))
	}
	switch k := p.str("kind"); k {
	case "", string(whosaid.Direct), string(whosaid.Indirect), string(whosaid.Mixed):
		q.Kind = whosaid.StatementKind(k)
	default:
		return q, whosaid.Errorf(whosaid.EInvalid, "?kind=%q: want direct, indirect or mixed", k)
	}
	switch sort := p.str("sort"); sort {
	case "", whosaid.SortRelevance, whosaid.SortDate:
		q.Sort = sort
	default:
		return q, whosaid.Errorf(whosaid.EInvalid, "?sort=%q: want %s (best match first) or %s (newest first)", sort, whosaid.SortRelevance, whosaid.SortDate)
	}
	switch v := p.str("all_versions"); v {
	case "", "false":
	case "true":
		q.AllVersions = true
	default:
		return q, whosaid.Errorf(whosaid.EInvalid, "?all_versions=%q: want true or false", v)
	}
	if v := p.str("min_confidence"); v != "" {
		c, err := strconv.ParseFloat(v, 64)
		if err != nil || c < 0 || c > 1 {
			return q, whosaid.Errorf(whosaid.EInvalid, "?min_confidence=%q: want a number from 0 to 1", v)
		}
		q.MinConfidence = c
	}
	if v := p.str("independent"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return q, whosaid.Errorf(whosaid.EInvalid, "?independent=%q: want a whole number, 0 or more", v)
		}
		q.Independent = n
	}
	switch v := p.str("first"); v {
	case "", "false":
	case "true":
		q.First = true
	default:
		return q, whosaid.Errorf(whosaid.EInvalid, "?first=%q: want true or false", v)
	}
	switch v := p.str("all"); v {
	case "", "false":
	case "true":
		q.All = true
	default:
		return q, whosaid.Errorf(whosaid.EInvalid, "?all=%q: want true (every attribution) or false (speech only)", v)
	}
	if q.Limit, err = p.pageSize(20); err != nil {
		return q, err
	}
	return q, nil
}
