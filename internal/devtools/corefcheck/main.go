// Command corefcheck measures how often whosaid resolves a statement whose
// source is a pronoun, a role noun or an honorific ("he", "the senator",
// "the ministry") to a named speaker of the same article, and prints a
// fixed random sample of such resolutions, with their context, to check
// by hand.
//
//	go run ./internal/devtools/corefcheck [-sample 50] [-seed 1] FILES...
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/pipeline"
)

type item struct {
	doc     *whosaid.Doc
	st      whosaid.Statement
	kind    whosaid.MentionKind
	speaker string
}

func main() {
	sample := flag.Int("sample", 50, "resolutions to print for a hand check")
	seed := flag.Int64("seed", 1, "sampling seed")
	asIs := flag.Bool("text-as-is", true, "keep texts as they are (annotated corpora)")
	flag.Parse()
	docs, _, err := job.ExtractFiles(context.Background(), flag.Args(), job.Options{Pipeline: pipeline.Options{TextAsIs: *asIs},
		OnError: func(err error) { log.Print(err) }})
	if err != nil {
		log.Fatal(err)
	}
	counts := map[whosaid.MentionKind][2]int{}
	var resolved []item
	for _, d := range docs {
		for _, st := range d.Statements {
			if st.Source == nil {
				continue
			}
			// A source the mention detector did not find ("officials")
			// is a nominal one.
			m := whosaid.Mention{Kind: whosaid.MentionNominal}
			if st.Mention >= 0 {
				m = d.Mentions[st.Mention]
			}
			if m.Kind == whosaid.MentionName {
				continue
			}
			c := counts[m.Kind]
			c[1]++
			name := ""
			if st.Entity >= 0 && d.Entities[st.Entity].Name != "" && named(d, st.Entity) {
				name = d.Entities[st.Entity].Name
				c[0]++
				resolved = append(resolved, item{d, st, m.Kind, name})
			}
			counts[m.Kind] = c
		}
	}
	total := [2]int{}
	for k, c := range counts {
		fmt.Printf("%-10s %5d of %5d resolved to a named speaker (%.1f%%)\n", k, c[0], c[1], 100*float64(c[0])/float64(max(c[1], 1)))
		total[0] += c[0]
		total[1] += c[1]
	}
	fmt.Printf("%-10s %5d of %5d (%.1f%%)\n\n", "all", total[0], total[1], 100*float64(total[0])/float64(max(total[1], 1)))
	rng := rand.New(rand.NewSource(*seed))
	rng.Shuffle(len(resolved), func(i, j int) { resolved[i], resolved[j] = resolved[j], resolved[i] })
	for i, it := range resolved[:min(*sample, len(resolved))] {
		d := it.doc
		si := d.SentenceAt(it.st.Source.Start)
		from := max(0, si-2)
		var ctx []string
		for k := from; k <= si; k++ {
			ctx = append(ctx, d.Str(d.Sentences[k].Span))
		}
		fmt.Printf("%2d. [%s] %q → %s   (%s)\n    %s\n\n", i+1, it.kind, d.Str(*it.st.Source), it.speaker, d.Source,
			clip(strings.Join(ctx, " "), 600))
	}
	_ = os.Stdout
}

// named tells whether an entity has a proper name among its mentions.
func named(d *whosaid.Doc, e int) bool {
	for _, m := range d.Entities[e].Mentions {
		if d.Mentions[m].Kind == whosaid.MentionName {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
