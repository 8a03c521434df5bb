package clean

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/clean/htmlbody"
)

// Result is a cleaned article: its text, the metadata the page states,
// and the publication-date candidates still to be resolved.
type Result struct {
	Text  string
	Meta  whosaid.Meta
	dates []dateCandidate
}

// Plain cleans a scraped plain-text page: mojibake, Unicode, site chrome,
// headline, byline, datelines. Meta.Published is left for the caller to
// resolve, since relative dates need a reference the page does not hold;
// Dates reports what was found.
func Plain(text string) *Result {
	text = Normalize(RepairMojibake(text))
	p := splitPage(text)
	r := &Result{}
	if p.title >= 0 {
		r.Meta.Title = p.lines[p.title].text
	}
	for i := 0; i < p.start; i++ {
		r.headerLine(p.lines[i].text)
	}
	end := p.cutTail()
	var paras [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, cur)
			cur = nil
		}
	}
	for i := p.start; i < end; i++ {
		l := p.lines[i]
		if l.blank {
			flush()
			continue
		}
		text, keep := r.bodyLine(l.text, len(paras) < 4, len(paras) == 0 && len(cur) == 0)
		if !keep {
			flush()
			continue
		}
		cur = append(cur, text)
	}
	flush()
	var b strings.Builder
	for i, para := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(para, "\n"))
	}
	r.Text = b.String()
	return r
}

// headerLine reads what a line above the article body tells: a byline, a
// date line, a date among header widgets.
func (r *Result) headerLine(s string) {
	if isByline(s) {
		r.byline(s)
		return
	}
	if m, ok := lineDate(s); ok {
		r.dates = append(r.dates, dateCandidate{m, "date line " + quote(s), 1})
		return
	}
	if m, ok := headerDate(s); ok {
		r.dates = append(r.dates, dateCandidate{m, quote(s[m.Start:m.End]) + " in the page header", 2})
	}
}

// bodyLine decides whether a line of the body is article text, and reads
// the metadata lines among them. early is true in the first paragraphs,
// where bylines and date lines sit; first for the first paragraph, which
// may open with a dateline.
func (r *Result) bodyLine(s string, early, first bool) (string, bool) {
	switch {
	case s == r.Meta.Title:
		return "", false
	case isChromeLabel(s), reCode.MatchString(s), hasIconWord(s) && !prose(s):
		return "", false
	case reCredit.MatchString(s) && len(words(s)) <= 12:
		return "", false
	case isByline(s):
		if early {
			r.byline(s)
		}
		return "", false
	}
	if m, ok := lineDate(s); ok {
		if early {
			r.dates = append(r.dates, dateCandidate{m, "date line " + quote(s), 1})
		}
		return "", false
	}
	if first {
		rest, outlet, d := dateline(s)
		if outlet != "" && r.Meta.Outlet == "" {
			r.Meta.Outlet = outlet
		}
		if d != nil {
			r.dates = append(r.dates, dateCandidate{*d, "dateline " + quote(s[:len(s)-len(rest)]), 0})
		}
		s = rest
	}
	return s, true
}

func (r *Result) byline(s string) {
	author, d := bylineParts(s)
	if r.Meta.Byline == "" {
		r.Meta.Byline = author
	}
	if d != nil {
		r.dates = append(r.dates, dateCandidate{*d, "byline " + quote(s), 0})
	}
}

func quote(s string) string { return "\u201c" + strings.TrimSpace(s) + "\u201d" }

// cutTail returns where the body really ends: at a widget label (such as
// a list of related stories or a comment box) after which less article
// text follows than came before it.
func (p *page) cutTail() int {
	total := 0
	for i := p.start; i < p.end; i++ {
		if l := p.lines[i]; !l.blank && prose(l.text) {
			total += len(l.text)
		}
	}
	before := 0
	for i := p.start; i < p.end; i++ {
		l := p.lines[i]
		if l.blank {
			continue
		}
		if isChromeLabel(l.text) && before > 0 && total-before < before {
			return i
		}
		if prose(l.text) {
			before += len(l.text)
		}
	}
	return p.end
}

// FromHTML cleans what the HTML extractor found: the extractor has already
// removed the page's chrome, so only line-level leftovers, mojibake and
// Unicode are dealt with here.
func FromHTML(pg *htmlbody.Page) *Result {
	r := &Result{}
	r.Meta.Title = Normalize(RepairMojibake(pg.Title))
	r.Meta.Byline = pg.Author
	r.Meta.Outlet = pg.SiteName
	r.Meta.Language = pg.Language
	if pg.Published != nil {
		t := *pg.Published
		r.Meta.Published, r.Meta.PublishedClock, r.Meta.PublishedFrom = &t, pg.PublishedClock, pg.PublishedFrom
	}
	var paras []string
	for i, para := range pg.Paragraphs {
		s := strings.TrimSpace(Normalize(RepairMojibake(para)))
		if s == "" {
			continue
		}
		s, keep := r.bodyLine(s, i < 4, len(paras) == 0)
		if keep && strings.TrimSpace(s) != "" {
			paras = append(paras, s)
		}
	}
	r.Text = strings.Join(paras, "\n\n")
	return r
}
