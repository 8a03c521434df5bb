package wordclass

import (
	"bytes"
	"testing"
)

func TestWriteLoad(t *testing.T) {
	var b bytes.Buffer
	words := []string{"said", "told", "monday"}
	ids := [][3]uint16{{1, 2, 3}, {1, 2, 4}, {7, 8, 9}}
	if err := Write(&b, words, ids); err != nil {
		t.Fatal(err)
	}
	c, err := Load(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Classes("Told"); len(got) != 3 || got[2] != 4 {
		t.Errorf("Classes(Told) = %v", got)
	}
	if got := c.Classes("monday's"); len(got) != 3 || got[0] != 7 {
		t.Errorf("a possessive should fall back to its word: %v", got)
	}
	if c.Classes("qwxz") != nil {
		t.Errorf("an unknown word has classes")
	}
	if _, err := Load(bytes.NewReader(b.Bytes()[:b.Len()-3])); err == nil {
		t.Errorf("a truncated file loaded")
	}
}

// TestShippedClassesGroupRelatedWords checks that the shipped classes put
// words used alike together far more often than chance (1 in 256), and
// that the levels nest.
func TestShippedClassesGroupRelatedWords(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pairs := [][2]string{{"said", "says"}, {"said", "told"}, {"monday", "tuesday"}, {"france", "germany"},
		{"minister", "secretary"}, {"warned", "cautioned"}, {"army", "troops"}, {"january", "march"},
		{"denied", "rejected"}, {"city", "town"}}
	same := 0
	for _, p := range pairs {
		a, b := c.Classes(p[0]), c.Classes(p[1])
		if a == nil || b == nil {
			t.Fatalf("%q or %q has no class", p[0], p[1])
		}
		if a[1] == b[1] {
			same++
		}
		if a[2] == b[2] && (a[1] != b[1] || a[0] != b[0]) {
			t.Errorf("%q and %q share a fine class but not a coarse one", p[0], p[1])
		}
	}
	if same < 7 {
		t.Errorf("only %d of %d related pairs share a class of 256", same, len(pairs))
	}
	if c.Len() < 90000 {
		t.Errorf("%d words", c.Len())
	}
}

func BenchmarkClasses(b *testing.B) {
	c, _ := Default()
	words := []string{"said", "the", "Minister", "qwxz", "Tuesday's"}
	for i := 0; i < b.N; i++ {
		c.Classes(words[i%len(words)])
	}
}
