package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/internal/gen"
)

// fill adds generated articles to st until it holds want, without the
// NLP: each article's statements, speakers and mentions are read off the
// generator's templates (this measures the server and the store, not
// the pipeline). Articles go in batches, linked and stored in one
// transaction each, as ingest links them.
func fill(ctx context.Context, st whosaid.Store, want int) error {
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if stats.Articles >= want {
		return nil
	}
	g := gen.New(int64(stats.Articles)+11, 5000, 100)
	start, have := time.Now(), stats.Articles
	const batch = 250
	for n := stats.Articles; n < want; {
		docs := make([]*whosaid.Doc, 0, batch)
		for len(docs) < batch && n+len(docs) < want {
			docs = append(docs, synthetic(g, n+len(docs)))
		}
		err := st.Update(ctx, func(tx whosaid.Tx) error {
			for _, d := range docs {
				if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
					return err
				}
				if _, err := tx.PutArticle(ctx, d); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		n += len(docs)
		if n%10000 < batch || n == want {
			rate := float64(n-have) / time.Since(start).Seconds()
			fmt.Fprintf(os.Stderr, "loadgen: %d/%d articles stored (%.0f/s)\n", n, want, rate)
		}
	}
	return nil
}

// synthetic is a generated article annotated from its templates: the
// first paragraph's named speaker says the indirect and quoted
// paragraphs; "According to X Y, …" paragraphs are statements of a
// second speaker, so speakers are named together.
func synthetic(g *gen.Generator, n int) *whosaid.Doc {
	a := g.Next()
	// The generator writes: chrome, title, chrome, byline, then
	// "Outlet / " and the paragraphs, then chrome.
	title := strings.Split(a.Text, "\n")[2]
	head, body, _ := strings.Cut(a.Text, " / ")
	outlet := head[strings.LastIndex(head, "\n")+1:]
	d := &whosaid.Doc{Source: fmt.Sprintf("generated:%d", n), URL: a.URL, MediaType: whosaid.MediaText}
	d.SetText(body)
	pub := a.Published
	d.Meta = whosaid.Meta{Title: title, Outlet: outlet, Published: &pub, PublishedFrom: "generator"}
	speaker := func(name string, at int) int {
		d.Mentions = append(d.Mentions, whosaid.Mention{Span: whosaid.Span{Start: at, End: at + len(name)}, Kind: whosaid.MentionName,
			Type: whosaid.Person, Name: name, Entity: len(d.Entities), Person: 3, Apposition: -1})
		d.Entities = append(d.Entities, whosaid.Entity{Name: name, Type: whosaid.Person, Mentions: []int{len(d.Mentions) - 1}})
		return len(d.Entities) - 1
	}
	main := -1
	off := 0
	for _, p := range strings.Split(body, "\n\n") {
		start := off
		off += len(p) + 2
		span := func(i, j int) *whosaid.Span { return &whosaid.Span{Start: start + i, End: start + j} }
		switch {
		case main < 0:
			i := strings.Index(p, ", ")
			j := strings.Index(p[i+2:], ",")
			if i < 0 || j < 0 {
				return d
			}
			main = speaker(p[i+2:i+2+j], start+i+2)
			if k := strings.Index(p, " that "); k > 0 {
				d.Statements = append(d.Statements, whosaid.Statement{Kind: whosaid.Indirect, Source: span(i+2, i+2+j),
					Cue: span(i+4+j, k), Content: []whosaid.Span{*span(k+6, len(p))}, Mention: 0, Entity: main, Confidence: 0.9})
			}
		case strings.HasPrefix(p, "According to "):
			j := strings.Index(p, ", ")
			if j < 0 {
				continue
			}
			e := speaker(p[13:j], start+13)
			d.Statements = append(d.Statements, whosaid.Statement{Kind: whosaid.Indirect, Source: span(13, j), Cue: span(0, 12),
				Content: []whosaid.Span{*span(j+2, len(p))}, Mention: len(d.Mentions) - 1, Entity: e, Confidence: 0.8})
		case strings.HasPrefix(p, "“"):
			j := strings.Index(p, "”")
			if j < 0 {
				continue
			}
			j += len("”")
			d.Statements = append(d.Statements, whosaid.Statement{Kind: whosaid.Direct, Content: []whosaid.Span{*span(0, j)}, Mention: -1, Entity: main, Confidence: 0.9})
		case strings.Contains(p, " also "):
			if k := strings.Index(p, " that "); k > 0 {
				d.Statements = append(d.Statements, whosaid.Statement{Kind: whosaid.Indirect, Content: []whosaid.Span{*span(k+6, len(p))}, Mention: -1, Entity: main, Confidence: 0.85})
			}
		}
	}
	return d
}
