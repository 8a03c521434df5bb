package wire

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteArticleText writes an article for reading: title, where it came
// from, its metadata, then each statement with its speaker, cue, date and
// words.
func WriteArticleText(w io.Writer, a Article) {
	title := str(a.Title)
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
		meta = append(meta, "published: "+*a.Published+" ("+str(a.PublishedFrom)+")")
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

// WriteMarkedText writes an article's text with each statement's content
// between ⟦n and ⟧, then a numbered legend of who said each.
func WriteMarkedText(w io.Writer, a Article) {
	fmt.Fprintf(w, "%s\n", str(a.Title))
	var meta []string
	for _, p := range []*string{a.Outlet, a.Published, a.URL} {
		if p != nil {
			meta = append(meta, *p)
		}
	}
	if a.Version > 0 {
		meta = append(meta, fmt.Sprintf("(version %d)", a.Version))
	}
	fmt.Fprintf(w, "%s\n%s\n\n", strings.Join(meta, "  "), a.Source)
	runes := []rune(a.Text)
	type mark struct {
		at   int
		text string
	}
	var marks []mark
	var legend strings.Builder
	for i, s := range a.Statements {
		if s.Content == nil || s.Content.Start < 0 || s.Content.End > len(runes) || s.Content.Start > s.Content.End {
			continue
		}
		marks = append(marks, mark{s.Content.Start, fmt.Sprintf("⟦%d ", i+1)}, mark{s.Content.End, "⟧"})
		who, cue := "—", "—"
		if s.Speaker != nil {
			who = s.Speaker.Name
		}
		if s.Cue != nil {
			cue = s.Cue.Text
		}
		fmt.Fprintf(&legend, "%3d. %s — %s (%s)\n", i+1, who, cue, s.Kind)
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].at < marks[j].at })
	var b strings.Builder
	k := 0
	for i, r := range runes {
		for ; k < len(marks) && marks[k].at == i; k++ {
			b.WriteString(marks[k].text)
		}
		b.WriteRune(r)
	}
	for ; k < len(marks); k++ {
		b.WriteString(marks[k].text)
	}
	fmt.Fprintf(w, "%s\n\n%s", b.String(), legend.String())
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
