package identity

import "testing"

func TestHasWords(t *testing.T) {
	cases := []struct {
		name, query     string
		words, prefixes bool
	}{
		{"Qais al-Khazali", "Qais", true, true},
		{"Qais al-Khazali", "qais khazali", true, true},
		{"Qais al-Khazali", "Khazali Qais", true, true},
		{"Qais al-Khazali", "Qa", false, true},
		{"Qais al-Khazali", "Ali", false, false},
		{"Gülşen Aydın", "gulsen", true, true},
		{"Shafaq News", "shafaq", true, true},
		{"Shafaq News", "new", false, true},
		{"Shafaq News", "shafaqnews", false, false},
		{"Shafaq News", "", false, false},
		{"Seán O'Brien", "obrien", true, true},
		{"Sean OBrien", "o'brien", true, true},
	}
	for _, c := range cases {
		if got := HasWords(c.name, c.query); got != c.words {
			t.Errorf("HasWords(%q, %q) = %v", c.name, c.query, got)
		}
		if got := HasWordPrefixes(c.name, c.query); got != c.prefixes {
			t.Errorf("HasWordPrefixes(%q, %q) = %v", c.name, c.query, got)
		}
	}
}
