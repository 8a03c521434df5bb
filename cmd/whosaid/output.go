package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Query output formats: a table for people, JSON lines, JSON or CSV for
// programs.
const (
	formatTable = "table"
	formatJSONL = "jsonl"
	formatJSON  = "json"
	formatCSV   = "csv"
)

// rowWriter writes records in one format. Each record is given as the
// value to encode as JSON and as table/CSV cells.
type rowWriter struct {
	w      io.Writer
	format string
	header []string
	tab    *tabwriter.Writer
	csv    *csv.Writer
	json   *json.Encoder
	n      int
}

func (a *app) outputFormat(format string) (string, error) {
	if format == "" {
		if a.stdoutTTY {
			return formatTable, nil
		}
		return formatJSONL, nil
	}
	switch format {
	case formatTable, formatJSONL, formatJSON, formatCSV:
		return format, nil
	}
	return "", fmt.Errorf("--format %q: want table, jsonl, json or csv", format)
}

func newRowWriter(w io.Writer, format string, header ...string) *rowWriter {
	r := &rowWriter{w: w, format: format, header: header}
	switch format {
	case formatTable:
		r.tab = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(r.tab, strings.ToUpper(strings.Join(header, "\t")))
	case formatCSV:
		r.csv = csv.NewWriter(w)
		r.csv.Write(header)
	case formatJSON:
		io.WriteString(w, "[")
		r.json = json.NewEncoder(w)
	default:
		r.json = json.NewEncoder(w)
	}
	if r.json != nil {
		r.json.SetEscapeHTML(false)
	}
	return r
}

// Write writes one record.
func (r *rowWriter) Write(v any, cells ...string) error {
	defer func() { r.n++ }()
	switch r.format {
	case formatTable:
		for i, c := range cells {
			cells[i] = strings.Join(strings.Fields(c), " ")
		}
		_, err := fmt.Fprintln(r.tab, strings.Join(cells, "\t"))
		return err
	case formatCSV:
		return r.csv.Write(cells)
	case formatJSON:
		if r.n > 0 {
			io.WriteString(r.w, ",")
		}
	}
	return r.json.Encode(v)
}

// Close flushes the output.
func (r *rowWriter) Close() error {
	switch r.format {
	case formatTable:
		return r.tab.Flush()
	case formatCSV:
		r.csv.Flush()
		return r.csv.Error()
	case formatJSON:
		_, err := io.WriteString(r.w, "]\n")
		return err
	}
	return nil
}

func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
