package dates

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/whosaid/whosaid"
)

const (
	weekdayRe = `(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?`
	monthRe   = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	ordRe     = `(?:st|nd|rd|th)?`
	yearRe    = `((?:19|20)\d\d)`
	// A time of day right after a date: "- 09:08", ", 9:08 am", "at 14:30 GMT".
	clockRe = `(?:\s*(?:[-–—,|@·/]\s*|at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?)?`
)

var (
	// Month Day, Year: "January 20 2022", "Jan. 20, 2022", "June 2nd, 2021".
	reMDY = regexp.MustCompile(`(?i)\b` + weekdayRe + monthRe + `\s+(\d{1,2})` + ordRe + `,?\s+` + yearRe + `\b` + clockRe)
	// Day Month Year: "2 June 2021", "Wednesday 2 June 2021 - 09:08", "20th of January, 2022".
	reDMY = regexp.MustCompile(`(?i)\b` + weekdayRe + `(\d{1,2})` + ordRe + `\s+(?:of\s+)?` + monthRe + `,?\s+` + yearRe + `\b` + clockRe)
	// ISO and its relatives: "2021-06-02", "2021/06/02 09:08", "2021-06-02T09:08:00Z".
	reISO = regexp.MustCompile(`\b((?:19|20)\d\d)([-/.])(\d{1,2})([-/.])(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?)?\b`)
	// Day-first or month-first numeric dates: "20.01.2022", "01/20/2022".
	reNum = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})([./-])((?:19|20)\d\d)\b`)
	// A day and month without a year: "January 5th", "5 January".
	reMD = regexp.MustCompile(`(?i)\b` + monthRe + `\s+(\d{1,2})` + ordRe + `\b`)
	reDM = regexp.MustCompile(`(?i)\b(\d{1,2})` + ordRe + `\s+(?:of\s+)?` + monthRe + `\b`)

	reAgo     = regexp.MustCompile(`(?i)\b(\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\s+ago\b`)
	reDayWord = regexp.MustCompile(`(?i)\b(the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b`)
	reWeekday = regexp.MustCompile(`\b(?:(?:on|last|this\s+past)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
)

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

// Find returns the date expressions in s, in order and without overlaps;
// where two readings overlap the longer one wins ("2 June 2021" over "2 June").
func Find(s string) []Match {
	var all []Match
	all = append(all, findMonthNamed(s, reMDY, 2, 1, 3)...)
	all = append(all, findMonthNamed(s, reDMY, 1, 2, 3)...)
	all = append(all, findISO(s)...)
	all = append(all, findNumeric(s)...)
	all = append(all, findNoYear(s, reMD, 2, 1)...)
	all = append(all, findNoYear(s, reDM, 1, 2)...)
	all = append(all, findRelative(s)...)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End-all[i].Start > all[j].End-all[j].Start
	})
	var out []Match
	for _, m := range all {
		if n := len(out); n > 0 && m.Start < out[n-1].End {
			if m.End-m.Start > out[n-1].End-out[n-1].Start {
				out[n-1] = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

func month(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s[:3]) {
			return m
		}
	}
	return 0
}

// capitalised rejects "may 5" in running text: month names in dates are
// written with a capital.
func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// date builds a valid date or reports false (no 31 February).
func date(y int, m time.Month, d, hh, mm, ss int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, hh, mm, ss, 0, whosaid.Unzoned)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// clock reads the optional time-of-day groups that follow a date.
func clock(s string, g []int, first int) (hh, mm, ss int, ok bool) {
	if g[2*first] < 0 {
		return 0, 0, 0, false
	}
	hh, mm = atoi(s[g[2*first]:g[2*first+1]]), atoi(s[g[2*first+2]:g[2*first+3]])
	if g[2*first+4] >= 0 {
		ss = atoi(s[g[2*first+4]:g[2*first+5]])
	}
	if g[2*first+6] >= 0 {
		pm := strings.EqualFold(s[g[2*first+6]:g[2*first+7]], "p")
		if hh > 12 || hh == 0 {
			return 0, 0, 0, false
		}
		if pm && hh < 12 {
			hh += 12
		} else if !pm && hh == 12 {
			hh = 0
		}
	}
	return hh, mm, ss, hh < 24 && mm < 60
}

func findMonthNamed(s string, re *regexp.Regexp, dayG, monG, yearG int) []Match {
	var out []Match
	for _, g := range re.FindAllStringSubmatchIndex(s, -1) {
		mon := s[g[2*monG]:g[2*monG+1]]
		if !capitalised(mon) {
			continue
		}
		hh, mm, ss, hasClock := clock(s, g, 4)
		t, ok := date(atoi(s[g[2*yearG]:g[2*yearG+1]]), month(mon), atoi(s[g[2*dayG]:g[2*dayG+1]]), hh, mm, ss)
		if !ok {
			continue
		}
		end := g[1]
		if !hasClock && g[8] >= 0 {
			end = g[2*yearG+1] // a malformed clock is not part of the date
		}
		out = append(out, Match{Start: g[0], End: end, Kind: Absolute, Time: t, Clock: hasClock})
	}
	return out
}

func findISO(s string) []Match {
	var out []Match
	for _, g := range reISO.FindAllStringSubmatchIndex(s, -1) {
		if s[g[4]:g[5]] != s[g[8]:g[9]] { // mixed separators: not a date
			continue
		}
		hh, mm, ss := 0, 0, 0
		hasClock := g[12] >= 0
		if hasClock {
			hh, mm = atoi(s[g[12]:g[13]]), atoi(s[g[14]:g[15]])
			if g[16] >= 0 {
				ss = atoi(s[g[16]:g[17]])
			}
		}
		t, ok := date(atoi(s[g[2]:g[3]]), time.Month(atoi(s[g[6]:g[7]])), atoi(s[g[10]:g[11]]), hh, mm, ss)
		if !ok {
			continue
		}
		if g[18] >= 0 {
			if z, err := time.Parse("Z07:00", normaliseZone(s[g[18]:g[19]])); err == nil {
				_, off := z.Zone()
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone("", off))
			}
		}
		out = append(out, Match{Start: g[0], End: g[1], Kind: Absolute, Time: t, Clock: hasClock})
	}
	return out
}

func normaliseZone(z string) string {
	if z == "Z" || strings.Contains(z, ":") {
		return z
	}
	return z[:3] + ":" + z[3:]
}

// findNumeric reads dd.mm.yyyy (the dotted form is day first wherever it
// is used) and slashed or dashed forms only when one part is above 12, so
// the reading is certain.
func findNumeric(s string) []Match {
	var out []Match
	for _, g := range reNum.FindAllStringSubmatchIndex(s, -1) {
		a, b, y := atoi(s[g[2]:g[3]]), atoi(s[g[6]:g[7]]), atoi(s[g[10]:g[11]])
		sep := s[g[4]:g[5]]
		if sep != s[g[8]:g[9]] {
			continue
		}
		var d, m int
		switch {
		case sep == ".":
			d, m = a, b
		case a > 12 && b <= 12:
			d, m = a, b
		case b > 12 && a <= 12:
			d, m = b, a
		default:
			continue // 03/04/2021 could be either
		}
		if t, ok := date(y, time.Month(m), d, 0, 0, 0); ok {
			out = append(out, Match{Start: g[0], End: g[1], Kind: Absolute, Time: t})
		}
	}
	return out
}

func findNoYear(s string, re *regexp.Regexp, dayG, monG int) []Match {
	var out []Match
	for _, g := range re.FindAllStringSubmatchIndex(s, -1) {
		mon := s[g[2*monG]:g[2*monG+1]]
		if !capitalised(mon) {
			continue
		}
		// 2000 is a leap year, so 29 February is accepted here.
		t, ok := date(2000, month(mon), atoi(s[g[2*dayG]:g[2*dayG+1]]), 0, 0, 0)
		if !ok {
			continue
		}
		out = append(out, Match{Start: g[0], End: g[1], Kind: NoYear, Time: t})
	}
	return out
}

func findRelative(s string) []Match {
	var out []Match
	for _, g := range reAgo.FindAllStringSubmatchIndex(s, -1) {
		num := strings.ToLower(s[g[2]:g[3]])
		n, ok := numberWords[num]
		if !ok {
			n = atoi(num)
		}
		unit := strings.ToLower(s[g[4]:g[5]])
		switch {
		case strings.HasPrefix(unit, "min"):
			unit = "minute"
		case strings.HasPrefix(unit, "h"):
			unit = "hour"
		}
		out = append(out, Match{Start: g[0], End: g[1], Kind: Ago, N: n, Unit: unit})
	}
	for _, g := range reDayWord.FindAllStringSubmatchIndex(s, -1) {
		w := strings.ToLower(strings.Join(strings.Fields(s[g[2]:g[3]]), " "))
		n := 0
		switch w {
		case "yesterday", "last night":
			n = 1
		case "the day before yesterday":
			n = 2
		}
		out = append(out, Match{Start: g[0], End: g[1], Kind: DayWord, N: n, Unit: "day"})
	}
	for _, g := range reWeekday.FindAllStringSubmatchIndex(s, -1) {
		if before := strings.TrimSpace(s[:g[0]]); strings.HasSuffix(strings.ToLower(before), "next") ||
			strings.HasSuffix(strings.ToLower(before), "every") {
			continue
		}
		day := weekdays[strings.ToLower(s[g[2]:g[3]])]
		out = append(out, Match{Start: g[0], End: g[1], Kind: Weekday, Day: day})
	}
	return out
}
