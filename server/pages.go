package server

import (
	"net/http"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// result is a statement as the pages list it.
type result struct {
	Hit  wire.Hit
	Cite citation
	// Date is the day said (SaidOn true) or else published.
	Date   string
	SaidOn bool
	// N numbers the statements of an article page; InArticle makes "show"
	// jump within the page.
	N         int
	InArticle bool
	// Bare is set when the words carry no quotation marks of their own,
	// so the page adds them.
	Bare bool
}

func resultOf(h whosaid.StatementHit) result {
	w := wire.FromHit(h)
	r := result{Hit: w, Cite: cite(w), Date: day(w.Published)}
	if w.Content != nil {
		r.Bare = !strings.ContainsAny(firstRune(w.Content.Text), "\"“”„«»‘’'‹›「『")
	}
	if w.SaidOn != nil {
		r.Date, r.SaidOn = day(w.SaidOn), true
	}
	return r
}

// searchForm is the search page's form, as submitted.
type searchForm struct {
	Q, Speaker, Outlet, Since, Until, Kind, Sort string
	AllVersions                                  bool
}

type searchPage struct {
	layoutData
	Form                   searchForm
	Kinds                  []string
	MaxParam               int
	Heading                string
	Problem                string
	Results                []result
	Next                   string
	ExportCSV, ExportJSONL string
	// Asked is set when the form asked something (the bare front page
	// lists nothing).
	Asked bool
}

// pageSearch is the front page: the search form, and a page of results
// once something is asked (an unfiltered "newest of everything" costs a
// sort of the whole store, so the bare front page asks nothing).
func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	data := searchPage{layoutData: s.layout(r, "Statements"), Kinds: []string{"direct", "indirect", "mixed"}, MaxParam: s.limits.MaxParam}
	p, err := s.params(r, false, searchParams...)
	if err != nil {
		return err
	}
	f := searchForm{Q: p.str("q"), Speaker: p.str("speaker"), Outlet: p.str("outlet"), Since: p.str("since"), Until: p.str("until"), Kind: p.str("kind"), Sort: p.str("sort"),
		AllVersions: p.str("all_versions") == "true"}
	data.Form = f
	data.Asked = f.Q != "" || f.Speaker != "" || f.Outlet != "" || f.Since != "" || f.Until != "" || f.Kind != ""
	if !data.Asked {
		return s.render(w, http.StatusOK, "search", data)
	}
	q, err := p.statementQuery()
	status := http.StatusOK
	if err == nil {
		var page whosaid.Page[whosaid.StatementHit]
		page, err = s.store.Search(r.Context(), q)
		if err == nil {
			for _, h := range page.Items {
				data.Results = append(data.Results, resultOf(h))
			}
			if page.Next != "" {
				data.Next = "/" + queryString("q", f.Q, "speaker", f.Speaker, "outlet", f.Outlet, "since", f.Since, "until", f.Until,
					"kind", f.Kind, "all_versions", p.str("all_versions"), "sort", f.Sort, "limit", p.str("limit"), "cursor", page.Next)
			}
		}
	}
	if err != nil {
		code, st, msg := problem(err)
		if code == whosaid.EInternal || st >= 500 {
			return err
		}
		status, data.Problem = st, msg
	}
	filters := []string{"q", f.Q, "speaker", f.Speaker, "outlet", f.Outlet, "since", f.Since, "until", f.Until, "kind", f.Kind, "all_versions", p.str("all_versions")}
	data.ExportCSV = "/api/v1/export" + queryString(append([]string{"format", "csv"}, filters...)...)
	data.ExportJSONL = "/api/v1/export" + queryString(append([]string{"format", "jsonl"}, filters...)...)
	switch {
	case data.Problem != "":
		data.Heading = "No results"
	case f.Q != "" && f.Sort != whosaid.SortDate:
		data.Heading = "Best matches"
	default:
		data.Heading = "Newest matches"
	}
	if f.Q != "" {
		data.Title = f.Q + " – statements"
	}
	return s.render(w, status, "search", data)
}

type speakersPage struct {
	layoutData
	Q        string
	MaxParam int
	Speakers []wire.SpeakerSummary
	Next     string
}

// pageSpeakers lists speakers, most statements first, optionally those
// whose names contain ?q=.
func (s *Server) pageSpeakers(w http.ResponseWriter, r *http.Request) error {
	p, err := s.params(r, false, "q", "cursor", "limit")
	if err != nil {
		return err
	}
	limit, err := p.pageSize(50)
	if err != nil {
		return err
	}
	page, err := s.store.Speakers(r.Context(), whosaid.SpeakerQuery{Query: p.str("q"), Limit: limit, Cursor: p.str("cursor")})
	if err != nil {
		return err
	}
	data := speakersPage{layoutData: s.layout(r, "Speakers"), Q: p.str("q"), MaxParam: s.limits.MaxParam}
	for _, sp := range page.Items {
		data.Speakers = append(data.Speakers, wire.FromSpeaker(sp))
	}
	if page.Next != "" {
		data.Next = "/speakers" + queryString("q", p.str("q"), "limit", p.str("limit"), "cursor", page.Next)
	}
	return s.render(w, http.StatusOK, "speakers", data)
}

