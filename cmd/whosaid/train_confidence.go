package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib/classify"
	"github.com/whosaid/whosaid/eval/brat"
	"github.com/whosaid/whosaid/pipeline"
)

// trainConfidenceCommand fits the calibration of statement confidences
// (attrib/classify/calibration.json) on a brat corpus: every statement
// the pipeline finds is right when its content covers half of a gold
// content or lies half inside one.
func (a *app) trainConfidenceCommand() *cobra.Command {
	var corpus, out string
	cmd := &cobra.Command{
		Use:   "confidence --corpus DIR --out FILE",
		Short: "fit the calibration of statement confidences on a brat corpus the attribution model was not trained on",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpus == "" || out == "" {
				return fmt.Errorf("--corpus and --out are required")
			}
			docs, err := brat.LoadCorpus(corpus)
			if err != nil {
				return err
			}
			examples, err := confidenceExamples(cmd, docs)
			if err != nil {
				return err
			}
			cal := classify.Fit(examples, filepath.Base(filepath.Clean(corpus)))
			if err := writeAtomic(out, func(w io.Writer) error {
				enc := json.NewEncoder(w)
				enc.SetIndent("", " ")
				return enc.Encode(cal)
			}); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "confidence: %d documents, %d statements → %s\nconfidence band  statements  right\n", len(docs), len(examples), out)
			for _, b := range cal.ReliabilityOf(examples) {
				if b.Count > 0 {
					fmt.Fprintf(a.stderr, "%.1f–%.1f  %10d  %5.1f%%\n", b.From, b.To, b.Count, 100*float64(b.Right)/float64(b.Count))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&corpus, "corpus", "", "brat corpus (DIR/text/*.txt and DIR/attributions/*.ann); not the one the attribution model learnt from")
	cmd.Flags().StringVar(&out, "out", "", "calibration file to write (JSON)")
	return cmd
}

// confidenceExamples annotates each document and labels its statements
// against the gold contents.
func confidenceExamples(cmd *cobra.Command, docs []*brat.Document) ([]classify.Example, error) {
	var out []classify.Example
	for _, bd := range docs {
		d := &whosaid.Doc{Source: bd.Name}
		d.SetText(bd.Text)
		if err := pipeline.AnnotateText(cmd.Context(), d, whosaid.LayerClasses, pipeline.Options{TextAsIs: true}); err != nil {
			return nil, fmt.Errorf("%s: %w", bd.Name, err)
		}
		var gold [][][2]int
		for _, at := range bd.Attributions {
			if at.Content != nil {
				gold = append(gold, at.Content.Fragments)
			}
		}
		for i := range d.Statements {
			s := &d.Statements[i]
			var pred [][2]int
			for _, f := range s.Content {
				pred = append(pred, [2]int{d.Char(f.Start), d.Char(f.End)})
			}
			out = append(out, classify.Example{Features: classify.Features(d, s), Right: coversGold(pred, gold)})
		}
	}
	return out, nil
}

// coversGold reports whether the predicted fragments hold half of some
// gold content's characters, or lie half inside one.
func coversGold(pred [][2]int, gold [][][2]int) bool {
	size := func(fs [][2]int) int {
		n := 0
		for _, f := range fs {
			n += f[1] - f[0]
		}
		return n
	}
	np := size(pred)
	for _, g := range gold {
		ov := 0
		for _, p := range pred {
			for _, f := range g {
				if lo, hi := max(p[0], f[0]), min(p[1], f[1]); hi > lo {
					ov += hi - lo
				}
			}
		}
		if ov > 0 && (2*ov >= size(g) || 2*ov >= np) {
			return true
		}
	}
	return false
}
