package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// outputFormat is the format a query command writes: --format when given,
// else a table on a terminal and JSON lines otherwise.
func (a *app) outputFormat(format string) (string, error) {
	if format == "" {
		if a.stdoutTTY {
			return wire.FormatTable, nil
		}
		return wire.FormatJSONL, nil
	}
	switch format {
	case wire.FormatTable, wire.FormatJSONL, wire.FormatJSON, wire.FormatCSV:
		return format, nil
	}
	return "", fmt.Errorf("--format %q: want table, jsonl, json or csv", format)
}

const formatHelp = "table, jsonl, json or csv (default: table on a terminal, else jsonl)"

// statementFlags are the filters search and export share.
type statementFlags struct {
	speaker, outlet, since, until, kind, format, sort string
	limit                                             int
	minConfidence                                     float64
	allVersions, all, first, clusters                 bool
	independent                                       int
}

// limitHelp is the one meaning of --limit and --top: 0 is no limit.
const limitHelp = " to show (0: all)"

func (f *statementFlags) add(cmd *cobra.Command, withLimit bool) {
	cmd.Flags().StringVar(&f.speaker, "speaker", "", "speaker id or name: any spelling, a family or a given name alone (all its bearers)")
	cmd.Flags().StringVar(&f.outlet, "outlet", "", "outlet: its name or the start of its words, any case (\"harb\" finds \"Harbour Post\")")
	cmd.Flags().StringVar(&f.since, "since", "", "said (or published) on or after YYYY-MM-DD")
	cmd.Flags().StringVar(&f.until, "until", "", "said (or published) on or before YYYY-MM-DD")
	cmd.Flags().StringVar(&f.kind, "kind", "", "direct, indirect or mixed")
	cmd.Flags().Float64Var(&f.minConfidence, "min-confidence", 0, "only statements whose confidence is at least this (0 to 1; see docs/output.md for what a confidence means)")
	cmd.Flags().IntVar(&f.independent, "independent", 0, "only statements carried by at least N independent outlets (reprints of one story count once)")
	cmd.Flags().BoolVar(&f.first, "first", false, "only the first report of each statement (the earliest published in its cluster)")
	cmd.Flags().BoolVar(&f.all, "all", false, "every attribution (thoughts, evidence, intentions, actions), not only speech by people and organisations")
	cmd.Flags().BoolVar(&f.allVersions, "all-versions", false, "also the statements of older versions of an article (the same URL stored again, changed); by default only the newest answers")
	cmd.Flags().StringVar(&f.format, "format", "", formatHelp)
	if withLimit {
		cmd.Flags().IntVar(&f.limit, "limit", 20, "statements"+limitHelp)
		cmd.Flags().StringVar(&f.sort, "sort", whosaid.SortRelevance, "relevance (best match first) or date (newest first)")
	}
}

// filtered tells whether any filter is set.
func (f *statementFlags) filtered() bool {
	return f.speaker != "" || f.outlet != "" || f.since != "" || f.until != "" || f.kind != "" || f.independent > 1 || f.first
}

func (f *statementFlags) query(text string) (whosaid.StatementQuery, error) {
	if f.limit < 0 {
		return whosaid.StatementQuery{}, fmt.Errorf("--limit %d: want 0 (all) or more", f.limit)
	}
	q := whosaid.StatementQuery{Text: text, Speaker: f.speaker, Outlet: f.outlet, Limit: f.limit, Sort: f.sort, AllVersions: f.allVersions, All: f.all, MinConfidence: f.minConfidence,
		Independent: f.independent, First: f.first}
	if f.independent < 0 {
		return q, fmt.Errorf("--independent %d: want 0 or more", f.independent)
	}
	if f.minConfidence < 0 || f.minConfidence > 1 {
		return q, fmt.Errorf("--min-confidence %v: want a number from 0 to 1", f.minConfidence)
	}
	for _, d := range []struct {
		flag, v string
		to      **time.Time
	}{{"--since", f.since, &q.Since}, {"--until", f.until, &q.Until}} {
		if d.v == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", d.v)
		if err != nil {
			return q, fmt.Errorf("%s %q: want YYYY-MM-DD", d.flag, d.v)
		}
		*d.to = &t
	}
	switch f.kind {
	case "", "direct", "indirect", "mixed":
		q.Kind = whosaid.StatementKind(f.kind)
	default:
		return q, fmt.Errorf("--kind %q: want direct, indirect or mixed", f.kind)
	}
	return q, nil
}

// pageSize is how many rows a command asks the store for at a time when
// it shows them all (--limit 0, --top 0).
const pageSize = 500

