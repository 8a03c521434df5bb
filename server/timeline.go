package server

import (
	"fmt"
	"sort"
	"strconv"
	"time"
)

// timeline is a stacked bar chart of statements per month, drawn on the
// server as SVG: a bar per month from the first dated statement to the
// last (empty months kept, so gaps show), a segment per group (outlet or
// kind), a title, a description and a table for those who cannot see it.
type timeline struct {
	Width, Height int
	PlotTop       int
	PlotBottom    int
	Left          int
	Bars          []segment
	XLabels       []label
	YTicks        []label
	Legend        []legendEntry
	// Months and Table give the same numbers as rows (the chart's text
	// alternative).
	Table   []tableRow
	Groups  []string
	Undated int
	Total   int
	Peak    string // the busiest month
	PeakN   int
	From    string
	To      string
	By      string // "outlet" or "kind"
}

type segment struct {
	X, Y, W, H int
	Month      string
	Group      string
	Class      string
	N          int
}

type label struct {
	X, Y int
	Text string
}

type legendEntry struct {
	Name  string
	Class string
	N     int
}

type tableRow struct {
	Month  string
	Counts []int
	Total  int
}

// maxGroups is how many groups get their own colour; the rest are one
// "other" group.
const maxGroups = 6

// Chart geometry, in SVG user units.
const (
	chartHeight = 180
	chartTop    = 10
	chartBottom = 150
	chartLeft   = 34
	barStep     = 14
	barWidth    = 10
	minWidth    = 320
)

// buildTimeline lays out counts (month "YYYY-MM" → group → statements);
// order lists the groups in legend order (the first maxGroups keep their
// own colour). undated counts statements with no date.
func buildTimeline(counts map[string]map[string]int, order []string, undated int, by string) *timeline {
	t := &timeline{Undated: undated, By: by, Height: chartHeight, PlotTop: chartTop, PlotBottom: chartBottom, Left: chartLeft}
	if len(counts) == 0 {
		t.Total = undated
		return t
	}
	groups := order
	other := ""
	if len(groups) > maxGroups {
		groups, other = append(append([]string{}, order[:maxGroups]...), "other"), "other"
	}
	groupOf := map[string]int{}
	for i, g := range order {
		groupOf[g] = min(i, len(groups)-1)
	}
	t.Groups = groups
	var months []string
	for m := range counts {
		months = append(months, m)
	}
	sort.Strings(months)
	first, err1 := time.Parse("2006-01", months[0])
	last, err2 := time.Parse("2006-01", months[len(months)-1])
	if err1 != nil || err2 != nil {
		return t
	}
	t.From, t.To = months[0], months[len(months)-1]
	var all []string
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		all = append(all, m.Format("2006-01"))
	}
	rows := make([]tableRow, len(all))
	maxN := 0
	for i, m := range all {
		rows[i] = tableRow{Month: m, Counts: make([]int, len(groups))}
		for g, n := range counts[m] {
			k, ok := groupOf[g]
			if !ok {
				k = len(groups) - 1
			}
			rows[i].Counts[k] += n
			rows[i].Total += n
		}
		t.Total += rows[i].Total
		if rows[i].Total > maxN {
			maxN = rows[i].Total
			t.Peak, t.PeakN = m, rows[i].Total
		}
	}
	t.Total += undated
	t.Width = max(minWidth, chartLeft+len(all)*barStep+8)
	scale := float64(chartBottom-chartTop) / float64(max(maxN, 1))
	for i, row := range rows {
		x := chartLeft + i*barStep + (barStep-barWidth)/2
		y := chartBottom
		for k, n := range row.Counts {
			if n == 0 {
				continue
			}
			h := max(1, int(float64(n)*scale+0.5))
			y -= h
			t.Bars = append(t.Bars, segment{X: x, Y: y, W: barWidth, H: h, Month: row.Month, Group: groups[k], Class: "g" + strconv.Itoa(k), N: n})
		}
		// The first month in full, then each January's year (unless
		// crowding the first label).
		switch {
		case i == 0:
			t.XLabels = append(t.XLabels, label{X: chartLeft + i*barStep, Y: chartBottom + 16, Text: row.Month})
		case row.Month[5:] == "01" && i >= 4:
			t.XLabels = append(t.XLabels, label{X: chartLeft + i*barStep, Y: chartBottom + 16, Text: row.Month[:4]})
		}
	}
	for _, v := range []int{0, maxN / 2, maxN} {
		if v == 0 && maxN > 0 || v > 0 {
			t.YTicks = append(t.YTicks, label{X: chartLeft - 6, Y: chartBottom - int(float64(v)*scale+0.5), Text: strconv.Itoa(v)})
		}
	}
	t.YTicks = dedupeTicks(t.YTicks)
	for k, g := range groups {
		n := 0
		for _, row := range rows {
			n += row.Counts[k]
		}
		if n > 0 || g != other {
			t.Legend = append(t.Legend, legendEntry{Name: g, Class: "g" + strconv.Itoa(k), N: n})
		}
	}
	t.Table = rows
	return t
}

func dedupeTicks(ls []label) []label {
	var out []label
	seen := map[string]bool{}
	for _, l := range ls {
		if !seen[l.Text] {
			seen[l.Text] = true
			out = append(out, l)
		}
	}
	return out
}

// Description is the chart's text for screen readers.
func (t *timeline) Description() string {
	if t.From == "" {
		return fmt.Sprintf("No dated statements (%d undated).", t.Undated)
	}
	s := fmt.Sprintf("%d statements from %s to %s by %s; the busiest month is %s with %d.", t.Total-t.Undated, t.From, t.To, t.By, t.Peak, t.PeakN)
	if t.Undated > 0 {
		s += fmt.Sprintf(" %d more are undated.", t.Undated)
	}
	return s
}
