// Command attribexp trains the attribution tagger on PolNeAR train and
// scores it on the dev sentences in one process: a quick loop for trying
// features. The shipped model is trained by `whosaid train attrib`.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib/model"
	"github.com/whosaid/whosaid/eval/brat"
	"github.com/whosaid/whosaid/eval/score"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/segment"
)

func annotate(d *whosaid.Doc) error {
	segment.Segment(d)
	d.Quotes = segment.FindQuotes(d.Text, d.Paragraphs, d.Sentences)
	d.Mentions = mention.Detect(d)
	return nil
}

func main() {
	shared := flag.String("shared", "../shared", "shared data folder")
	iters := flag.Int("iters", 8, "training passes")
	out := flag.String("out", "", "write predictions as extract-like JSON lines (for spanscore.py --misses)")
	limit := flag.Int("limit", 0, "train on the first N documents only")
	flag.Parse()
	train, err := brat.LoadCorpus(*shared + "/corpora/polnear/train")
	if err != nil {
		log.Fatal(err)
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	dev, err := brat.LoadCorpus(*shared + "/corpora/polnear/dev")
	if err != nil {
		log.Fatal(err)
	}
	start := time.Now()
	m, err := model.Train(train, annotate, model.TrainOptions{Iterations: *iters, Seed: 1, Progress: os.Stderr})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "trained on %d docs in %s, %d features\n", len(train), time.Since(start).Round(time.Second), m.Features())
	texts := map[string][]rune{}
	pred := map[string][]score.Span{}
	for _, d := range dev {
		doc := &whosaid.Doc{Text: d.Text}
		annotate(doc)
		labels := m.Tag(doc)
		sts := model.Statements(doc, labels)
		texts[d.Name] = []rune(d.Text)
		var spans []score.Span
		for _, s := range sts {
			if s.Source != nil {
				spans = append(spans, score.Span{Label: "source", Start: doc.Char(s.Source.Start), End: doc.Char(s.Source.End)})
			}
			if s.Cue != nil {
				spans = append(spans, score.Span{Label: "cue", Start: doc.Char(s.Cue.Start), End: doc.Char(s.Cue.End)})
			}
			for _, c := range s.Content {
				spans = append(spans, score.Span{Label: "content", Start: doc.Char(c.Start), End: doc.Char(c.End)})
			}
		}
		pred[d.Name] = spans
	}
	if *out != "" {
		writePred(*out, dev, texts, pred)
	}
	f, err := os.Open(*shared + "/corpora/polnear-cofenet/polnear-valid.jsonl")
	if err != nil {
		log.Fatal(err)
	}
	sents, err := score.ReadSentences(f)
	if err != nil {
		log.Fatal(err)
	}
	score.Sentences(sents, texts, pred).Write(os.Stdout)
}

// writePred writes one JSON object per article in the shape spanscore.py
// reads: source, text, statements with source/cue/content spans.
func writePred(path string, dev []*brat.Document, texts map[string][]rune, pred map[string][]score.Span) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, d := range dev {
		var sts []map[string]any
		for _, sp := range pred[d.Name] {
			sts = append(sts, map[string]any{sp.Label: map[string]any{"start": sp.Start, "end": sp.End, "text": string(texts[d.Name][sp.Start:sp.End])}})
		}
		enc.Encode(map[string]any{"source": d.Name + ".txt", "text": d.Text, "statements": sts})
	}
}
