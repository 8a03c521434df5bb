// Command segdump prints how whosaid segments a text file and which
// mentions it finds: a tool for looking at the pipeline's early layers.
package main

import (
	"fmt"
	"os"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/segment"
)

func main() {
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	d := &whosaid.Doc{Text: string(b)}
	segment.Segment(d)
	d.Quotes = segment.FindQuotes(d.Text, d.Paragraphs, d.Sentences)
	d.Mentions = mention.Detect(d)
	for _, s := range d.Sentences {
		fmt.Print("S| ")
		for _, t := range d.Tokens[s.FirstToken:s.EndToken] {
			fmt.Print(d.Str(t.Span), " ")
		}
		fmt.Println()
	}
	for _, q := range d.Quotes {
		fmt.Printf("Q open=%v close=%v cont=%v n=%d | %s\n", q.Open, q.Close, q.Continues, q.Nested, d.Str(q.Span))
	}
	for i, m := range d.Mentions {
		fmt.Printf("M%d %-9s %-12s g=%-6s pl=%v app=%d | %q name=%q role=%q titles=%v\n", i, m.Kind, m.Type, m.Gender, m.Plural, m.Apposition, d.Str(m.Span), m.Name, m.Role, m.Titles)
	}
}
