package clean

import (
	"regexp"
	"strings"
	"time"

	"github.com/whosaid/whosaid/dates"
)

// lineDate returns the date of a line that is a date and nothing else
// ("date 2021-06-02 0", "Wednesday 2 June 2021 - 09:08", "Updated: 3 hours ago").
func lineDate(s string) (dates.Match, bool) {
	if len(words(s)) > 12 {
		return dates.Match{}, false
	}
	ms := dates.Find(s)
	if len(ms) != 1 || ms[0].Kind == dates.Weekday || ms[0].Kind == dates.NoYear {
		return dates.Match{}, false
	}
	if !dateOnly(s, ms[0].Start, ms[0].End) {
		return dates.Match{}, false
	}
	return ms[0], true
}

// headerDate returns a date that a short header line carries among other
// widgets ("folder_open Iraq access_time 30 days ago").
func headerDate(s string) (dates.Match, bool) {
	if len(words(s)) > 12 || prose(s) {
		return dates.Match{}, false
	}
	for _, m := range dates.Find(s) {
		if m.Kind == dates.Absolute || m.Kind == dates.Ago || m.Kind == dates.DayWord {
			return m, true
		}
	}
	return dates.Match{}, false
}

// bylineParts splits "By News Desk - January 20 2022" into the author and
// the date it carries, if any.
func bylineParts(s string) (author string, date *dates.Match) {
	m := reByline.FindStringSubmatch(s)
	if m == nil {
		return "", nil
	}
	author = m[1]
	if ms := dates.Find(author); len(ms) > 0 && ms[0].Kind != dates.Weekday && ms[0].Kind != dates.NoYear {
		d := ms[0]
		date = &d
		author = author[:d.Start]
	}
	author = strings.TrimRight(strings.TrimSpace(author), " -–—|,·/")
	return strings.TrimSpace(author), date
}

var (
	// "Delta News / The minister said …": an outlet's name before a slash
	// opens the first paragraph of many agency stories.
	reOutletSlash = regexp.MustCompile(`^(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})\s+/\s+`)
	// "BAGHDAD (Reuters) - …", "Cairo, Jan 5 (AFP) — …".
	reOutletParen = regexp.MustCompile(`^\p{Lu}[\p{L} .,'’-]{1,40}?(?:,\s*[^()]{3,30})?\s*\((\p{Lu}[\p{L}\p{N} &.'’-]{1,30})\)\s*[-–—:]\s+`)
	// "BAGHDAD - …", "NEW YORK, June 3 — …": a place in capitals opens the story.
	rePlaceDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]{2,30}(?:,\s*[^-–—:]{3,30})?\s*[-–—:]\s+`)
)

// dateline strips the dateline or outlet prefix that opens a paragraph and
// returns the outlet it names, if any, and any date it carries.
func dateline(s string) (rest, outlet string, date *dates.Match) {
	if m := reOutletParen.FindStringSubmatchIndex(s); m != nil {
		prefix := s[:m[1]]
		outlet = s[m[2]:m[3]]
		if ms := dates.Find(prefix); len(ms) > 0 && ms[0].Kind != dates.Weekday {
			date = &ms[0]
		}
		return s[m[1]:], outlet, date
	}
	if m := reOutletSlash.FindStringSubmatchIndex(s); m != nil && len(words(s[:m[1]])) <= 5 {
		return s[m[1]:], s[m[2]:m[3]], nil
	}
	if m := rePlaceDateline.FindStringIndex(s); m != nil {
		prefix := strings.TrimRight(s[:m[1]], " -–—:")
		if upperWords(prefix) {
			if ms := dates.Find(prefix); len(ms) > 0 && ms[0].Kind != dates.Weekday {
				date = &ms[0]
			}
			return s[m[1]:], "", date
		}
	}
	return s, "", nil
}

// upperWords tells whether the first word of s is written in capitals, as
// a dateline's place is ("BAGHDAD", "NEW YORK"), unlike a sentence opener.
func upperWords(s string) bool {
	ws := words(s)
	if len(ws) == 0 || len([]rune(ws[0])) < 2 {
		return false
	}
	return strings.ToUpper(ws[0]) == ws[0] && strings.ToLower(ws[0]) != ws[0]
}

// dateCandidate is a publication date found in the page and where.
type dateCandidate struct {
	m    dates.Match
	from string
	rank int // lower wins: byline and dateline, date line, header widget
}

// resolveDate picks the publication date among the candidates: the best
// ranked absolute date (with its time of day when another line gives the
// same day with one), else a relative one against the reference.
func resolveDate(cands []dateCandidate, ref *time.Time, refFrom string) (t *time.Time, clock bool, from string) {
	var best *dateCandidate
	for i := range cands {
		c := &cands[i]
		if c.m.Relative() {
			continue
		}
		if best == nil || c.rank < best.rank {
			best = c
		}
	}
	if best != nil {
		v := best.m.Time
		clock = best.m.Clock
		from = best.from
		for _, c := range cands {
			if !c.m.Relative() && c.m.Clock && !clock && sameDay(c.m.Time, v) {
				v, clock = c.m.Time, true
				from += " + " + c.from
			}
		}
		return &v, clock, from
	}
	for _, c := range cands {
		if ref == nil {
			return nil, false, c.from + ", no reference date to resolve it"
		}
		v := c.m.Resolve(*ref)
		clock = c.m.SubDay()
		if !clock {
			v = time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
		}
		return &v, clock, c.from + " relative to " + refFrom
	}
	return nil, false, ""
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
