package ingest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/whosaid/whosaid"
)

// jsonRecord is one line of a JSONL input.
type jsonRecord struct {
	URL       string `json:"url"`
	HTML      string `json:"html"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Fetched   string `json:"fetched"`
}

// readJSONL streams {"url","html"|"text","published","fetched"} lines. A
// line longer than limit is skipped without being held in memory.
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
	raw := []byte(r.HTML)
	if r.HTML == "" {
		raw = []byte(r.Text)
	}
	media, err := Sniff(where, raw)
	if err != nil {
		return nil, err
	}
	if r.HTML != "" {
		media = whosaid.MediaHTML
	}
	d := &whosaid.Doc{RawSHA256: whosaid.RawSHA256(raw), Source: where, URL: r.URL, Raw: raw, MediaType: media}
	if d.PublishedHint, err = recordTime(where, "published", r.Published); err != nil {
		return nil, err
	}
	if d.Fetched, err = recordTime(where, "fetched", r.Fetched); err != nil {
		return nil, err
	}
	return d, nil
}

// recordTime reads an RFC 3339 time or a YYYY-MM-DD day.
func recordTime(where, field, s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t, nil
		}
	}
	return nil, whosaid.InputError(whosaid.EInvalid, where, "%s %q is not a date (want RFC 3339 or YYYY-MM-DD)", field, s)
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
