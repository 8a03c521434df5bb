package dates

import (
	"testing"
	"time"
)

func FuzzFind(f *testing.F) {
	f.Add("Wednesday 2 June 2021 - 09:08, 30 days ago, on Friday, 01/20/2022")
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, m := range Find(s) {
			if m.Start < last || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("bad span %d-%d in %q", m.Start, m.End, s)
			}
			last = m.End
			m.Resolve(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
		}
	})
}