type speakerPage struct {
	layoutData
	Speaker        wire.SpeakerSummary
	By             string
	Timeline       *timeline
	Latest         []result
	CoMentions     []wire.CoMention
	CoMentionsNote string
}

// latestCount is how many of a speaker's statements the page lists.
const latestCount = 10

// pageSpeaker shows one speaker: names, roles, outlets, the timeline, the
// latest statements and the people named with him.
func (s *Server) pageSpeaker(w http.ResponseWriter, r *http.Request) error {
	p, err := s.params(r, false, "by")
	if err != nil {
		return err
	}
	by := p.str("by")
	if by != "kind" {
		by = "outlet"
	}
	sp, err := s.store.Speaker(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	data := speakerPage{layoutData: s.layout(r, sp.Name), Speaker: wire.FromSpeaker(*sp), By: by}
	// One pass over the speaker's statements, oldest first: the chart's
	// counts, and the last ones seen are the latest.
	counts := map[string]map[string]int{}
	totals := map[string]int{}
	undated := 0
	var latest []whosaid.StatementHit
	err = s.store.Export(r.Context(), whosaid.StatementQuery{Speaker: sp.ID}, func(h whosaid.StatementHit) error {
		latest = append(latest, h)
		if len(latest) > latestCount {
			latest = latest[1:]
		}
		month := ""
		switch {
		case h.SaidOn != nil:
			month = h.SaidOn.Format("2006-01")
		case h.Published != nil:
			month = h.Published.Format("2006-01")
		default:
			undated++
			return nil
		}
		group := string(h.Kind)
		if by == "outlet" {
			group = h.Outlet
			if group == "" {
				group = "(no outlet)"
			}
		}
		if counts[month] == nil {
			counts[month] = map[string]int{}
		}
		counts[month][group]++
		totals[group]++
		return nil
	})
	if err != nil {
		return err
	}
	var order []string
	if by == "kind" {
		for _, k := range []whosaid.StatementKind{whosaid.Direct, whosaid.Indirect, whosaid.Mixed} {
			if totals[string(k)] > 0 {
				order = append(order, string(k))
			}
		}
	} else {
		for g := range totals {
			order = append(order, g)
		}
		sort.Slice(order, func(i, j int) bool {
			if totals[order[i]] != totals[order[j]] {
				return totals[order[i]] > totals[order[j]]
			}
			return order[i] < order[j]
		})
	}
	data.Timeline = buildTimeline(counts, order, undated, by)
	for i := len(latest) - 1; i >= 0; i-- {
		data.Latest = append(data.Latest, resultOf(latest[i]))
	}
	list, err := s.coMentioned(r, sp.ID, 10)
	switch whosaid.ErrorCode(err) {
	case "":
		for _, c := range list {
			data.CoMentions = append(data.CoMentions, wire.FromCoMention(c))
		}
	case whosaid.EUnsupported:
		data.CoMentionsNote = "This store cannot tell who is named with whom."
	default:
		return err
	}
	return s.render(w, http.StatusOK, "speaker", data)
}

type articlePage struct {
	layoutData
	Article    wire.Article
	Runs       []run
	Statements []result
	Link       string
	Fetched    string
	Ingested   string
	HasRaw     bool
	MediaType  string
}

// pageArticle shows a stored article with its statements highlighted in
// the text and listed after it.
func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, false); err != nil {
		return err
	}
	a, err := s.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	wa := wire.FromArticle(a)
	title := "(no title)"
	if a.Title != "" {
		title = a.Title
	}
	data := articlePage{layoutData: s.layout(r, visible(title)), Article: wa, Runs: highlight(wa.Text, wa.Statements),
		Link: httpURL(wa.URL), HasRaw: a.RawSHA256 != "", MediaType: a.MediaType, Ingested: a.IngestedAt.UTC().Format("2006-01-02 15:04 UTC")}
	if a.Fetched != nil {
		data.Fetched = wire.FormatTime(*a.Fetched, true)
	}
	for i, h := range a.Statements {
		res := resultOf(h)
		res.N, res.InArticle = i+1, true
		data.Statements = append(data.Statements, res)
	}
	return s.render(w, http.StatusOK, "article", data)
}

// pageStatement sends a statement's address to its place in its article.
func (s *Server) pageStatement(w http.ResponseWriter, r *http.Request) error {
	h, err := s.store.Statement(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/articles/"+h.ArticleID+"#s-"+h.ID, http.StatusSeeOther)
	return nil
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}
