package wire

import (
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

func TestFormatDate(t *testing.T) {
	cases := []struct {
		t     time.Time
		clock bool
		want  string
	}{
		{time.Date(2021, 6, 2, 9, 8, 0, 0, whosaid.Unzoned), true, "2021-06-02T09:08:00"}, // the text gave no zone
		{time.Date(2021, 6, 2, 9, 8, 0, 0, time.UTC), true, "2021-06-02T09:08:00Z"},
		{time.Date(2021, 6, 2, 9, 8, 0, 0, time.FixedZone("", 3600)), true, "2021-06-02T09:08:00+01:00"},
		{time.Date(2021, 6, 2, 9, 8, 0, 0, time.UTC), false, "2021-06-02"},
	}
	for _, c := range cases {
		if got := FormatTime(c.t, c.clock); got != c.want {
			t.Errorf("FormatTime(%v, %v) = %q, want %q", c.t, c.clock, got, c.want)
		}
	}
}
