package ingest

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
)

type containerKind int

const (
	containerNone containerKind = iota
	containerWARC
	containerFeed
	containerJSONL
	containerTelegram
)

// container tells, from the first bytes (the name is only a hint for
// JSONL), whether an input holds many articles.
func container(name string, br *bufio.Reader) containerKind {
	head, _ := br.Peek(1024)
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(trimmed, []byte("WARC/")):
		return containerWARC
	case bytes.HasPrefix(trimmed, []byte("<?xml")) || bytes.HasPrefix(trimmed, []byte("<rss")) || bytes.HasPrefix(trimmed, []byte("<feed")):
		lower := bytes.ToLower(head)
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return containerFeed
		}
	case bytes.HasPrefix(trimmed, []byte("{")):
		if isTelegram(br) {
			return containerTelegram
		}
		ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))
		if ext == ".jsonl" || ext == ".ndjson" || ext == ".json" || looksJSONRecord(trimmed) {
			return containerJSONL
		}
	}
	return containerNone
}

// looksJSONRecord tells whether a line opens a JSON object with one of
// the fields an article record carries.
func looksJSONRecord(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	for _, k := range []string{`"html"`, `"text"`, `"url"`, `"maintext"`} {
		if bytes.Contains(line, []byte(k)) {
			return true
		}
	}
	return false
}
