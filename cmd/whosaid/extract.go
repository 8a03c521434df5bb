package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/wire"
)

func (a *app) extractCommand() *cobra.Command {
	var format, asOf string
	var asIs bool
	var method, modelFile string
	var workers int
	var quiet, all bool
	var minConfidence float64
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH... | -",
		Short: "print each article's clean text, metadata and statements",
		Long: `extract reads articles — files, folders (recursively), globs, or - for standard input;
plain text or HTML, optionally gzipped; WARC archives, RSS/Atom feeds and JSONL too — and
prints for each, as soon as it is done, its cleaned text, metadata and every statement
with its speaker: what people and organisations said, or with --all every attribution
(thoughts, evidence, intentions and actions too, each with its class). Speakers are linked across the articles of the run. Nothing is stored.

Exit status: 0 when every input was read, 1 when some failed (each failure is reported
on standard error), 2 when nothing could be read or the command could not run.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if format == "" {
				format = wire.FormatJSONL
				if a.stdoutTTY {
					format = wire.FormatText
				}
			}
			if minConfidence < 0 || minConfidence > 1 {
				return fmt.Errorf("--min-confidence %v: want a number from 0 to 1", minConfidence)
			}
			w, err := wire.NewWriter[wire.Article](a.stdout, format)
			if err != nil {
				return err
			}
			opt := job.Options{Workers: workers, Pipeline: pipeline.Options{TextAsIs: asIs, Attribution: method, AttribModelFile: modelFile}}
			if err := parseAsOf(asOf, &opt.AsOf); err != nil {
				return err
			}
			// Progress only on a terminal: in a pipeline, standard error
			// carries the failures and warnings alone.
			prog := a.newProgress("articles", args, quiet || !a.stderrTTY)
			opt.OnError = func(err error) {
				prog.Fail(errorInput(err))
				fmt.Fprintln(a.stderr, "whosaid:", err)
			}
			opt.OnWarning = func(err error) { fmt.Fprintln(a.stderr, "whosaid: warning:", err) }
			opt.OnDoc = func(d *whosaid.Doc) { prog.Doc(d.Source) }
			reader := &ingest.Reader{Stdin: a.stdin}
			rep, err := job.Extract(ctx, reader.Docs(ctx, args), nil, opt, func(d *whosaid.Doc) error {
				a := wire.FromDoc(d)
				if !all {
					a = a.SpeechOnly()
				}
				if minConfidence > 0 {
					a = a.Confident(minConfidence)
				}
				return w.Write(a)
			})
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			prog.Done(func(secs float64) string {
				return fmt.Sprintf("%d articles, %d inputs failed; %.1fs%s", rep.Annotated, rep.Failed, secs, rate(rep.Annotated, secs, "articles"))
			})
			switch {
			case err != nil:
				return err
			case rep.Failed > 0 && rep.Annotated == 0:
				return exitError{exitFailed}
			case rep.Failed > 0:
				return exitError{exitPartial}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "output format: jsonl, json or text (default: text on a terminal, else jsonl)")
	cmd.Flags().StringVar(&asOf, "as-of", "", "reference date (YYYY-MM-DD) for relative dates such as \"30 days ago\"")
	cmd.Flags().BoolVar(&asIs, "text-as-is", false, "take plain-text inputs as clean article text: no chrome removal or normalisation (for annotated corpora, whose offsets must not move)")
	cmd.Flags().StringVar(&method, "attrib", pipeline.AttribModel, "how statements are found: model (the learned tagger) or rules")
	cmd.Flags().StringVar(&modelFile, "attrib-model", "", "attribution model `FILE` written by whosaid train attrib (default: the shipped model)")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles annotated at once (default: number of CPUs)")
	cmd.Flags().Float64Var(&minConfidence, "min-confidence", 0, "only statements whose confidence is at least this (0 to 1)")
	cmd.Flags().BoolVar(&all, "all", false, "every attribution, not only speech by people and organisations (what PolNeAR annotates)")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress on the terminal (errors and warnings still go to standard error)")
	return cmd
}
