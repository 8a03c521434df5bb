package ingest

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

// TestTelegram reads the export fixture: one article per message with
// text, the channel its outlet, Telegram its medium, a forward's origin
// its via, formatted text as plain words.
func TestTelegram(t *testing.T) {
	input, err := os.ReadFile("testdata/telegram-result.json")
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := readAll(t, "export/result.json", input)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []struct {
		id, via, date string
		text          string // a piece of the text
	}{
		{"2", "", "2024-03-04T09:15:00Z", "said.\n\nShips are already waiting"},
		{"3", "", "2024-03-04T11:40:12Z", "Dock strike called off\n\nThe union leader Tomas Reyes told members that the new offer was fair. Full statement: union site #port"},
		{"4", "Coast Ministry", "2024-03-05T07:02:00Z", "The ministry said the harbour fees"},
		{"6", "", "2024-03-06T18:30:00", "Evening update: @coastguard said the fog would lift by morning."},
	}
	if len(docs) != len(want) {
		t.Fatalf("%d articles, want %d (no service message, no post without text)", len(docs), len(want))
	}
	for i, w := range want {
		d := docs[i]
		if d.Source != "export/result.json#message-"+w.id || d.URL != "https://t.me/c/1700000001/"+w.id {
			t.Errorf("message %s: source %q url %q", w.id, d.Source, d.URL)
		}
		if d.OutletHint != "Harbour Wire" || d.Medium != whosaid.MediumTelegram || d.Via != w.via || d.MediaType != whosaid.MediaText {
			t.Errorf("message %s: outlet %q medium %q via %q media %q", w.id, d.OutletHint, d.Medium, d.Via, d.MediaType)
		}
		if !strings.Contains(string(d.Raw), w.text) {
			t.Errorf("message %s: text %q, want it to hold %q", w.id, d.Raw, w.text)
		}
		var got string
		if d.PublishedHint != nil {
			layout := time.RFC3339
			if d.PublishedHint.Location() == whosaid.Unzoned {
				layout = "2006-01-02T15:04:05"
			}
			got = d.PublishedHint.Format(layout)
		}
		if got != w.date {
			t.Errorf("message %s: date %q, want %q", w.id, got, w.date)
		}
	}
}

func TestTelegramBroken(t *testing.T) {
	input, err := os.ReadFile("testdata/telegram-result.json")
	if err != nil {
		t.Fatal(err)
	}
	cut := input[:len(input)*2/3]
	docs, errs := readAll(t, "cut/result.json", cut)
	if len(docs) < 1 || len(errs) != 1 || whosaid.ErrorCode(errs[0]) != whosaid.EInvalid ||
		!strings.HasPrefix(errs[0].Error(), "cut/result.json: not a readable Telegram export") {
		t.Errorf("a cut export: %d articles (want the ones before the cut), errors %v", len(docs), errs)
	}
	// JSON that is not an export is not taken for one.
	if looksTelegram([]byte(`{"url":"https://a.example/1","text":"The type of messages"}`)) {
		t.Errorf("a JSONL record looks like a Telegram export")
	}
}
