package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

// readWARC streams the records of a WARC file (its gzip members, if any,
// are already undone by the caller) and emits each HTML or text response
// as a Doc with its target URL and crawl date. A record is never held in
// memory beyond limit; a damaged record is reported and the reader looks
// for the next record header.
func readWARC(name string, br *bufio.Reader, limit int64, rec func(*whosaid.Doc, error) bool) error {
	for n := 1; ; n++ {
		hdr, err := warcHeader(br)
		if err == io.EOF {
			return nil
		}
		where := fmt.Sprintf("%s#record-%d", name, n)
		if err != nil {
			if !rec(nil, whosaid.InputError(whosaid.EInvalid, where, "%v", err)) {
				return nil
			}
			if errors.Is(err, io.ErrUnexpectedEOF) || !resync(br) {
				return nil
			}
			continue
		}
		length, err := strconv.ParseInt(hdr.Get("Content-Length"), 10, 64)
		if err != nil || length < 0 {
			if !rec(nil, whosaid.InputError(whosaid.EInvalid, where, "bad Content-Length %q", hdr.Get("Content-Length"))) {
				return nil
			}
			if !resync(br) {
				return nil
			}
			continue
		}
		if uri := hdr.Get("WARC-Target-URI"); uri != "" {
			where = name + "#" + uri
		}
		wanted := wantRecord(hdr)
		if !wanted || length > limit {
			if _, err := io.CopyN(io.Discard, br, length); err != nil {
				if !rec(nil, whosaid.InputError(whosaid.EInvalid, where, "truncated record: %v", err)) {
					return nil
				}
				return nil
			}
			if wanted {
				if !rec(nil, whosaid.InputError(whosaid.EInvalid, where, "record of %s is larger than %s; skipped", byteSize(length), byteSize(limit))) {
					return nil
				}
			}
			skipRecordEnd(br)
			continue
		}
		block := make([]byte, length)
		if _, err := io.ReadFull(br, block); err != nil {
			if !rec(nil, whosaid.InputError(whosaid.EInvalid, where, "truncated record: fewer than its %d bytes", length)) {
				return nil
			}
			return nil
		}
		skipRecordEnd(br)
		d, err := warcDoc(where, hdr, block, limit)
		if err != nil || d != nil {
			if !rec(d, err) {
				return nil
			}
		}
	}
}

// warcHeader reads "WARC/1.x" and the named fields up to the blank line.
func warcHeader(br *bufio.Reader) (http.Header, error) {
	var version string
	for version == "" {
		line, err := br.ReadString('\n')
		if err != nil {
			if err == io.EOF && strings.TrimSpace(line) == "" {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("truncated record header: %w", io.ErrUnexpectedEOF)
		}
		version = strings.TrimSpace(line)
	}
	if !strings.HasPrefix(version, "WARC/") {
		return nil, fmt.Errorf("corrupt record: expected a WARC header, found %q", clipped(version))
	}
	h := http.Header{}
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("truncated record header: %w", io.ErrUnexpectedEOF)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return h, nil
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("corrupt record header line %q", clipped(line))
		}
		h.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
}

func clipped(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// resync skips to the next line that starts a WARC record.
func resync(br *bufio.Reader) bool {
	for {
		head, err := br.Peek(5)
		if err == nil && string(head) == "WARC/" {
			return true
		}
		if _, err := br.ReadSlice('\n'); err != nil && err != bufio.ErrBufferFull {
			return false
		}
	}
}

// skipRecordEnd consumes the blank lines that end a record.
func skipRecordEnd(br *bufio.Reader) {
	for {
		b, err := br.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			return
		}
		br.ReadByte()
	}
}

// wantRecord: responses (HTTP) and resources that can hold an article.
func wantRecord(h http.Header) bool {
	switch h.Get("WARC-Type") {
	case "response", "resource", "conversion":
		return true
	}
	return false
}

// warcDoc turns a record block into a Doc; nil without error for records
// that hold no article (redirects, images, errors).
func warcDoc(where string, h http.Header, block []byte, limit int64) (*whosaid.Doc, error) {
	body := block
	ctype := h.Get("Content-Type")
	if strings.HasPrefix(ctype, "application/http") {
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
		if err != nil {
			return nil, whosaid.InputError(whosaid.EInvalid, where, "corrupt HTTP response: %v", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, nil
		}
		ctype = resp.Header.Get("Content-Type")
		var r io.Reader = resp.Body
		if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				return nil, whosaid.InputError(whosaid.EInvalid, where, "corrupt gzip body: %v", err)
			}
			r = zr
		}
		body, err = io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			return nil, whosaid.InputError(whosaid.EInvalid, where, "truncated HTTP body: %v", err)
		}
		if int64(len(body)) > limit {
			return nil, whosaid.InputError(whosaid.EInvalid, where, "body larger than %s after decompression; skipped", byteSize(limit))
		}
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" && mt != "text/plain" {
		return nil, nil
	}
	media, err := Sniff(where, body)
	if err != nil {
		return nil, err
	}
	d := &whosaid.Doc{RawSHA256: whosaid.RawSHA256(body), Source: where, URL: h.Get("WARC-Target-URI"), Raw: body, MediaType: media}
	if t, err := time.Parse(time.RFC3339, h.Get("WARC-Date")); err == nil {
		d.Fetched = &t
	}
	return d, nil
}
