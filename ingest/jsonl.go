package ingest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

// jsonRecord is one line of a JSONL input: whosaid's own fields, and the
// names two common scrapers write (news-please: maintext, date_publish,
// date_download, source_domain, authors; trafilatura's JSON: text, date,
// sitename, hostname, author, source for the address). Where several name
// one thing, the first of each list in jsonDoc wins.
type jsonRecord struct {
	URL       string `json:"url"`
	HTML      string `json:"html"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Fetched   string `json:"fetched"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Author    names  `json:"author"`

	MainText     string `json:"maintext"`
	RawText      string `json:"raw_text"`
	DatePublish  string `json:"date_publish"`
	DateDownload string `json:"date_download"`
	SourceDomain string `json:"source_domain"`
	Authors      names  `json:"authors"`

	Date     string `json:"date"`
	SiteName string `json:"sitename"`
	Hostname string `json:"hostname"`
	Source   string `json:"source"`
}

// names reads an author field given as one string or as a list of them.
type names []string

func (n *names) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*n = names{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("an author is a string or a list of strings")
	}
	*n = many
	return nil
}

// joined is the authors as one byline ("A and B", "A, B and C").
func (n names) joined() string {
	var keep []string
	for _, s := range n {
		if s = strings.TrimSpace(s); s != "" {
			keep = append(keep, s)
		}
	}
	switch len(keep) {
	case 0:
		return ""
	case 1:
		return keep[0]
	}
	return strings.Join(keep[:len(keep)-1], ", ") + " and " + keep[len(keep)-1]
}

// first returns the first non-blank of ss with the name of its field.
func first(ss ...[2]string) (value, field string) {
	for _, s := range ss {
		if v := strings.TrimSpace(s[1]); v != "" {
			return v, s[0]
		}
	}
	return "", ""
}

// readJSONL streams one record a line (jsonRecord). A line longer than
// limit is skipped without being held in memory.
func readJSONL(name string, br *bufio.Reader, limit int64, rec func(*whosaid.Doc, error) bool) error {
	for n := 1; ; n++ {
		line, err := readLine(br, limit)
		where := fmt.Sprintf("%s:%d", name, n)
		if errors.Is(err, errLineTooLong) {
			if !rec(nil, whosaid.InputError(whosaid.EInvalid, where, "line longer than %s; skipped", byteSize(limit))) {
				return nil
			}
			continue
		}
		if len(line) > 0 {
			if !rec(jsonDoc(where, line)) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return whosaid.InputError(whosaid.EInvalid, where, "read failed: %v", err)
		}
	}
}

func jsonDoc(where string, line []byte) (*whosaid.Doc, error) {
	var r jsonRecord
	if err := json.Unmarshal(line, &r); err != nil {
		return nil, whosaid.InputError(whosaid.EInvalid, where, "not a JSON object: %v", err)
	}
	body, field := first([2]string{"html", r.HTML}, [2]string{"text", r.Text}, [2]string{"maintext", r.MainText}, [2]string{"raw_text", r.RawText})
	raw := []byte(body)
	if field == "html" {
		raw = []byte(r.HTML)
	}
	media, err := Sniff(where, raw)
	if err != nil {
		return nil, err
	}
	if field == "html" {
		media = whosaid.MediaHTML
	}
	url, _ := first([2]string{"url", r.URL}, [2]string{"source", webAddress(r.Source)})
	d := &whosaid.Doc{RawSHA256: whosaid.RawSHA256(raw), Source: where, URL: url, Raw: raw, MediaType: media}
	d.Given.Title = r.Title
	d.Given.Outlet, _ = first([2]string{"outlet", r.Outlet}, [2]string{"sitename", r.SiteName},
		[2]string{"source_domain", r.SourceDomain}, [2]string{"hostname", r.Hostname})
	d.Given.Byline, _ = first([2]string{"author", r.Author.joined()}, [2]string{"authors", r.Authors.joined()})
	published, pfield := first([2]string{"published", r.Published}, [2]string{"date_publish", r.DatePublish}, [2]string{"date", r.Date})
	if d.Given.Published, err = recordTime(where, pfield, published); err != nil {
		return nil, err
	}
	d.Given.PublishedClock = d.Given.Published != nil && len(published) > len("2006-01-02")
	fetched, ffield := first([2]string{"fetched", r.Fetched}, [2]string{"date_download", r.DateDownload})
	if d.Fetched, err = recordTime(where, ffield, fetched); err != nil {
		return nil, err
	}
	return d, nil
}

// webAddress is s when it is an http(s) address (trafilatura's "source"
// may be one), else "".
func webAddress(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return s
	}
	return ""
}

// recordTime reads an RFC 3339 time or a YYYY-MM-DD day.
func recordTime(where, field, s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	// news-please writes "2006-01-02 15:04:05".
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t, nil
		}
	}
	return nil, whosaid.InputError(whosaid.EInvalid, where, "%s %q is not a date (want RFC 3339, YYYY-MM-DD hh:mm:ss or YYYY-MM-DD)", field, s)
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its end, holding at most limit
// bytes; a longer line is consumed and reported as errLineTooLong.
func readLine(br *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			if err == nil || err == io.EOF {
				return nil, errLineTooLong
			}
			return nil, err
		}
		for len(line) > 0 && (line[len(line)-1] == '\n' || line[len(line)-1] == '\r') {
			line = line[:len(line)-1]
		}
		return line, err
	}
}
