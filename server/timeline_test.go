package server

import (
	"strings"
	"testing"
)

func TestTimeline(t *testing.T) {
	counts := map[string]map[string]int{
		"2023-11": {"A": 2},
		"2024-02": {"A": 1, "B": 3},
		"2024-03": {"C": 1},
	}
	tl := buildTimeline(counts, []string{"B", "A", "C"}, 4, "outlet")
	if len(tl.Table) != 5 || tl.Table[0].Month != "2023-11" || tl.Table[4].Month != "2024-03" {
		t.Fatalf("months %+v: want every month from 2023-11 to 2024-03, gaps kept", tl.Table)
	}
	if tl.Total != 11 || tl.Undated != 4 || tl.Peak != "2024-02" || tl.PeakN != 4 {
		t.Errorf("totals: %+v", tl)
	}
	// Segments stack upward from the axis; the tallest bar fills the plot.
	var feb []segment
	for _, b := range tl.Bars {
		if b.Month == "2024-02" {
			feb = append(feb, b)
		}
		if b.Y < tl.PlotTop || b.Y+b.H > tl.PlotBottom || b.H < 1 {
			t.Errorf("bar %+v outside the plot", b)
		}
	}
	if len(feb) != 2 || feb[0].Group != "B" || feb[0].Y+feb[0].H != tl.PlotBottom || feb[1].Y+feb[1].H != feb[0].Y || feb[1].Y != tl.PlotTop {
		t.Errorf("February's stack %+v", feb)
	}
	if len(tl.Bars) != 4 {
		t.Errorf("%d segments, want 4 (empty months draw none)", len(tl.Bars))
	}
	if d := tl.Description(); !strings.Contains(d, "2023-11 to 2024-03") || !strings.Contains(d, "4 more are undated") {
		t.Errorf("description %q", d)
	}
	// Past maxGroups, the smallest groups share "other".
	many := map[string]map[string]int{"2024-01": {}}
	var order []string
	for i := 0; i < maxGroups+3; i++ {
		g := string(rune('a' + i))
		many["2024-01"][g] = 10 - i
		order = append(order, g)
	}
	tl = buildTimeline(many, order, 0, "outlet")
	if len(tl.Groups) != maxGroups+1 || tl.Groups[maxGroups] != "other" || tl.Table[0].Counts[maxGroups] != 4+3+2 {
		t.Errorf("groups %v, counts %v", tl.Groups, tl.Table[0].Counts)
	}
	if empty := buildTimeline(nil, nil, 2, "kind"); len(empty.Bars) != 0 || !strings.Contains(empty.Description(), "2 undated") {
		t.Errorf("no dated statements: %+v", empty)
	}
}
