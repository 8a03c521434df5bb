package main

import (
	"strings"
	"testing"
)

func TestNamesCompare(t *testing.T) {
	in := "name1\tname2\tsame\nQais al-Khazali\tSheikh Qais Khazaali\t1\nMuqtada al-Sadr\tMohammed Baqir al-Sadr\t0\nno tab here\n"
	code, out, errs := run(t, in, "names", "compare")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 result lines (header skipped), got %q", out)
	}
	if f := strings.Split(lines[0], "\t"); len(f) != 4 || f[2] != "1" {
		t.Errorf("variants of one name: %q", lines[0])
	}
	if f := strings.Split(lines[1], "\t"); len(f) != 4 || f[2] != "0" {
		t.Errorf("two people sharing a family name: %q", lines[1])
	}
	if code != 1 || !strings.Contains(errs, "line 4") {
		t.Errorf("a malformed line should be reported and exit 1: code %d, stderr %q", code, errs)
	}
}
