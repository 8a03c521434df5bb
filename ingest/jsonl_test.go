package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/clean"
)

// Each flavour of record gives the same article metadata, and what the
// record says wins over what cleaning reads from the text.
func TestJSONLFlavours(t *testing.T) {
	// The text's own headline, byline and dateline say something else
	// than the record: the record wins.
	body := `Harbour strike ends\n\nBy Tom Guess\n\nPORTVILLE (Wire Agency) - The dockworkers' leader Ana Lirio said on Monday that the strike was over. \"We have a deal,\" she said.`
	cases := []struct {
		name, line    string
		title, outlet string
		byline, url   string
		published     string
		clock         bool
		outletFrom    string
	}{
		{"whosaid", `{"url":"https://a.example/1","text":"` + body + `","title":"Dock strike over","outlet":"Coastal Gazette","author":"Mia Ferro","published":"2024-05-06"}`,
			"Dock strike over", "Coastal Gazette", "Mia Ferro", "https://a.example/1", "2024-05-06", false, "input record"},
		{"news-please", `{"url":"https://a.example/2","maintext":"` + body + `","title":"Dock strike over","source_domain":"gazette.example","authors":["Mia Ferro","Leo Brand"],"date_publish":"2024-05-06 09:30:00","date_download":"2024-05-07 10:00:00","language":"en"}`,
			"Dock strike over", "gazette.example", "Mia Ferro and Leo Brand", "https://a.example/2", "2024-05-06T09:30:00Z", true, "input record"},
		{"trafilatura", `{"source":"https://a.example/3","text":"` + body + `","title":"Dock strike over","sitename":"Coastal Gazette","hostname":"gazette.example","author":"Mia Ferro","date":"2024-05-06","fingerprint":"x"}`,
			"Dock strike over", "Coastal Gazette", "Mia Ferro", "https://a.example/3", "2024-05-06", false, "input record"},
		{"trafilatura without sitename", `{"url":"https://a.example/4","text":"` + body + `","hostname":"gazette.example","date":"2024-05-06"}`,
			"Harbour strike ends", "gazette.example", "Tom Guess", "https://a.example/4", "2024-05-06", false, "input record"},
		{"nothing given", `{"url":"https://a.example/5","text":"` + body + `"}`,
			"Harbour strike ends", "Wire Agency", "Tom Guess", "https://a.example/5", "", false, "text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var docs []*whosaid.Doc
			r := &Reader{}
			if err := r.Read("in.jsonl", strings.NewReader(c.line+"\n"), func(d *whosaid.Doc) bool { docs = append(docs, d); return true }); err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 {
				t.Fatalf("%d docs", len(docs))
			}
			d := docs[0]
			if err := (clean.Cleaner{}).Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			m := d.Meta
			if m.Title != c.title || m.Outlet != c.outlet || m.Byline != c.byline || d.URL != c.url {
				t.Errorf("title %q outlet %q byline %q url %q; want %q %q %q %q", m.Title, m.Outlet, m.Byline, d.URL, c.title, c.outlet, c.byline, c.url)
			}
			if m.OutletFrom != c.outletFrom {
				t.Errorf("outlet from %q, want %q", m.OutletFrom, c.outletFrom)
			}
			got := ""
			if m.Published != nil {
				got = m.Published.Format("2006-01-02")
				if m.PublishedClock {
					got = m.Published.Format("2006-01-02T15:04:05Z07:00")
				}
			}
			if got != c.published {
				t.Errorf("published %q (clock %v, from %q), want %q", got, m.PublishedClock, m.PublishedFrom, c.published)
			}
			if c.published != "" && m.PublishedFrom != "input record" {
				t.Errorf("published from %q", m.PublishedFrom)
			}
		})
	}
}

func TestJSONLBadAuthor(t *testing.T) {
	_, errs := readAll(t, "in.jsonl", []byte(`{"text":"The minister said taxes would not rise.","author":{"name":"x"}}`+"\n"))
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), "author") {
		t.Errorf("errors %v, want one naming the author field", errs)
	}
}
