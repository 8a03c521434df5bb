package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

const page = "<html><head><title>T</title></head><body><p>The mayor said the bridge would reopen next spring after the repairs.</p></body></html>"

func warcRecord(typ, uri, ctype, block string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, ctype, len(block), block)
}

func httpResponse(status, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

func readAll(t *testing.T, name string, input []byte) (docs []*whosaid.Doc, errs []error) {
	t.Helper()
	r := &Reader{OnRecordError: func(err error) { errs = append(errs, err) }}
	err := r.Read(name, bytes.NewReader(input), func(d *whosaid.Doc) bool { docs = append(docs, d); return true })
	if err != nil {
		errs = append(errs, err)
	}
	return docs, errs
}

func TestWARC(t *testing.T) {
	var w strings.Builder
	w.WriteString(warcRecord("warcinfo", "", "application/warc-fields", "software: test\r\n"))
	w.WriteString(warcRecord("request", "https://news.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n"))
	w.WriteString(warcRecord("response", "https://news.example/a", "application/http; msgtype=response", httpResponse("200 OK", "text/html; charset=utf-8", page)))
	w.WriteString(warcRecord("response", "https://news.example/moved", "application/http; msgtype=response", httpResponse("301 Moved", "text/html", "")))
	w.WriteString(warcRecord("response", "https://news.example/logo.png", "application/http; msgtype=response", httpResponse("200 OK", "image/png", "\x89PNG")))
	w.WriteString("this line is damage, not a record\r\n\r\n")
	w.WriteString(warcRecord("response", "https://news.example/b", "application/http; msgtype=response", httpResponse("200 OK", "text/html", strings.Replace(page, "mayor", "governor", 1))))
	// A last record cut short.
	last := warcRecord("response", "https://news.example/c", "application/http; msgtype=response", httpResponse("200 OK", "text/html", page))
	w.WriteString(last[:len(last)-60])

	for _, gz := range []bool{false, true} {
		input := []byte(w.String())
		if gz {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write(input)
			zw.Close()
			input = b.Bytes()
		}
		docs, errs := readAll(t, "crawl.warc", input)
		if len(docs) != 2 {
			t.Fatalf("gzip=%v: %d docs, want the 2 good HTML responses (errors: %v)", gz, len(docs), errs)
		}
		if docs[0].URL != "https://news.example/a" || docs[0].Fetched == nil || docs[0].MediaType != whosaid.MediaHTML ||
			!strings.Contains(docs[0].Source, "crawl.warc#https://news.example/a") {
			t.Errorf("first doc: %+v", docs[0])
		}
		if !bytes.Contains(docs[1].Raw, []byte("governor")) {
			t.Errorf("the record after the damage was not read")
		}
		if len(errs) != 2 {
			t.Errorf("gzip=%v: want 2 errors (damage, truncation), got %v", gz, errs)
		}
		for _, err := range errs {
			if !strings.Contains(err.Error(), "crawl.warc") {
				t.Errorf("error does not name the input: %v", err)
			}
		}
	}
}

func TestWARCSameArticleSameID(t *testing.T) {
	rec := warcRecord("response", "https://news.example/a", "application/http; msgtype=response", httpResponse("200 OK", "text/html", page))
	docs, _ := readAll(t, "x.warc", []byte(rec+rec))
	if len(docs) != 2 || docs[0].RawSHA256 != docs[1].RawSHA256 {
		t.Fatalf("the same article must get the same id: %d docs", len(docs))
	}
}

const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Coast News</title>
<item><title>Strike ends</title><link>https://coast.example/strike</link>
<pubDate>Fri, 03 Mar 2023 08:15:00 +0000</pubDate>
<description><![CDATA[<p>Dock workers voted to accept the pay offer.</p><p>“We go back Monday,” the union said.</p>]]></description></item>
<item><title>Empty</title><link>https://coast.example/empty</link></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill</title>
<entry><title>Budget passes</title><link href="https://hill.example/budget"/><updated>2022-02-14T09:00:00Z</updated>
<content type="html">&lt;p&gt;The assembly passed the budget at dawn, the speaker said.&lt;/p&gt;</content></entry>
</feed>`

func TestFeeds(t *testing.T) {
	docs, errs := readAll(t, "coast.rss", []byte(rss))
	if len(docs) != 1 || len(errs) != 1 {
		t.Fatalf("rss: %d docs, errors %v", len(docs), errs)
	}
	d := docs[0]
	text := string(d.Raw)
	if d.URL != "https://coast.example/strike" || d.OutletHint != "Coast News" || d.PublishedHint == nil || d.PublishedHint.Format("2006-01-02") != "2023-03-03" ||
		!strings.HasPrefix(text, "Strike ends\n\n") || !strings.Contains(text, "accept the pay offer.\n\n“We go back") || strings.Contains(text, "<p>") {
		t.Errorf("rss item: url %q date %v text %q", d.URL, d.PublishedHint, text)
	}
	docs, errs = readAll(t, "hill.xml", []byte(atom))
	if len(docs) != 1 || len(errs) != 0 || !strings.Contains(string(docs[0].Raw), "passed the budget at dawn") {
		t.Fatalf("atom: %d docs, errors %v", len(docs), errs)
	}
	if _, errs := readAll(t, "broken.rss", []byte(`<?xml version="1.0"?><rss><channel><item><title>x`)); len(errs) == 0 {
		t.Errorf("a broken feed gave no error")
	}
}

func TestJSONL(t *testing.T) {
	long := `{"text":"` + strings.Repeat("a", 300) + `"}`
	input := strings.Join([]string{
		`{"url":"https://a.example/1","html":"` + strings.ReplaceAll(page, `"`, `\"`) + `","published":"2024-01-02","fetched":"2024-01-03T04:05:06Z"}`,
		`{"url":"https://a.example/2","text":"The minister said taxes would not rise this year."}`,
		`not json`,
		long,
		`{"url":"https://a.example/3","text":"","published":"yesterday"}`,
		``,
	}, "\n")
	r := &Reader{MaxBytes: 256}
	var docs []*whosaid.Doc
	var errs []error
	r.OnRecordError = func(err error) { errs = append(errs, err) }
	if err := r.Read("feed.jsonl", strings.NewReader(input), func(d *whosaid.Doc) bool { docs = append(docs, d); return true }); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].MediaType != whosaid.MediaHTML || docs[1].MediaType != whosaid.MediaText {
		t.Fatalf("%d docs", len(docs))
	}
	if docs[0].Given.Published == nil || docs[0].Fetched == nil || docs[0].Fetched.Hour() != 4 {
		t.Errorf("dates of the first record: %v %v", docs[0].Given.Published, docs[0].Fetched)
	}
	if len(errs) != 3 {
		t.Fatalf("want 3 record errors (not json, too long, empty text), got %v", errs)
	}
	if !strings.Contains(errs[0].Error(), "feed.jsonl:3") || !strings.Contains(errs[1].Error(), "longer than") {
		t.Errorf("errors should name the line and the reason: %v", errs)
	}
}