// searchHelp documents the query language (package textquery).
const searchHelp = `search finds statements whose words, speaker or article title match QUERY, best
match first (--sort date: newest first). Without QUERY, the filters alone choose.

The query language:
  strike                  a word; English words are stemmed ("withdraw" finds "withdrawal")
  port strike             both words (AND is implied)
  iran OR syria           either; OR binds tighter than the implied AND
  iran NOT drones         iran, and not drones; -drones is the same
  drone*                  words starting with "drone"
  "cooling-off period"    the words in a row
  (iran OR syria) -talks  parentheses group
OR, AND and NOT are operators only in capitals. Quote the query when it holds -word,
parentheses or quotation marks: whosaid search 'iran -drones'. A query that cannot be
read is an error (exit 2) saying why.

A text query ranks the newest 3000 matches after the filters; export streams every
match. Exit status: 0 done (even with no match), 2 bad usage, a query that cannot be
read, an unknown --speaker or --outlet, or no store.`

func (a *app) searchCommand() *cobra.Command {
	var f statementFlags
	cmd := &cobra.Command{
		Use:   "search [QUERY] [--speaker S] [--outlet O] [--since D] [--until D] [--kind K] [--limit N]",
		Short: "find statements, best match first",
		Long:  searchHelp,
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !f.filtered() {
				return fmt.Errorf("search needs a QUERY or a filter (--speaker, --outlet, --since, --until, --kind); export lists everything")
			}
			q, err := f.query(strings.Join(args, " "))
			if err != nil {
				return err
			}
			format, err := a.outputFormat(f.format)
			if err != nil {
				return err
			}
			w, err := wire.NewWriter[wire.Hit](a.stdout, format)
			if err != nil {
				return err
			}
			all := q.Limit == 0
			if all {
				q.Limit = pageSize
			}
			if f.clusters {
				return a.searchClusters(cmd, whosaid.ClusterQuery{StatementQuery: q}, format, all)
			}
			return a.withStore(cmd.Context(), readOnly, func(st whosaid.Store) error {
				for {
					page, err := st.Search(cmd.Context(), q)
					if err != nil {
						return err
					}
					for _, h := range page.Items {
						if err := w.Write(wire.FromHit(h)); err != nil {
							return err
						}
					}
					if !all || page.Next == "" {
						break
					}
					q.Cursor = page.Next
				}
				return w.Close()
			})
		},
	}
	f.add(cmd, true)
	cmd.Flags().BoolVar(&f.clusters, "clusters", false, "clusters instead of statements: each statement once with its reports, most independent outlets first")
	return cmd
}

