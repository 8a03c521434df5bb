package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid/export"
	"github.com/whosaid/whosaid/extract"
)

func (a *app) extractCommand() *cobra.Command {
	var format, asOf string
	var asIs bool
	var method, modelFile string
	var workers int
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH... | -",
		Short: "print each article's clean text, metadata and statements",
		Long: `extract reads articles — files, folders (recursively), globs, or - for standard input;
plain text or HTML, optionally gzipped — and prints for each its cleaned text, metadata
and every statement with its speaker. Nothing is stored.

Exit status: 0 when every input was read, 1 when some failed (each failure is reported
on standard error), 2 when the command could not run.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				format = export.FormatJSONL
				if a.stdoutTTY {
					format = export.FormatText
				}
			}
			w, err := export.NewWriter(a.stdout, format)
			if err != nil {
				return err
			}
			opt := extract.Options{Workers: workers, Stdin: a.stdin, TextAsIs: asIs, Attribution: method, AttribModelFile: modelFile}
			if asOf != "" {
				t, err := time.Parse("2006-01-02", asOf)
				if err != nil {
					return fmt.Errorf("--as-of %q: want a date as YYYY-MM-DD", asOf)
				}
				opt.AsOf = &t
			}
			opt.OnError = func(err error) { fmt.Fprintln(a.stderr, "whosaid:", err) }
			res, err := extract.Run(cmd.Context(), args, opt)
			if err != nil {
				return err
			}
			for _, d := range res.Docs {
				if err := w.Write(d); err != nil {
					return err
				}
			}
			if err := w.Close(); err != nil {
				return err
			}
			switch {
			case res.Failed > 0 && len(res.Docs) == 0:
				return exitError{exitFailed}
			case res.Failed > 0:
				return exitError{exitPartial}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "output format: jsonl, json or text (default: text on a terminal, else jsonl)")
	cmd.Flags().StringVar(&asOf, "as-of", "", "reference date (YYYY-MM-DD) for relative dates such as \"30 days ago\"")
	cmd.Flags().BoolVar(&asIs, "text-as-is", false, "take plain-text inputs as clean article text: no chrome removal or normalisation (for annotated corpora, whose offsets must not move)")
	cmd.Flags().StringVar(&method, "attrib", extract.AttribModel, "how statements are found: model (the learned tagger) or rules")
	cmd.Flags().StringVar(&modelFile, "attrib-model", "", "attribution model file written by `whosaid train attrib` (default: the shipped model)")
	cmd.Flags().IntVar(&workers, "workers", 0, "articles annotated at once (default: number of CPUs)")
	return cmd
}
