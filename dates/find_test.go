package dates

import (
	"testing"
	"time"
)

func TestFindAbsolute(t *testing.T) {
	cases := []struct {
		in, want, text string // want: resolved date in RFC 3339 or 2006-01-02
		clock          bool
	}{
		{"By Desk - January 20 2022", "2022-01-20", "January 20 2022", false},
		{"Posted Jan. 20, 2022, 9:05 pm", "2022-01-20T21:05", "Jan. 20, 2022, 9:05 pm", true},
		{"Wednesday 2 June 2021 - 09:08", "2021-06-02T09:08", "Wednesday 2 June 2021 - 09:08", true},
		{"date 2021-06-02 0", "2021-06-02", "2021-06-02", false},
		{"updated 2021-06-02T09:08:00Z", "2021-06-02T09:08", "2021-06-02T09:08:00Z", true},
		{"the 3rd of March, 2020", "2020-03-03", "3rd of March, 2020", false},
		{"20.01.2022", "2022-01-20", "20.01.2022", false},
		{"01/20/2022", "2022-01-20", "01/20/2022", false},
		{"Sept 9 2019 at 14:30", "2019-09-09T14:30", "Sept 9 2019 at 14:30", true},
	}
	for _, c := range cases {
		ms := Find(c.in)
		if len(ms) != 1 {
			t.Errorf("%q: %d matches %+v", c.in, len(ms), ms)
			continue
		}
		m := ms[0]
		layout := "2006-01-02"
		if c.clock {
			layout = "2006-01-02T15:04"
		}
		if got := m.Resolve(time.Time{}).Format(layout); got != c.want || m.Clock != c.clock || m.Relative() {
			t.Errorf("%q: got %s clock=%v kind=%v, want %s clock=%v", c.in, got, m.Clock, m.Kind, c.want, c.clock)
		}
		if got := c.in[m.Start:m.End]; got != c.text {
			t.Errorf("%q: matched %q, want %q", c.in, got, c.text)
		}
	}
}

func TestFindRejects(t *testing.T) {
	for _, in := range []string{
		"03/04/2021",            // either reading is possible: never guess
		"February 30 2021",      // no such day
		"they may 5 times",      // the modal verb is not a month
		"2021-13-01",            // no month 13
		"room 12:75 on floor 3", // not a time
		"next Friday",           // the future is not when something was said
	} {
		for _, m := range Find(in) {
			if m.Kind == Absolute || (in == "next Friday" && m.Kind == Weekday) || in == "they may 5 times" {
				t.Errorf("%q: unexpected match %+v (%q)", in, m, in[m.Start:m.End])
			}
		}
	}
}

func TestResolveRelative(t *testing.T) {
	ref := time.Date(2021, 6, 2, 9, 8, 0, 0, time.UTC) // a Wednesday
	cases := []struct{ in, want string }{
		{"In an interview aired Tuesday evening", "2021-06-01"},
		{"on Wednesday", "2021-06-02"},
		{"on Thursday", "2021-05-27"},
		{"30 days ago", "2021-05-03"},
		{"yesterday", "2021-06-01"},
		{"the day before yesterday", "2021-05-31"},
		{"two weeks ago", "2021-05-19"},
		{"a year ago", "2020-06-02"},
		{"on January 5th", "2021-01-05"},
		{"on 25 December", "2020-12-25"},
	}
	for _, c := range cases {
		ms := Find(c.in)
		if len(ms) != 1 || !ms[0].Relative() {
			t.Errorf("%q: matches %+v", c.in, ms)
			continue
		}
		if got := ms[0].Resolve(ref).Format("2006-01-02"); got != c.want {
			t.Errorf("%q: %s, want %s", c.in, got, c.want)
		}
	}
	// Minutes and hours keep the clock.
	m := Find("posted 3 hours ago")[0]
	if got := m.Resolve(ref); !m.SubDay() || got.Format("15:04") != "06:08" {
		t.Errorf("3 hours ago: %v", got)
	}
}

func TestFindSeveralInOrder(t *testing.T) {
	s := "On Friday he spoke; on 2 June 2021 he wrote; 30 days ago he had not."
	ms := Find(s)
	if len(ms) != 3 || ms[0].Kind != Weekday || ms[1].Kind != Absolute || ms[2].Kind != Ago {
		t.Fatalf("got %+v", ms)
	}
}

func TestWeekdayJoinsItsDate(t *testing.T) {
	ms := Find("Friday, 4 June 2021")
	if len(ms) != 1 || ms[0].Kind != Absolute || ms[0].Start != 0 {
		t.Fatalf("a weekday before a full date is part of it: %+v", ms)
	}
}
