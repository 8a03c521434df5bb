package wire

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

func sampleDoc() *whosaid.Doc {
	text := "“Café first,” she said, “then work.” — A. Smith"
	d := &whosaid.Doc{Source: "in.txt"}
	d.SetText(text)
	b := func(s string) int { return strings.Index(text, s) }
	src := whosaid.Span{Start: b("she"), End: b("she") + 3}
	cue := whosaid.Span{Start: b("said"), End: b("said") + 4}
	f1 := whosaid.Span{Start: 0, End: b(" she")}
	f2 := whosaid.Span{Start: b("“then"), End: b(" —")}
	pub := time.Date(2024, 3, 4, 9, 8, 0, 0, time.UTC)
	d.Meta = whosaid.Meta{Title: "T", Published: &pub, PublishedClock: true, PublishedFrom: "date line"}
	d.Mentions = []whosaid.Mention{{Span: src, Kind: whosaid.MentionPronoun, Entity: 0}}
	d.Entities = []whosaid.Entity{{Name: "Ann Smith", Type: whosaid.Person, Mentions: []int{0}, SpeakerID: "spk_1"}}
	d.Speakers = []whosaid.Speaker{{ID: "spk_1", Name: "Ann Smith", Type: whosaid.Person}}
	said := time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC)
	d.Statements = []whosaid.Statement{{Kind: whosaid.Direct, Source: &src, Cue: &cue, Content: []whosaid.Span{f1, f2}, Mention: 0, Entity: 0, SaidOn: &said, Confidence: 0.8999}}
	return d
}

func TestFromDocCodePointOffsets(t *testing.T) {
	a := FromDoc(sampleDoc())
	runes := []rune(a.Text)
	s := a.Statements[0]
	for _, sp := range []*Span{s.Source, s.Cue, s.Content} {
		if string(runes[sp.Start:sp.End]) != sp.Text {
			t.Errorf("span [%d,%d) gives %q, text says %q", sp.Start, sp.End, string(runes[sp.Start:sp.End]), sp.Text)
		}
	}
	if len(s.Content.Fragments) != 2 || string(runes[s.Content.Fragments[1][0]:s.Content.Fragments[1][1]]) != "“then work.”" {
		t.Errorf("fragments %v", s.Content.Fragments)
	}
	if s.Speaker == nil || s.Speaker.ID != "spk_1" || s.Speaker.Name != "Ann Smith" || s.Speaker.Type != "person" {
		t.Errorf("speaker %+v", s.Speaker)
	}
	if *a.Published != "2024-03-04T09:08:00Z" || *s.SaidOn != "2024-03-03" || s.Confidence != 0.9 || s.Article != a.ID {
		t.Errorf("dates/confidence/article: %s %s %v %s", *a.Published, *s.SaidOn, s.Confidence, s.Article)
	}
	if len(a.Speakers) != 1 || a.Speakers[0].Mentions[0] != "she" {
		t.Errorf("speakers %+v", a.Speakers)
	}
}

// TestUnknownIsNull: a value the input does not give is null in JSON,
// never "" (published_from, outlet, byline, url, said_on_from).
func TestUnknownIsNull(t *testing.T) {
	d := &whosaid.Doc{Source: "x.txt"}
	d.SetText("Nothing dated here.")
	b, err := json.Marshal(FromDoc(d))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	json.Unmarshal(b, &v)
	for _, k := range []string{"url", "title", "outlet", "byline", "published", "published_from"} {
		if x, ok := v[k]; !ok || x != nil {
			t.Errorf("%s = %#v, want null", k, x)
		}
	}
}

func sampleHit() Hit {
	h := FromHit(whosaid.StatementHit{ID: "a-1", ArticleID: "a", Kind: whosaid.Direct,
		Speaker: &whosaid.SpeakerRef{ID: "spk_1", Name: "Ann Smith", Type: whosaid.Person},
		Source:  &whosaid.TextSpan{Text: "she", Start: 14, End: 17}, Cue: &whosaid.TextSpan{Text: "said", Start: 18, End: 22},
		Content:   whosaid.TextSpan{Text: strings.Repeat("a long quotation, with a comma and \"quotes\" ", 5), Start: 0, End: 220},
		Fragments: [][2]int{{0, 12}, {24, 220}}, Outlet: "Daily Harbour", InputSource: "in.txt", Score: 1.23456})
	return h
}

// TestCSVKeepsEveryFieldWhole: CSV has every column of the JSON record and
// never cuts a value (the table does, CSV must not).
func TestCSVKeepsEveryFieldWhole(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter[Hit](&buf, FormatCSV)
	if err != nil {
		t.Fatal(err)
	}
	h := sampleHit()
	w.Write(h)
	w.Close()
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	row := map[string]string{}
	for i, k := range rows[0] {
		row[k] = rows[1][i]
	}
	if row["content"] != h.Content.Text || row["input"] != "in.txt" || row["fragments"] != "[[0,12],[24,220]]" || row["score"] != "1.235" {
		t.Errorf("csv row %v", row)
	}
	if row["published"] != "" || row["speaker_type"] != "person" {
		t.Errorf("csv row %v", row)
	}
}

func TestWriterFormats(t *testing.T) {
	for _, f := range []string{FormatJSONL, FormatJSON, FormatText} {
		var buf bytes.Buffer
		w, err := NewWriter[Article](&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(FromDoc(sampleDoc()))
		w.Write(FromDoc(sampleDoc()))
		w.Close()
		switch f {
		case FormatJSONL:
			for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
				var v map[string]any
				if err := json.Unmarshal([]byte(l), &v); err != nil {
					t.Errorf("jsonl line: %v", err)
				}
			}
		case FormatJSON:
			var v []map[string]any
			if err := json.Unmarshal(buf.Bytes(), &v); err != nil || len(v) != 2 {
				t.Errorf("json: %v, %d items", err, len(v))
			}
		case FormatText:
			if !strings.Contains(buf.String(), "Ann Smith [she] — said") {
				t.Errorf("text output: %s", buf.String())
			}
		}
	}
	if _, err := NewWriter[Article](&bytes.Buffer{}, "xml"); whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Errorf("unknown format accepted")
	}
	if _, err := NewWriter[Article](&bytes.Buffer{}, FormatCSV); whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Errorf("csv of articles accepted")
	}
	if _, err := NewWriter[Hit](&bytes.Buffer{}, FormatText); whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Errorf("text of hits accepted")
	}
	var buf bytes.Buffer
	w, _ := NewWriter[Hit](&buf, FormatJSON)
	w.Close()
	var v []any
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil || len(v) != 0 {
		t.Errorf("empty json output %q", buf.String())
	}
	buf.Reset()
	w, _ = NewWriter[Hit](&buf, FormatTable)
	w.Write(sampleHit())
	w.Close()
	if lines := strings.Split(strings.TrimSpace(buf.String()), "\n"); len(lines) != 2 || !strings.Contains(lines[1], "…") || !strings.HasPrefix(lines[0], "DATE") {
		t.Errorf("table: %q", buf.String())
	}
}
