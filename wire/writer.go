package wire

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/whosaid/whosaid"
)

// Output formats.
const (
	FormatTable = "table" // aligned columns, for people
	FormatJSONL = "jsonl" // one JSON object per line
	FormatJSON  = "json"  // one JSON array
	FormatCSV   = "csv"   // a header row, then one row per record, every field whole
	FormatText  = "text"  // articles as readable text (extract)
)

// Writer writes records of one type in one format. Close finishes the
// output (the closing bracket of a JSON array, the table's alignment).
type Writer[T any] struct {
	w      *bufio.Writer
	format string
	n      int
	tab    *tabwriter.Writer
	csv    *csv.Writer
	row    func(T) ([]string, bool) // the cells of a record for table or CSV
	text   func(io.Writer, T)
}

// NewWriter returns a writer of format to w. Formats a type cannot be
// written in are refused with EInvalid.
func NewWriter[T any](w io.Writer, format string) (*Writer[T], error) {
	out := &Writer[T]{w: bufio.NewWriter(w), format: format}
	var zero T
	tab, tabular := any(zero).(Tabular)
	_, isArticle := any(zero).(Article)
	switch format {
	case FormatJSONL, FormatJSON:
	case FormatCSV:
		if !tabular {
			return nil, whosaid.Errorf(whosaid.EInvalid, "--format csv is not available here (jsonl, json%s)", textChoice(isArticle))
		}
		out.csv = csv.NewWriter(out.w)
		out.csv.Write(tab.CSVHeader())
		out.row = func(v T) ([]string, bool) { return any(v).(Tabular).CSVRecord(), true }
	case FormatTable:
		if !tabular {
			return nil, whosaid.Errorf(whosaid.EInvalid, "--format table is not available here (jsonl, json%s)", textChoice(isArticle))
		}
		out.tab = tabwriter.NewWriter(out.w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(out.tab, strings.ToUpper(strings.Join(tab.TableHeader(), "\t")))
		out.row = func(v T) ([]string, bool) { return any(v).(Tabular).TableRecord(), true }
	case FormatText:
		if !isArticle {
			return nil, whosaid.Errorf(whosaid.EInvalid, "--format text is for articles")
		}
		out.text = func(w io.Writer, v T) { WriteArticleText(w, any(v).(Article)) }
	default:
		return nil, whosaid.Errorf(whosaid.EInvalid, "unknown output format %q (table, jsonl, json, csv or text)", format)
	}
	return out, nil
}

func textChoice(article bool) string {
	if article {
		return " or text"
	}
	return ""
}

// Write writes one record.
func (w *Writer[T]) Write(v T) error {
	defer func() { w.n++ }()
	switch w.format {
	case FormatJSONL:
		if err := encode(w.w, v, ""); err != nil {
			return err
		}
	case FormatJSON:
		if w.n == 0 {
			w.w.WriteString("[\n  ")
		} else {
			w.w.WriteString(",\n  ")
		}
		if err := encode(w.w, v, "  "); err != nil {
			return err
		}
	case FormatCSV:
		cells, _ := w.row(v)
		if err := w.csv.Write(cells); err != nil {
			return err
		}
		w.csv.Flush()
		if err := w.csv.Error(); err != nil {
			return err
		}
	case FormatTable:
		cells, _ := w.row(v)
		for i, c := range cells {
			cells[i] = strings.Join(strings.Fields(c), " ")
		}
		_, err := fmt.Fprintln(w.tab, strings.Join(cells, "\t"))
		return err
	case FormatText:
		w.text(w.w, v)
	}
	return w.w.Flush()
}

// encode writes v as JSON without HTML escaping (outputs are data, not
// pages), then a newline unless indenting inside an array.
func encode(w *bufio.Writer, v any, indent string) error {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(indent, "  ")
	}
	if err := enc.Encode(v); err != nil {
		return err
	}
	s := b.String()
	if indent != "" {
		s = strings.TrimSuffix(s, "\n")
	}
	_, err := w.WriteString(s)
	return err
}

// Count is the number of records written.
func (w *Writer[T]) Count() int { return w.n }

// Close ends the output.
func (w *Writer[T]) Close() error {
	switch w.format {
	case FormatJSON:
		if w.n == 0 {
			w.w.WriteString("[")
		}
		w.w.WriteString("\n]\n")
	case FormatTable:
		if err := w.tab.Flush(); err != nil {
			return err
		}
	}
	return w.w.Flush()
}
