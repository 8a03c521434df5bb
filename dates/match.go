package dates

import "time"

// Kind tells how a Match pins down its day.
type Kind int

const (
	// Absolute: the text gives the full date.
	Absolute Kind = iota
	// NoYear: day and month without a year ("on January 5th"); the year
	// comes from the reference (the latest such day not after it).
	NoYear
	// Ago: a distance back from the reference ("30 days ago").
	Ago
	// DayWord: a day named relative to the reference ("yesterday",
	// "today", "last night").
	DayWord
	// Weekday: a weekday ("on Friday"), read as the latest such day not
	// after the reference, the convention of news reports.
	Weekday
)

// Match is one date expression found in a string.
type Match struct {
	Start, End int // byte offsets of the expression in the searched string
	Kind       Kind
	// Time holds the date (and the time of day when Clock) of an Absolute
	// match, the month and day of a NoYear match.
	Time  time.Time
	Clock bool
	// Back is the distance of an Ago or DayWord match: N units back.
	N    int
	Unit string // "minute", "hour", "day", "week", "month", "year"
	Day  time.Weekday
}

// Relative tells whether the match needs a reference to become a date.
func (m Match) Relative() bool { return m.Kind != Absolute }

// Resolve returns the day the match names, given the reference day ref.
// Absolute matches ignore ref. The result keeps the time of day only for
// Absolute matches with Clock set, and for Ago matches in minutes or hours.
func (m Match) Resolve(ref time.Time) time.Time {
	day := func(t time.Time) time.Time {
		y, mo, d := t.Date()
		return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	}
	switch m.Kind {
	case Absolute:
		return m.Time
	case NoYear:
		t := time.Date(ref.Year(), m.Time.Month(), m.Time.Day(), 0, 0, 0, 0, time.UTC)
		if t.After(day(ref)) {
			t = t.AddDate(-1, 0, 0)
		}
		return t
	case Ago, DayWord:
		switch m.Unit {
		case "minute":
			return ref.Add(-time.Duration(m.N) * time.Minute)
		case "hour":
			return ref.Add(-time.Duration(m.N) * time.Hour)
		case "week":
			return day(ref).AddDate(0, 0, -7*m.N)
		case "month":
			return day(ref).AddDate(0, -m.N, 0)
		case "year":
			return day(ref).AddDate(-m.N, 0, 0)
		default:
			return day(ref).AddDate(0, 0, -m.N)
		}
	case Weekday:
		r := day(ref)
		back := (int(r.Weekday()) - int(m.Day) + 7) % 7
		return r.AddDate(0, 0, -back)
	}
	return time.Time{}
}

// SubDay tells whether a resolved match carries a time of day.
func (m Match) SubDay() bool {
	return (m.Kind == Absolute && m.Clock) || (m.Kind == Ago && (m.Unit == "minute" || m.Unit == "hour"))
}
