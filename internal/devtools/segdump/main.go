package main

import (
	"fmt"
	"os"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/segment"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	d := &whosaid.Doc{Text: string(b)}
	segment.Segment(d)
	d.Quotes = segment.FindQuotes(d.Text, d.Paragraphs, d.Sentences)
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
}
