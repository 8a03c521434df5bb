package score

import "testing"

func TestShingleMatch(t *testing.T) {
	gold := "one two three four five six"
	cases := []struct {
		pred       string
		tp, fp, fn int
	}{
		{"one two three four five six", 3, 0, 0},
		{"one two three four five", 2, 0, 1},
		{"zero one two three four five six", 3, 1, 0},
		{"", 0, 0, 3},
		{"one, two; three four! five six", 3, 0, 0}, // punctuation is not a word
	}
	for _, c := range cases {
		s := ShingleMatch(gold, c.pred, 4)
		if s.TP != c.tp || s.FP != c.fp || s.FN != c.fn {
			t.Errorf("%q: %+v, want tp=%d fp=%d fn=%d", c.pred, s, c.tp, c.fp, c.fn)
		}
	}
	macro, micro := AverageShingles([]Shingles{{TP: 3}, {TP: 1, FP: 1, FN: 1}})
	if macro.P != 75 || macro.R != 75 || micro.P != 80 {
		t.Errorf("macro %+v micro %+v", macro, micro)
	}
}
