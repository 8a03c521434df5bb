package identity

import (
	"slices"
	"testing"
)

func TestUnpadded(t *testing.T) {
	cases := []struct {
		in   []string
		want []string
		name string
	}{
		{[]string{"Calls Out Ana Pereira", "Ana Pereira", "Pereira"}, []string{"Ana Pereira", "Pereira"}, "Ana Pereira"},
		{[]string{"Ana Pereira Lisbon", "Ana Pereira"}, []string{"Ana Pereira"}, "Ana Pereira"},
		{[]string{"Ana Maria Pereira", "Ana Pereira"}, []string{"Ana Maria Pereira", "Ana Pereira"}, "Ana Maria Pereira"}, // a middle name is no padding
		{[]string{"Tomas Lenk Jr.", "Tomas Lenk"}, []string{"Tomas Lenk Jr.", "Tomas Lenk"}, "Tomas Lenk Jr."},
		{[]string{"Hotel Pereira", "Pereira"}, []string{"Hotel Pereira", "Pereira"}, "Hotel Pereira"}, // a one-word name pads nothing
	}
	for _, c := range cases {
		got, name := unpadded(c.in)
		if !slices.Equal(got, c.want) || name != c.name {
			t.Errorf("unpadded(%q) = %q, %q; want %q, %q", c.in, got, name, c.want, c.name)
		}
	}
}
