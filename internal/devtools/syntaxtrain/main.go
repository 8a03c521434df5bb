// Command syntaxtrain trains the tagger or the parser and reports its
// accuracy on a dev treebank: a quick loop for trying features. The
// shipped models are written by `whosaid train tagger|parser`.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/whosaid/whosaid/syntax"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpora/polnear-corenlp", "folder with train.conll.gz and dev.conll.gz")
	what := flag.String("model", "tagger", "tagger, parser, or shipped (score the shipped models)")
	iters := flag.Int("iters", 0, "passes (0: default)")
	limit := flag.Int("limit", 0, "train on the first N sentences")
	flag.Parse()
	train, err := syntax.ReadCoNLL(*corpus + "/train.conll.gz")
	if err != nil {
		log.Fatal(err)
	}
	dev, err := syntax.ReadCoNLL(*corpus + "/dev.conll.gz")
	if err != nil {
		log.Fatal(err)
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	opt := syntax.TrainOptions{Iterations: *iters, Seed: 1, Progress: os.Stderr}
	start := time.Now()
	switch *what {
	case "shipped":
		t, p, err := syntax.Default()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("shipped tagger: dev accuracy %.2f%%\n", 100*syntax.TaggerAccuracy(t, dev))
		uas, las := syntax.ParserAccuracy(p, dev, nil)
		fmt.Printf("shipped parser: dev UAS %.2f%% LAS %.2f%% (gold tags)\n", 100*uas, 100*las)
		uas, las = syntax.ParserAccuracy(p, dev, t)
		fmt.Printf("shipped parser: dev UAS %.2f%% LAS %.2f%% (our tags)\n", 100*uas, 100*las)
	case "tagger":
		t := syntax.TrainTagger(train, opt)
		fmt.Printf("trained in %s; dev accuracy %.2f%%\n", time.Since(start).Round(time.Second), 100*syntax.TaggerAccuracy(t, dev))
	case "parser":
		p := syntax.TrainParser(train, opt)
		uas, las := syntax.ParserAccuracy(p, dev, nil)
		fmt.Printf("trained in %s; dev UAS %.2f%% LAS %.2f%% (gold tags)\n", time.Since(start).Round(time.Second), 100*uas, 100*las)
	}
}
