package server

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/whosaid/whosaid/wire"
)

// citation is a statement ready to paste into a report, in the three
// forms the copy button offers.
type citation struct {
	Text   string // plain text
	BibTeX string
	CSL    string // CSL-JSON (Zotero, Pandoc citeproc)
}

// cite builds the citation of a statement: speaker, the words, outlet,
// date (publication, and the day said when the text gives another), URL.
// Bidirectional controls in the words are made visible, as on the page.
func cite(h wire.Hit) citation {
	who := "Unknown speaker"
	if h.Speaker != nil {
		who = visible(h.Speaker.Name)
	}
	words := ""
	if h.Content != nil {
		words = visible(strings.Join(strings.Fields(h.Content.Text), " "))
	}
	outlet, title, url := visible(str(h.Outlet)), visible(str(h.Title)), str(h.URL)
	published, said := day(h.Published), day(h.SaidOn)

	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", who, quoted(words))
	var where []string
	if title != "" {
		where = append(where, quoted(title))
	}
	if outlet != "" {
		where = append(where, outlet)
	}
	if published != "" {
		where = append(where, published)
	}
	if len(where) > 0 {
		b.WriteString(" — " + strings.Join(where, ", "))
	}
	if said != "" && said != published {
		b.WriteString(" (said " + said + ")")
	}
	b.WriteString(".")
	if url != "" {
		b.WriteString(" " + url)
	}
	return citation{Text: b.String(), BibTeX: bibtex(h, who, words, title, outlet, url, published), CSL: csl(h, who, words, title, outlet, url, published)}
}

// quoted puts s in curly quotes unless it is quoted already.
func quoted(s string) string {
	if strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") {
		return s
	}
	return "“" + s + "”"
}

func bibtex(h wire.Hit, who, words, title, outlet, url, published string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "@misc{%s,\n", bibKey(h, who, published))
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %s = {%s},\n", name, bibEscape(v))
		}
	}
	if title == "" {
		title = "Statement by " + who
	}
	field("title", title)
	field("howpublished", outlet)
	if t, err := time.Parse("2006-01-02", published); err == nil {
		fmt.Fprintf(&b, "  year = {%d},\n  month = {%s},\n", t.Year(), strings.ToLower(t.Month().String()[:3]))
		field("date", published)
	}
	if url != "" {
		fmt.Fprintf(&b, "  url = {%s},\n", bibURL(url))
	}
	field("note", who+": "+quoted(words))
	b.WriteString("}\n")
	return b.String()
}

// bibKey is speaker's last name, year and the statement's id: stable and
// unique in a bibliography made from one store.
func bibKey(h wire.Hit, who, published string) string {
	fields := strings.Fields(who)
	last := "whosaid"
	if len(fields) > 0 {
		last = fields[len(fields)-1]
	}
	key := strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return unicode.ToLower(r)
		}
		return -1
	}, last)
	if key == "" {
		key = "whosaid"
	}
	if len(published) >= 4 {
		key += published[:4]
	}
	return key + ":" + strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			return r
		}
		return -1
	}, h.ID)
}

// bibEscape makes s safe inside a braced BibTeX field: LaTeX's special
// characters escaped, so a title with "{", "%" or "#" cannot end the
// field or the entry.
var bibEscape = strings.NewReplacer(
	`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`,
	"^", `\^{}`, "~", `\~{}`,
).Replace

// bibURL keeps a URL usable in a url field (the url package reads it
// verbatim) while braces and percent signs cannot break the entry.
func bibURL(u string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C", "\n", "", " ", "%20").Replace(u)
}

func csl(h wire.Hit, who, words, title, outlet, url, published string) string {
	item := map[string]any{
		"id":   h.ID,
		"type": "article-newspaper",
		"note": who + ": " + quoted(words),
	}
	if title != "" {
		item["title"] = title
	} else {
		item["title"] = "Statement by " + who
	}
	if outlet != "" {
		item["container-title"] = outlet
	}
	if url != "" {
		item["URL"] = url
	}
	if t, err := time.Parse("2006-01-02", published); err == nil {
		item["issued"] = map[string]any{"date-parts": [][]int{{t.Year(), int(t.Month()), t.Day()}}}
	}
	b, _ := json.MarshalIndent([]any{item}, "", "  ")
	return string(b)
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
