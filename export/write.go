package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/whosaid/whosaid"
)

// Formats `whosaid extract` writes.
const (
	FormatJSONL = "jsonl"
	FormatJSON  = "json"
	FormatText  = "text"
)

// Writer writes articles in one format. Close finishes the output (the
// closing bracket of a JSON array).
type Writer struct {
	w      *bufio.Writer
	format string
	n      int
}

// NewWriter returns a writer of format to w.
func NewWriter(w io.Writer, format string) (*Writer, error) {
	switch format {
	case FormatJSONL, FormatJSON, FormatText:
	default:
		return nil, whosaid.Errorf(whosaid.EInvalid, "unknown output format %q (jsonl, json or text)", format)
	}
	return &Writer{w: bufio.NewWriter(w), format: format}, nil
}

// Write writes one article.
func (w *Writer) Write(doc *whosaid.Doc) error {
	a := FromDoc(doc)
	switch w.format {
	case FormatJSONL:
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		w.w.Write(b)
		w.w.WriteByte('\n')
	case FormatJSON:
		if w.n == 0 {
			w.w.WriteString("[\n")
		} else {
			w.w.WriteString(",\n")
		}
		b, err := json.MarshalIndent(a, "  ", "  ")
		if err != nil {
			return err
		}
		w.w.WriteString("  ")
		w.w.Write(b)
	case FormatText:
		writeText(w.w, a)
	}
	w.n++
	return w.w.Flush()
}

// Close ends the output.
func (w *Writer) Close() error {
	if w.format == FormatJSON {
		if w.n == 0 {
			w.w.WriteString("[")
		}
		w.w.WriteString("\n]\n")
	}
	return w.w.Flush()
}

func writeText(w *bufio.Writer, a Article) {
	title := a.Title
	if title == "" {
		title = "(no title)"
	}
	fmt.Fprintf(w, "== %s\n", title)
	fmt.Fprintf(w, "   source: %s   id: %s\n", a.Source, a.ID)
	var meta []string
	if a.Outlet != nil {
		meta = append(meta, "outlet: "+*a.Outlet)
	}
	if a.Byline != nil {
		meta = append(meta, "byline: "+*a.Byline)
	}
	if a.Published != nil {
		meta = append(meta, "published: "+*a.Published+" ("+a.PublishedFrom+")")
	} else {
		meta = append(meta, "published: unknown")
	}
	fmt.Fprintf(w, "   %s\n", strings.Join(meta, "   "))
	if len(a.Statements) == 0 {
		fmt.Fprintf(w, "   (no statements)\n")
	}
	for _, s := range a.Statements {
		who := "(unknown speaker)"
		if s.Speaker != nil {
			who = s.Speaker.Name
		}
		if s.Source != nil && (s.Speaker == nil || s.Source.Text != s.Speaker.Name) {
			who += " [" + s.Source.Text + "]"
		}
		cue := "(continues)"
		if s.Cue != nil {
			cue = s.Cue.Text
		}
		when := ""
		if s.SaidOn != nil {
			when = " on " + *s.SaidOn
		}
		content := ""
		if s.Content != nil {
			content = s.Content.Text
		}
		fmt.Fprintf(w, "\n - %s — %s%s (%s):\n   %s\n", who, cue, when, s.Kind, wrap(content, 76, "   "))
	}
	fmt.Fprintln(w)
}

func wrap(s string, width int, indent string) string {
	var b strings.Builder
	col := 0
	for i, word := range strings.Fields(s) {
		if i > 0 {
			if col+1+len(word) > width {
				b.WriteString("\n" + indent)
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += len(word)
	}
	return b.String()
}
