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

func TestFullest(t *testing.T) {
	cases := []struct {
		seen    map[string]int
		current string
		want    string
	}{
		{map[string]int{"Ana Pereira": 3, "A. Maria Pereira": 1, "Pereira": 5}, "Ana Pereira", "Ana Pereira"},
		{map[string]int{"Ana Pereira": 1, "Ana Maria Pereira": 1}, "Ana Pereira", "Ana Maria Pereira"},
		{map[string]int{"ANA MARIA PEREIRA": 2, "Ana Pereira": 1}, "ANA MARIA PEREIRA", "Ana Pereira"},
		{map[string]int{"Tomas Lenk": 1, "Tomas J. Lenk": 1}, "Tomas Lenk", "Tomas J. Lenk"},
		{map[string]int{"UNHCR": 1}, "UNHCR", "UNHCR"},
	}
	for _, c := range cases {
		if got := Fullest(c.seen, c.current); got != c.want {
			t.Errorf("Fullest(%v, %q) = %q, want %q", c.seen, c.current, got, c.want)
		}
	}
}