func (a *app) exportCommand() *cobra.Command {
	var f statementFlags
	cmd := &cobra.Command{
		Use:   "export [QUERY] [--speaker S] [--outlet O] [--since D] [--until D] [--kind K]",
		Short: "stream every stored statement (filtered), oldest first, no cap",
		Long: `export writes every stored statement that matches QUERY (the language of search)
and the filters, oldest first, with no cap: a table on a terminal, JSON lines
otherwise (--format table|jsonl|json|csv). CSV has one column per field, nothing cut.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := f.query(strings.Join(args, " "))
			if err != nil {
				return err
			}
			format, err := a.outputFormat(f.format)
			if err != nil {
				return err
			}
			w, err := wire.NewWriter[wire.Hit](a.stdout, format)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), readOnly, func(st whosaid.Store) error {
				if err := st.Export(cmd.Context(), q, func(h whosaid.StatementHit) error { return w.Write(wire.FromHit(h)) }); err != nil {
					return err
				}
				return w.Close()
			})
		},
	}
	f.add(cmd, false)
	return cmd
}

func (a *app) speakersCommand() *cobra.Command {
	var top int
	var query, format string
	cmd := &cobra.Command{
		Use:   "speakers [--top N] [--query S]",
		Short: "list speakers with their variants, roles and statement counts; merge or split them",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := a.outputFormat(format)
			if err != nil {
				return err
			}
			w, err := wire.NewWriter[wire.SpeakerSummary](a.stdout, format)
			if err != nil {
				return err
			}
			if top < 0 {
				return fmt.Errorf("--top %d: want 0 (all) or more", top)
			}
			q := whosaid.SpeakerQuery{Query: query, Limit: top}
			if top == 0 {
				q.Limit = pageSize
			}
			return a.withStore(cmd.Context(), readOnly, func(st whosaid.Store) error {
				for {
					page, err := st.Speakers(cmd.Context(), q)
					if err != nil {
						return err
					}
					for _, s := range page.Items {
						if err := w.Write(wire.FromSpeaker(s)); err != nil {
							return err
						}
					}
					if top != 0 || page.Next == "" {
						break
					}
					q.Cursor = page.Next
				}
				return w.Close()
			})
		},
	}
	cmd.Flags().IntVar(&top, "top", 20, "speakers"+limitHelp)
	cmd.Flags().StringVar(&query, "query", "", "only speakers with a name or variant containing this")
	cmd.Flags().StringVar(&format, "format", "", formatHelp)
	var why string
	merge := &cobra.Command{
		Use:   "merge INTO FROM --why REASON",
		Short: "make two speakers one (the decision is kept and wins over automatic linking)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), readWrite, func(st whosaid.Store) error {
				if err := st.MergeSpeakers(cmd.Context(), whosaid.Merge{Into: args[0], From: args[1], Why: why}); err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "merged %s into %s\n", args[1], args[0])
				return nil
			})
		},
	}
	merge.Flags().StringVar(&why, "why", "", "why they are one speaker (recorded)")
	split := &cobra.Command{
		Use:   "split ID VARIANT... --why REASON",
		Short: "move the named variants of a speaker (and their statements) to a new speaker",
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), readWrite, func(st whosaid.Store) error {
				id, err := st.SplitSpeaker(cmd.Context(), whosaid.Split{ID: args[0], Variants: args[1:], Why: why})
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "split %s from %s as %s\n", strings.Join(args[1:], ", "), args[0], id)
				return nil
			})
		},
	}
	split.Flags().StringVar(&why, "why", "", "why they are different speakers (recorded)")
	cmd.AddCommand(merge, split)
	return cmd
}

func (a *app) speakerCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "speaker NAME|ID",
		Short: "one speaker: variants, roles, outlets, statements per month",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := a.outputFormat(format)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), readOnly, func(st whosaid.Store) error {
				s, err := st.Speaker(cmd.Context(), strings.Join(args, " "))
				if err != nil {
					return err
				}
				sp := wire.FromSpeaker(*s)
				if format != wire.FormatTable {
					w, err := wire.NewWriter[wire.SpeakerSummary](a.stdout, format)
					if err != nil {
						return err
					}
					w.Write(sp)
					return w.Close()
				}
				writeSpeaker(a, sp)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", formatHelp)
	return cmd
}

// writeSpeaker prints one speaker for people: names, roles, outlets, a
// bar per month, the review decisions.
func writeSpeaker(a *app, s wire.SpeakerSummary) {
	fmt.Fprintf(a.stdout, "%s  (%s, %s)\n%d statements\n", s.Name, s.ID, s.Type, s.Statements)
	fmt.Fprintf(a.stdout, "variants: %s\n", strings.Join(s.Variants, "; "))
	if len(s.Roles) > 0 {
		fmt.Fprintf(a.stdout, "roles:    %s\n", strings.Join(s.Roles, "; "))
	}
	if len(s.Outlets) > 0 {
		fmt.Fprintf(a.stdout, "outlets:  %s\n", strings.Join(s.Outlets, "; "))
	}
	for _, m := range s.Months() {
		fmt.Fprintf(a.stdout, "  %-8s %4d %s\n", m, s.PerMonth[m], strings.Repeat("█", min(s.PerMonth[m], 60)))
	}
	for _, d := range s.Decisions {
		fmt.Fprintf(a.stdout, "decision: %s %s %s %s: %s\n", d.At, d.Kind, d.Speaker, d.Other, d.Why)
	}
}

func (a *app) articleCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "article ID",
		Short: "a stored article's text with its statements marked",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := a.outputFormat(format)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), readOnly, func(st whosaid.Store) error {
				art, err := st.Article(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				out := wire.FromArticle(art)
				switch format {
				case wire.FormatTable:
					wire.WriteMarkedText(a.stdout, out)
					return nil
				case wire.FormatCSV:
					w, err := wire.NewWriter[wire.Hit](a.stdout, format)
					if err != nil {
						return err
					}
					for _, h := range art.Statements {
						w.Write(wire.FromHit(h))
					}
					return w.Close()
				}
				w, err := wire.NewWriter[wire.Article](a.stdout, format)
				if err != nil {
					return err
				}
				w.Write(out)
				return w.Close()
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "table (the text with its statements marked; default on a terminal), jsonl, json, or csv (its statements)")
	return cmd
}

func (a *app) statsCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "what the store holds, its size and where it is",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := a.outputFormat(format)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), readOnly, func(st whosaid.Store) error {
				s, err := st.Stats(cmd.Context())
				if err != nil {
					return err
				}
				out := wire.FromStats(s)
				if q, ok := st.(whosaid.Queue); ok {
					qs, err := q.QueueStats(cmd.Context())
					if err != nil {
						return err
					}
					out.Queue = wire.FromQueue(qs)
				}
				if format == wire.FormatTable {
					fmt.Fprintf(a.stdout, "articles    %d\nstatements  %d\nspeakers    %d\noutlets     %d\nsize        %.1f MB\nlocation    %s\n",
						out.Articles, out.Statements, out.Speakers, out.Outlets, float64(out.Bytes)/1e6, out.Location)
					if q := out.Queue; q != nil {
						fmt.Fprintf(a.stdout, "queue       %d pending, %d running, %d done, %d failed\n", q.Pending, q.Running, q.Done, q.Failed)
						for _, f := range q.Failures {
							fmt.Fprintf(a.stdout, "  failed    %s (%d attempts): %s\n", f.Input, f.Attempts, f.Reason)
						}
					}
					return nil
				}
				w, err := wire.NewWriter[wire.Stats](a.stdout, format)
				if err != nil {
					return err
				}
				w.Write(out)
				return w.Close()
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", formatHelp)
	return cmd
}
