package names

import "testing"

func FuzzCompare(f *testing.F) {
	f.Add("Sheikh Qais al-Khazali", "Khazaali")
	f.Add("Abdul-", "al-")
	f.Fuzz(func(t *testing.T, a, b string) {
		s1, x := Compare(a, b)
		s2, y := Compare(b, a)
		if s1 != s2 || x < 0 || x > 1.0001 || y < 0 || y > 1.0001 {
			t.Fatalf("Compare(%q, %q) = %v %.3f, reversed %v %.3f", a, b, s1, x, s2, y)
		}
		Keys(a)
	})
}
