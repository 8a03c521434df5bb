package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

func sampleDoc() *whosaid.Doc {
	text := "“Café first,” she said, “then work.” — A. Smith"
	d := &whosaid.Doc{ID: "abc", Source: "in.txt", Text: text}
	b := func(s string) int { return strings.Index(text, s) }
	src := whosaid.Span{Start: b("she"), End: b("she") + 3}
	cue := whosaid.Span{Start: b("said"), End: b("said") + 4}
	f1 := whosaid.Span{Start: 0, End: b(" she")}
	f2 := whosaid.Span{Start: b("“then"), End: b(" —")}
	pub := time.Date(2024, 3, 4, 9, 8, 0, 0, time.UTC)
	d.Meta = whosaid.Meta{Title: "T", Published: &pub, PublishedClock: true, PublishedFrom: "date line"}
	d.Mentions = []whosaid.Mention{{Span: src, Kind: whosaid.MentionPronoun, Entity: 0}}
	d.Entities = []whosaid.Entity{{Name: "Ann Smith", Type: whosaid.Person, Mentions: []int{0}, SpeakerID: "spk_1"}}
	said := time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC)
	d.Statements = []whosaid.Statement{{Kind: whosaid.Direct, Source: &src, Cue: &cue, Content: []whosaid.Span{f1, f2}, Mention: 0, Entity: 0, SaidOn: &said, Confidence: 0.8999}}
	return d
}

func TestFromDocCodePointOffsets(t *testing.T) {
	a := FromDoc(sampleDoc())
	runes := []rune(a.Text)
	s := a.Statements[0]
	for _, sp := range []*TextSpan{s.Source, s.Cue, s.Content} {
		if string(runes[sp.Start:sp.End]) != sp.Text {
			t.Errorf("span [%d,%d) gives %q, text says %q", sp.Start, sp.End, string(runes[sp.Start:sp.End]), sp.Text)
		}
	}
	if len(s.Content.Fragments) != 2 || string(runes[s.Content.Fragments[1][0]:s.Content.Fragments[1][1]]) != "“then work.”" {
		t.Errorf("fragments %v", s.Content.Fragments)
	}
	if s.Speaker == nil || s.Speaker.ID != "spk_1" || s.Speaker.Name != "Ann Smith" {
		t.Errorf("speaker %+v", s.Speaker)
	}
	if *a.Published != "2024-03-04T09:08:00Z" || *s.SaidOn != "2024-03-03" || s.Confidence != 0.9 {
		t.Errorf("dates/confidence: %s %s %v", *a.Published, *s.SaidOn, s.Confidence)
	}
	if a.Outlet != nil || a.Byline != nil {
		t.Errorf("unknown outlet and byline must be null")
	}
	if len(a.Speakers) != 1 || a.Speakers[0].Mentions[0] != "she" {
		t.Errorf("speakers %+v", a.Speakers)
	}
}

func TestWriterFormats(t *testing.T) {
	for _, f := range []string{FormatJSONL, FormatJSON, FormatText} {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(sampleDoc())
		w.Write(sampleDoc())
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
	if _, err := NewWriter(&bytes.Buffer{}, "xml"); whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Errorf("unknown format accepted")
	}
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, FormatJSON)
	w.Close()
	var v []any
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil || len(v) != 0 {
		t.Errorf("empty json output %q", buf.String())
	}
}
