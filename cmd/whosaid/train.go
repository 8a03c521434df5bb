package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib/model"
	"github.com/whosaid/whosaid/attrib/wordclass"
	"github.com/whosaid/whosaid/eval/brat"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/syntax"
)

func (a *app) trainCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "train whosaid's models from annotated corpora",
		Long: `train reproduces the models whosaid ships (they are embedded in the binary).
Training is deterministic given --seed: the same corpus and seed give the same file.`,
	}
	cmd.AddCommand(a.trainAttribCommand(), a.trainSyntaxCommand("tagger"), a.trainSyntaxCommand("parser"), a.trainConfidenceCommand())
	return cmd
}

func (a *app) trainAttribCommand() *cobra.Command {
	var corpus, out, dev string
	var iters, folds, orderings int
	var seed int64
	cmd := &cobra.Command{
		Use:   "attrib --corpus DIR --out FILE",
		Short: "train the attribution tagger on a brat corpus (text/NAME.txt + attributions/NAME_*.ann)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpus == "" || out == "" {
				return fmt.Errorf("--corpus and --out are required")
			}
			docs, err := brat.LoadCorpus(corpus)
			if err != nil {
				return err
			}
			classes, err := wordclass.Default()
			if err != nil {
				return err
			}
			opt := model.TrainOptions{Iterations: iters, Seed: seed, Folds: folds, Orderings: orderings, Progress: a.stderr, Clusters: classes}
			if dev != "" {
				if opt.Dev, err = brat.LoadCorpus(dev); err != nil {
					return err
				}
			}
			start := time.Now()
			annotate := func(d *whosaid.Doc) error {
				return pipeline.AnnotateText(cmd.Context(), d, whosaid.LayerRules, pipeline.Options{})
			}
			m, err := model.Train(docs, annotate, opt)
			if err != nil {
				return err
			}
			if err := writeAtomic(out, m.Save); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "attrib: %d documents, %d features, %s → %s\n", len(docs), m.Features(), time.Since(start).Round(time.Second), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&corpus, "corpus", "", "brat corpus to learn from (DIR/text/*.txt and DIR/attributions/*.ann)")
	cmd.Flags().StringVar(&out, "out", "", "model file to write")
	cmd.Flags().StringVar(&dev, "dev", "", "optional brat corpus to report accuracy on after each pass")
	cmd.Flags().IntVar(&iters, "iters", 20, "passes over the corpus")
	cmd.Flags().Int64Var(&seed, "seed", 1, "shuffling seed")
	cmd.Flags().IntVar(&folds, "folds", 4, "train a second stage on the first stage's labels, the first stage trained this many times without one part of the corpus (0: one stage)")
	cmd.Flags().IntVar(&orderings, "orderings", 3, "train the second stage this many times on differently shuffled passes and average the weights")
	return cmd
}

// writeAtomic writes a file through a temporary one, so an interrupted
// run never leaves a half-written model where a good one was.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".whosaid-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// trainSyntaxCommand trains the tagger or the parser on a CoNLL treebank.
func (a *app) trainSyntaxCommand(which string) *cobra.Command {
	var corpus, out string
	var iters int
	var seed int64
	cmd := &cobra.Command{
		Use:   which + " --corpus DIR|FILE --out FILE",
		Short: "train the " + map[string]string{"tagger": "part-of-speech tagger", "parser": "dependency parser"}[which] + " on a CoNLL treebank (tab-separated: id, word, lemma, tag, entity, head, relation)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpus == "" || out == "" {
				return fmt.Errorf("--corpus and --out are required")
			}
			path := corpus
			if fi, err := os.Stat(corpus); err == nil && fi.IsDir() {
				path = filepath.Join(corpus, "train.conll.gz")
			}
			sents, err := syntax.ReadCoNLL(path)
			if err != nil {
				return err
			}
			opt := syntax.TrainOptions{Iterations: iters, Seed: seed, Progress: a.stderr}
			start := time.Now()
			var save func(io.Writer) error
			if which == "tagger" {
				save = syntax.TrainTagger(sents, opt).Save
			} else {
				save = syntax.TrainParser(sents, opt).Save
			}
			if err := writeAtomic(out, save); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "%s: %d sentences, %s → %s\n", which, len(sents), time.Since(start).Round(time.Second), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&corpus, "corpus", "", "treebank folder (train.conll.gz) or file")
	cmd.Flags().StringVar(&out, "out", "", "model file to write")
	defIters := map[string]int{"tagger": 5, "parser": 8}[which]
	cmd.Flags().IntVar(&iters, "iters", defIters, "passes over the treebank")
	cmd.Flags().Int64Var(&seed, "seed", 1, "shuffling seed")
	return cmd
}
