package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/store/sqlite"
)

// statementFlags are the filters search and export share.
type statementFlags struct {
	speaker, outlet, since, until, kind, format string
	limit                                       int
}

func (f *statementFlags) add(cmd *cobra.Command, withLimit bool) {
	cmd.Flags().StringVar(&f.speaker, "speaker", "", "speaker id or name (any spelling)")
	cmd.Flags().StringVar(&f.outlet, "outlet", "", "outlet name")
	cmd.Flags().StringVar(&f.since, "since", "", "said (or published) on or after YYYY-MM-DD")
	cmd.Flags().StringVar(&f.until, "until", "", "said (or published) on or before YYYY-MM-DD")
	cmd.Flags().StringVar(&f.kind, "kind", "", "direct, indirect or mixed")
	cmd.Flags().StringVar(&f.format, "format", "", "table (default on a terminal), jsonl, json or csv")
	if withLimit {
		cmd.Flags().IntVar(&f.limit, "limit", 20, "statements to show")
	}
}

func (f *statementFlags) query(text string) (whosaid.StatementQuery, error) {
	q := whosaid.StatementQuery{Text: text, Speaker: f.speaker, Outlet: f.outlet, Limit: f.limit}
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

// hitRecord is a statement as query commands print it.
type hitRecord struct {
	ID        string  `json:"id"`
	Article   string  `json:"article"`
	Kind      string  `json:"kind"`
	SpeakerID string  `json:"speaker_id,omitempty"`
	Speaker   string  `json:"speaker,omitempty"`
	Source    string  `json:"source,omitempty"`
	Cue       string  `json:"cue,omitempty"`
	Content   string  `json:"content"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	SaidOn    string  `json:"said_on,omitempty"`
	Published string  `json:"published,omitempty"`
	Outlet    string  `json:"outlet,omitempty"`
	Title     string  `json:"title,omitempty"`
	URL       string  `json:"url,omitempty"`
	Input     string  `json:"input,omitempty"`
	Score     float64 `json:"score,omitempty"`
}

func record(h whosaid.StatementHit) hitRecord {
	return hitRecord{h.ID, h.ArticleID, string(h.Kind), h.SpeakerID, h.SpeakerName, h.Source, h.Cue, h.Content,
		h.Start, h.End, h.SaidOn, h.Published, h.Outlet, h.Title, h.URL, h.InputSource, h.Score}
}

var hitHeader = []string{"date", "speaker", "kind", "statement", "outlet", "article"}

func hitCells(h whosaid.StatementHit, table bool) []string {
	date := h.SaidOn
	if date == "" && len(h.Published) >= 10 {
		date = h.Published[:10]
	}
	content := h.Content
	if table {
		content = clipText(content, 90)
	}
	link := h.ArticleID
	if h.URL != "" && !table {
		link = h.URL
	}
	return []string{date, h.SpeakerName, string(h.Kind), content, h.Outlet, link}
}

func (a *app) searchCommand() *cobra.Command {
	var f statementFlags
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "find statements, best match first",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := f.query(strings.Join(args, " "))
			if err != nil {
				return err
			}
			format, err := a.outputFormat(f.format)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *sqlite.Store) error {
				hits, err := st.Search(cmd.Context(), q)
				if err != nil {
					return err
				}
				w := newRowWriter(a.stdout, format, hitHeader...)
				for _, h := range hits {
					if err := w.Write(record(h), hitCells(h, format == formatTable)...); err != nil {
						return err
					}
				}
				return w.Close()
			})
		},
	}
	f.add(cmd, true)
	return cmd
}

func (a *app) exportCommand() *cobra.Command {
	var f statementFlags
	cmd := &cobra.Command{
		Use:   "export [--speaker S] [--outlet O] [--since D] [--until D] [--kind K] --format jsonl|csv",
		Short: "stream every stored statement (filtered), oldest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := f.query("")
			if err != nil {
				return err
			}
			if f.format == "" {
				f.format = formatJSONL
			}
			format, err := a.outputFormat(f.format)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *sqlite.Store) error {
				header := []string{"id", "article", "kind", "speaker_id", "speaker", "source", "cue", "content", "start", "end", "said_on", "published", "outlet", "title", "url"}
				w := newRowWriter(a.stdout, format, header...)
				err = st.Export(cmd.Context(), q, func(h whosaid.StatementHit) error {
					return w.Write(record(h), h.ID, h.ArticleID, string(h.Kind), h.SpeakerID, h.SpeakerName, h.Source, h.Cue, h.Content,
						strconv.Itoa(h.Start), strconv.Itoa(h.End), h.SaidOn, h.Published, h.Outlet, h.Title, h.URL)
				})
				if err != nil {
					return err
				}
				return w.Close()
			})
		},
	}
	f.add(cmd, false)
	return cmd
}

// speakerRecord is a speaker as query commands print it.
type speakerRecord struct {
	ID         string         `json:"id"`
	Name       string         `json:"name"`
	Type       string         `json:"type,omitempty"`
	Statements int            `json:"statements"`
	Variants   []string       `json:"variants"`
	Roles      []string       `json:"roles,omitempty"`
	Outlets    []string       `json:"outlets,omitempty"`
	PerMonth   map[string]int `json:"per_month,omitempty"`
	Decisions  []string       `json:"decisions,omitempty"`
}

func speakerRec(s whosaid.SpeakerSummary) speakerRecord {
	return speakerRecord{s.ID, s.Name, s.Type, s.Statements, s.Variants, s.Roles, s.Outlets, s.PerMonth, s.Decisions}
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
			return a.withStore(cmd.Context(), func(st *sqlite.Store) error {
				list, err := st.Speakers(cmd.Context(), whosaid.SpeakerQuery{Query: query, Top: top})
				if err != nil {
					return err
				}
				w := newRowWriter(a.stdout, format, "id", "name", "statements", "variants", "roles")
				for _, s := range list {
					if err := w.Write(speakerRec(s), s.ID, s.Name, strconv.Itoa(s.Statements),
						clipText(strings.Join(s.Variants, "; "), 60), clipText(strings.Join(s.Roles, "; "), 40)); err != nil {
						return err
					}
				}
				return w.Close()
			})
		},
	}
	cmd.Flags().IntVar(&top, "top", 20, "speakers to list")
	cmd.Flags().StringVar(&query, "query", "", "only speakers with a name or variant containing this")
	cmd.Flags().StringVar(&format, "format", "", "table (default on a terminal), jsonl, json or csv")
	var why string
	merge := &cobra.Command{
		Use:   "merge INTO FROM --why REASON",
		Short: "make two speakers one (the decision is kept and wins over automatic linking)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st *sqlite.Store) error {
				if err := st.MergeSpeakers(cmd.Context(), args[0], args[1], why); err != nil {
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
			return a.withStore(cmd.Context(), func(st *sqlite.Store) error {
				id, err := st.SplitSpeaker(cmd.Context(), args[0], args[1:], why)
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
			return a.withStore(cmd.Context(), func(st *sqlite.Store) error {
				s, err := st.Speaker(cmd.Context(), strings.Join(args, " "))
				if err != nil {
					return err
				}
				if format != "" && format != formatTable {
					w := newRowWriter(a.stdout, format, "id", "name", "statements")
					w.Write(speakerRec(*s), s.ID, s.Name, strconv.Itoa(s.Statements))
					return w.Close()
				}
				fmt.Fprintf(a.stdout, "%s  (%s, %s)\n%d statements\n", s.Name, s.ID, s.Type, s.Statements)
				fmt.Fprintf(a.stdout, "variants: %s\n", strings.Join(s.Variants, "; "))
				if len(s.Roles) > 0 {
					fmt.Fprintf(a.stdout, "roles:    %s\n", strings.Join(s.Roles, "; "))
				}
				if len(s.Outlets) > 0 {
					fmt.Fprintf(a.stdout, "outlets:  %s\n", strings.Join(s.Outlets, "; "))
				}
				months := make([]string, 0, len(s.PerMonth))
				for m := range s.PerMonth {
					months = append(months, m)
				}
				sort.Strings(months)
				for _, m := range months {
					fmt.Fprintf(a.stdout, "  %-8s %4d %s\n", m, s.PerMonth[m], strings.Repeat("█", min(s.PerMonth[m], 60)))
				}
				for _, d := range s.Decisions {
					fmt.Fprintf(a.stdout, "decision: %s\n", d)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "table (default), jsonl or json")
	return cmd
}

func (a *app) articleCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "article ID",
		Short: "a stored article's text with its statements marked",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st *sqlite.Store) error {
				art, err := st.Article(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				if format == formatJSON || format == formatJSONL {
					w := newRowWriter(a.stdout, format)
					w.Write(art)
					return w.Close()
				}
				fmt.Fprintf(a.stdout, "%s\n%s  %s  %s  (version %d)\n%s\n\n", art.Title, art.Outlet, art.Published, art.URL, art.Version, art.Source)
				fmt.Fprintln(a.stdout, markStatements(art))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "text (default) or json")
	return cmd
}

// markStatements writes the text with each statement's content in ⟦ ⟧,
// numbered, and a legend of who said each.
func markStatements(art *whosaid.StoredArticle) string {
	runes := []rune(art.Text)
	type mark struct {
		at   int
		text string
	}
	var marks []mark
	var legend strings.Builder
	for i, s := range art.Statements {
		if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
			continue
		}
		marks = append(marks, mark{s.Start, fmt.Sprintf("⟦%d ", i+1)}, mark{s.End, "⟧"})
		fmt.Fprintf(&legend, "%3d. %s — %s (%s)\n", i+1, orNone(s.SpeakerName), orNone(s.Cue), s.Kind)
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].at < marks[j].at })
	var b strings.Builder
	k := 0
	for i, r := range runes {
		for ; k < len(marks) && marks[k].at == i; k++ {
			b.WriteString(marks[k].text)
		}
		b.WriteRune(r)
	}
	for ; k < len(marks); k++ {
		b.WriteString(marks[k].text)
	}
	return b.String() + "\n\n" + legend.String()
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (a *app) statsCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "what the store holds and its size",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st *sqlite.Store) error {
				s, err := st.Stats(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "articles    %d\nstatements  %d\nspeakers    %d\noutlets     %d\nsize        %.1f MB\n",
					s.Articles, s.Statements, s.Speakers, s.Outlets, float64(s.Bytes)/1e6)
				return nil
			})
		},
	}
}
