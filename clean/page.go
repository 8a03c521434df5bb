package clean

import (
	"strings"
)

// A line of a scraped page and what cleaning decided about it.
type line struct {
	text  string // trimmed
	blank bool
	keep  bool
}

// page is a plain-text page split into lines, with the positions of its
// title and of the article body.
type page struct {
	lines []line
	title int // index of the title line, -1 if none
	start int // first line of the body
	end   int // the body ends before this line
}

const maxTitleWords = 30

// splitPage finds title, body start and body end of a scraped page. The
// layout of such pages is regular: widgets and notices, then the headline
// (often twice: page title and article title), then byline and date lines,
// then the paragraphs, then lists of other articles, comment boxes and
// footers. The body runs from the first paragraph that reads as prose to
// the last one.
func splitPage(text string) *page {
	raw := strings.Split(text, "\n")
	p := &page{title: -1}
	for _, l := range raw {
		t := strings.TrimSpace(l)
		p.lines = append(p.lines, line{text: t, blank: t == ""})
	}
	p.title = p.findTitle()
	p.start = len(p.lines)
	for i := p.title + 1; i < len(p.lines); i++ {
		if l := p.lines[i]; !l.blank && prose(l.text) && !isByline(l.text) {
			p.start = i
			break
		}
	}
	p.end = p.start
	for i := len(p.lines) - 1; i >= p.start; i-- {
		if l := p.lines[i]; !l.blank && prose(l.text) {
			p.end = i + 1
			break
		}
	}
	return p
}

// findTitle returns the headline: a line repeated near the top (page title
// and article title), else the first line that is not a widget, date,
// byline or paragraph.
func (p *page) findTitle() int {
	seen := map[string]int{}
	n := 0
	for i, l := range p.lines {
		if l.blank {
			continue
		}
		if n++; n > 20 || prose(l.text) && endsSentence(l.text) {
			break
		}
		if j, ok := seen[l.text]; ok && titleLike(l.text) {
			return j
		}
		seen[l.text] = i
	}
	for i, l := range p.lines {
		if l.blank {
			continue
		}
		if titleLike(l.text) && (!endsSentence(l.text) || headlineCase(words(l.text))) {
			return i
		}
		if prose(l.text) && endsSentence(l.text) {
			break
		}
	}
	return -1
}

func titleLike(s string) bool {
	ws := words(s)
	return len(ws) >= 2 && len(ws) <= maxTitleWords && !isChromeLabel(s) && !hasIconWord(s) &&
		!isByline(s) && !reCredit.MatchString(s) && !reCode.MatchString(s) && !isDateLine(s) && !teaser(s)
}

func isByline(s string) bool {
	m := reByline.FindStringSubmatch(s)
	return m != nil && len(words(s)) <= 14 && !endsSentence(s)
}

// isDateLine tells whether the line holds a date and nothing else.
func isDateLine(s string) bool {
	_, ok := lineDate(s)
	return ok
}
