package wire

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Tabular is a record that can be written as a CSV row (every field
// whole) and as a table row (for people: clipped, fewer columns).
type Tabular interface {
	CSVHeader() []string
	CSVRecord() []string
	TableHeader() []string
	TableRecord() []string
}

var (
	_ Tabular = Hit{}
	_ Tabular = SpeakerSummary{}
	_ Tabular = Stats{}
)

// CSVHeader names the CSV columns of a Hit.
func (Hit) CSVHeader() []string {
	return []string{"id", "article", "kind", "speaker_id", "speaker", "speaker_type",
		"source", "source_start", "source_end", "cue", "cue_start", "cue_end",
		"content", "content_start", "content_end", "fragments", "said_on", "said_on_from", "confidence",
		"class", "class_confidence", "source_type", "cluster", "medium", "via",
		"published", "outlet", "title", "url", "input", "duplicate_of", "score"}
}

// CSVRecord is the Hit as one CSV row.
func (h Hit) CSVRecord() []string {
	var spID, spName, spType string
	if h.Speaker != nil {
		spID, spName, spType = h.Speaker.ID, h.Speaker.Name, h.Speaker.Type
	}
	cells := []string{h.ID, h.Article, h.Kind, spID, spName, spType}
	cells = append(cells, spanCells(h.Source)...)
	cells = append(cells, spanCells(h.Cue)...)
	cells = append(cells, spanCells(h.Content)...)
	frags := ""
	if h.Content != nil && len(h.Content.Fragments) > 0 {
		b, _ := json.Marshal(h.Content.Fragments)
		frags = string(b)
	}
	score := ""
	if h.Score != nil {
		score = strconv.FormatFloat(*h.Score, 'f', -1, 64)
	}
	return append(cells, frags, str(h.SaidOn), str(h.SaidOnFrom), strconv.FormatFloat(h.Confidence, 'f', -1, 64),
		h.Class, strconv.FormatFloat(h.ClassConfidence, 'f', -1, 64), h.SourceType, str(h.Cluster), str(h.Medium), str(h.Via),
		str(h.Published), str(h.Outlet), str(h.Title), str(h.URL), str(h.Input), str(h.DuplicateOf), score)
}

// TableHeader names the table columns of a Hit.
func (Hit) TableHeader() []string {
	return []string{"date", "speaker", "kind", "statement", "outlet", "id"}
}

// TableRecord is the Hit as a table row: its date (said on, else
// published), speaker, kind, the words (clipped), outlet and the
// statement's id (for `whosaid statement ID`; it starts with the
// article's id).
func (h Hit) TableRecord() []string {
	date := str(h.SaidOn)
	if date == "" && h.Published != nil && len(*h.Published) >= 10 {
		date = (*h.Published)[:10]
	}
	who := ""
	if h.Speaker != nil {
		who = h.Speaker.Name
	}
	content := ""
	if h.Content != nil {
		content = Clip(h.Content.Text, 90)
	}
	return []string{date, who, h.Kind, content, str(h.Outlet), h.ID}
}

// CSVHeader names the CSV columns of a SpeakerSummary.
func (SpeakerSummary) CSVHeader() []string {
	return []string{"id", "name", "type", "statements", "variants", "roles", "outlets", "per_month", "decisions"}
}

// CSVRecord is the speaker as one CSV row: lists joined by "; ", the
// months and decisions as JSON.
func (s SpeakerSummary) CSVRecord() []string {
	months, _ := json.Marshal(s.PerMonth)
	decisions, _ := json.Marshal(s.Decisions)
	return []string{s.ID, s.Name, s.Type, strconv.Itoa(s.Statements), strings.Join(s.Variants, "; "),
		strings.Join(s.Roles, "; "), strings.Join(s.Outlets, "; "), string(months), string(decisions)}
}

// TableHeader names the table columns of a SpeakerSummary.
func (SpeakerSummary) TableHeader() []string {
	return []string{"id", "name", "statements", "variants", "roles"}
}

// TableRecord is the speaker as a table row, lists clipped.
func (s SpeakerSummary) TableRecord() []string {
	return []string{s.ID, s.Name, strconv.Itoa(s.Statements), Clip(strings.Join(s.Variants, "; "), 60), Clip(strings.Join(s.Roles, "; "), 40)}
}

// CSVHeader names the CSV columns of Stats.
func (Stats) CSVHeader() []string {
	return []string{"articles", "statements", "speakers", "outlets", "bytes", "location"}
}

// CSVRecord is the Stats as one CSV row.
func (s Stats) CSVRecord() []string {
	return []string{strconv.Itoa(s.Articles), strconv.Itoa(s.Statements), strconv.Itoa(s.Speakers), strconv.Itoa(s.Outlets),
		strconv.FormatInt(s.Bytes, 10), s.Location}
}

// TableHeader names the table columns of Stats.
func (Stats) TableHeader() []string { return Stats{}.CSVHeader() }

// TableRecord is the Stats as a table row.
func (s Stats) TableRecord() []string { return s.CSVRecord() }

func spanCells(s *Span) []string {
	if s == nil {
		return []string{"", "", ""}
	}
	return []string{s.Text, strconv.Itoa(s.Start), strconv.Itoa(s.End)}
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Clip shortens s to n characters for a table, white space folded.
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
