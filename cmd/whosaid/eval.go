package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/eval/brat"
	"github.com/whosaid/whosaid/eval/score"
	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/wire"
)

func (a *app) evalCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "measure whosaid against hand-annotated articles",
	}
	var gold, sentences, pred string
	attrib := &cobra.Command{
		Use:   "attrib --gold DIR [--sentences FILE] [--pred FILE]",
		Short: "score statements (source, cue, content) against a brat corpus",
		Long: `attrib scores whosaid's statements against a brat-standoff corpus (layout:
DIR/text/NAME.txt and DIR/attributions/NAME_ANNOTATOR.ann; or NAME.txt beside NAME.ann):
exact, begin and overlap precision/recall/F1 per component.

Without --pred it runs extract on the corpus texts itself; with --pred it scores a
file of 'whosaid extract --format jsonl' output. With --sentences (tokenized sentences
with BIO labels, one JSON object per line) it scores token runs per sentence, the way
published results are reported.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("--gold is required")
			}
			docs, err := brat.LoadCorpus(gold)
			if err != nil {
				return err
			}
			arts, err := a.predictions(cmd, gold, docs, pred)
			if err != nil {
				return err
			}
			texts := map[string][]rune{}
			for _, d := range docs {
				texts[d.Name] = []rune(d.Text)
			}
			spans := map[string][]score.Span{}
			for _, art := range arts {
				name := score.DocName(art.Source)
				if t, ok := texts[name]; ok {
					spans[name] = score.FromArticle(art, t)
				}
			}
			var rep *score.Report
			if sentences != "" {
				f, err := os.Open(sentences)
				if err != nil {
					return err
				}
				sents, err := score.ReadSentences(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("%s: %v", sentences, err)
				}
				fmt.Fprintln(a.stdout, "token runs per sentence:", sentences)
				rep = score.Sentences(sents, texts, spans)
			} else {
				fmt.Fprintln(a.stdout, "character spans:", gold)
				rep = score.Spans(docs, spans)
			}
			rep.Write(a.stdout)
			return nil
		},
	}
	attrib.Flags().StringVar(&gold, "gold", "", "annotated corpus folder (brat standoff)")
	attrib.Flags().StringVar(&sentences, "sentences", "", "tokenized sentences with BIO labels (JSON lines)")
	attrib.Flags().StringVar(&pred, "pred", "", "extract output to score (JSON lines); default: run extract")
	cmd.AddCommand(attrib)
	return cmd
}

// predictions reads extract output from pred, or runs extract on the
// corpus texts.
func (a *app) predictions(cmd *cobra.Command, gold string, docs []*brat.Document, pred string) ([]wire.Article, error) {
	if pred != "" {
		f, err := os.Open(pred)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var out []wire.Article
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 256<<20)
		for sc.Scan() {
			var art wire.Article
			if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
				return nil, whosaid.InputError(whosaid.EInvalid, pred, "not extract output: %v", err)
			}
			out = append(out, art)
		}
		return out, sc.Err()
	}
	textDir := filepath.Join(gold, "text")
	if _, err := os.Stat(textDir); err != nil {
		textDir = gold
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, filepath.Join(textDir, d.Name+".txt"))
	}
	docs2, _, err := job.ExtractFiles(cmd.Context(), paths, job.Options{Pipeline: pipeline.Options{TextAsIs: true},
		OnError: func(err error) { fmt.Fprintln(a.stderr, "whosaid:", err) }})
	if err != nil {
		return nil, err
	}
	var out []wire.Article
	for _, d := range docs2 {
		out = append(out, wire.FromDoc(d))
	}
	return out, nil
}
