package ingest

import (
	"bytes"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// Sniff tells what b holds: whosaid.MediaHTML, whosaid.MediaText, or an
// error with code EInvalid (binary) or EEmpty (nothing but white space).
// The extension of the input's name is used only when the content is
// ambiguous.
func Sniff(name string, b []byte) (string, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", whosaid.InputError(whosaid.EEmpty, name, "empty input")
	}
	if why := binaryReason(b); why != "" {
		return "", whosaid.InputError(whosaid.EInvalid, name, "not text: %s", why)
	}
	if looksHTML(b) {
		return whosaid.MediaHTML, nil
	}
	return whosaid.MediaText, nil
}

// binaryReason returns why b looks like a binary file, or "" if it looks
// like text in some 8-bit or Unicode encoding.
func binaryReason(b []byte) string {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	for _, m := range knownBinary {
		if bytes.HasPrefix(head, m.magic) {
			return m.what
		}
	}
	// UTF-16 text has NULs but is text; a byte-order mark says so.
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return ""
	}
	var nul, ctrl int
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			ctrl++
		}
	}
	if nul > 0 {
		return "contains NUL bytes"
	}
	if ctrl*20 > len(head) {
		return "too many control characters"
	}
	// Invalid UTF-8 is fine (it may be Latin-1 or Windows-1252), but a
	// large share of it with few letters suggests compressed data.
	if !utf8.Valid(head) {
		high := 0
		for _, c := range head {
			if c >= 0x80 {
				high++
			}
		}
		if high*3 > len(head) {
			return "mostly non-text bytes"
		}
	}
	return ""
}

var knownBinary = []struct {
	magic []byte
	what  string
}{
	{[]byte("%PDF-"), "a PDF file"},
	{[]byte("PK\x03\x04"), "a zip archive"},
	{[]byte("\x89PNG"), "a PNG image"},
	{[]byte("\xff\xd8\xff"), "a JPEG image"},
	{[]byte("GIF8"), "a GIF image"},
	{[]byte("\x7fELF"), "an executable"},
	{[]byte("BZh"), "a bzip2 archive"},
	{[]byte("\xfd7zXZ"), "an xz archive"},
	{[]byte("\x28\xb5\x2f\xfd"), "a zstd archive"},
	{[]byte("SQLite format 3"), "an SQLite database"},
}

// looksHTML reports whether b starts like an HTML document or is dense with
// common HTML tags.
func looksHTML(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\ufeff\xef\xbb\xbf"))
	for _, p := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<?xml version")} {
		if bytes.HasPrefix(lower, p) {
			// An XML prolog may also start a feed; only XHTML counts here.
			if p[1] == '?' {
				return bytes.Contains(lower, []byte("<html"))
			}
			return true
		}
	}
	tags := 0
	for _, t := range [][]byte{[]byte("<body"), []byte("<div"), []byte("<p>"), []byte("<p "), []byte("<meta "), []byte("<title>"), []byte("<br"), []byte("<a href")} {
		tags += bytes.Count(lower, t)
	}
	return tags >= 3
}
