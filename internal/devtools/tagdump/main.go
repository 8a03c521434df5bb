// Command tagdump prints the attribution tagger's label for every token
// of a text read from standard input, one token per line, next to the
// statements the stage makes of them: for looking at what the model does
// before grouping and post-processing.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib/model"
	"github.com/whosaid/whosaid/pipeline"
)

func main() {
	path := flag.String("model", "", "model file (default: the shipped model)")
	flag.Parse()
	m, err := model.Default()
	if *path != "" {
		m, err = model.Open(*path)
	}
	if err != nil {
		log.Fatal(err)
	}
	text, err := io.ReadAll(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	doc := &whosaid.Doc{}
	doc.SetText(string(text))
	if err := pipeline.AnnotateText(context.Background(), doc, whosaid.LayerRules, pipeline.Options{}); err != nil {
		log.Fatal(err)
	}
	labels := m.Tag(doc)
	for i, t := range doc.Tokens {
		fmt.Printf("%-20s %-6s %-10s %3d %s\n", doc.Str(t.Span), t.POS, t.Dep, t.Head, model.LabelName(labels[i]))
	}
	for _, s := range model.Statements(doc, labels) {
		str := func(sp *whosaid.Span) string {
			if sp == nil {
				return "-"
			}
			return doc.Str(*sp)
		}
		var content []string
		for _, c := range s.Content {
			content = append(content, doc.Str(c))
		}
		fmt.Printf("source=%q cue=%q content=%q\n", str(s.Source), str(s.Cue), content)
	}
}
