package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/alert"
	"github.com/whosaid/whosaid/wire"
)

func (a *app) alertsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alerts add|list|remove|test",
		Short: "saved searches that alert you to new statements",
		Long: `A saved search is a search kept under a name. After each ingest, and in each round of
a watch, the statements stored since it last looked that match it fire it once per
statement: a POST of JSON to a webhook (the alert, the statement with its speaker,
outlet and article URL, in the vocabulary of whosaid's other outputs), a mail through
the SMTP server of --smtp or $WHOSAID_SMTP, or a line in the log. Every alert is
recorded; a failed delivery is tried again later, the pause doubling each time.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(a.alertsAddCommand(), a.alertsListCommand(), a.alertsRemoveCommand(), a.alertsTestCommand())
	return cmd
}

// alertStore runs fn with the store's saved searches. Adding and removing
// one writes (and creates the store); listing and testing only read.
func (a *app) alertStore(cmd *cobra.Command, fn func(whosaid.Store, whosaid.AlertStore) error) error {
	mode := readOnly
	if n := cmd.Name(); n == "add" || n == "remove" {
		mode = readWrite
	}
	return a.withStore(cmd.Context(), mode, func(st whosaid.Store) error {
		as, ok := st.(whosaid.AlertStore)
		if !ok {
			return whosaid.Errorf(whosaid.EUnsupported, "this store keeps no saved searches")
		}
		return fn(st, as)
	})
}

func (a *app) alertsAddCommand() *cobra.Command {
	var f statementFlags
	var notify, on string
	var independent int
	cmd := &cobra.Command{
		Use:   "add NAME [QUERY...] [--speaker S] [--outlet O] [--kind K] [--independent N] [--on new|corroborated] --notify webhook:URL|mail:ADDRESS|log",
		Short: "save a search that fires on new matching statements",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := f.query(strings.Join(args[1:], " "))
			if err != nil {
				return err
			}
			if notify == "" {
				return fmt.Errorf("--notify is needed: webhook:URL, mail:ADDRESS or log")
			}
			q.Limit, q.Sort = 0, ""
			s := whosaid.SavedSearch{Name: args[0], Query: q, Independent: independent, On: on, Notify: notify}
			return a.alertStore(cmd, func(st whosaid.Store, as whosaid.AlertStore) error {
				e, err := alert.New(st, alert.Options{SMTP: (&fetchFlags{}).smtpServer()})
				if err != nil {
					return err
				}
				if err := e.Validate(s); err != nil {
					return err
				}
				if err := as.PutSavedSearch(cmd.Context(), s); err != nil {
					return err
				}
				fmt.Fprintf(a.stderr, "whosaid: saved search %q fires on new statements from now on (see what it would have fired: whosaid alerts test %s)\n", s.Name, s.Name)
				if kind, _, _ := alert.ParseNotify(notify); kind == "mail" {
					if err := e.MailReady(); err != nil {
						fmt.Fprintf(a.stderr, "whosaid: note: %v where ingest and watch run\n", err)
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&f.speaker, "speaker", "", "speaker id or name (any spelling)")
	cmd.Flags().StringVar(&f.outlet, "outlet", "", "outlet name")
	cmd.Flags().StringVar(&f.kind, "kind", "", "direct, indirect or mixed")
	cmd.Flags().IntVar(&independent, "independent", 0, "only statements carried by at least N independent outlets (needs statement clusters)")
	cmd.Flags().StringVar(&on, "on", whosaid.AlertOnNew, "new: once per new statement; corroborated: also when another outlet carries it (needs statement clusters)")
	cmd.Flags().StringVar(&notify, "notify", "", "where alerts go: webhook:URL, mail:ADDRESS or log")
	return cmd
}

func (a *app) alertsListCommand() *cobra.Command {
	var format string
	var hits int
	cmd := &cobra.Command{
		Use:   "list [--format table|jsonl|json|csv]",
		Short: "list saved searches with what they fired",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := a.outputFormat(format)
			if err != nil {
				return err
			}
			w, err := wire.NewWriter[wire.SavedSearch](a.stdout, format)
			if err != nil {
				return err
			}
			return a.alertStore(cmd, func(_ whosaid.Store, as whosaid.AlertStore) error {
				list, err := as.SavedSearches(cmd.Context(), hits)
				if err != nil {
					return err
				}
				for _, s := range list {
					if err := w.Write(wire.FromSavedSearch(s)); err != nil {
						return err
					}
				}
				return w.Close()
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", formatHelp)
	cmd.Flags().IntVar(&hits, "hits", 5, "latest alerts shown with each search (jsonl, json)")
	return cmd
}

func (a *app) alertsRemoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "remove NAME",
		Short: "remove a saved search and what it fired",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.alertStore(cmd, func(_ whosaid.Store, as whosaid.AlertStore) error {
				if err := as.RemoveSavedSearch(cmd.Context(), args[0]); err != nil {
					return err
				}
				fmt.Fprintf(a.stderr, "whosaid: saved search %q removed\n", args[0])
				return nil
			})
		},
	}
}

func (a *app) alertsTestCommand() *cobra.Command {
	var format string
	var days int
	cmd := &cobra.Command{
		Use:   "test NAME [--days 30]",
		Short: "show what a saved search would have fired over the last days (sends nothing)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := a.outputFormat(format)
			if err != nil {
				return err
			}
			w, err := wire.NewWriter[wire.Hit](a.stdout, format)
			if err != nil {
				return err
			}
			return a.alertStore(cmd, func(st whosaid.Store, _ whosaid.AlertStore) error {
				e, err := alert.New(st, alert.Options{})
				if err != nil {
					return err
				}
				alerts, err := e.Test(cmd.Context(), args[0], time.Now().AddDate(0, 0, -days))
				if err != nil {
					return err
				}
				for _, al := range alerts {
					if err := w.Write(al.Statement); err != nil {
						return err
					}
				}
				fmt.Fprintf(a.stderr, "whosaid: %q would have fired %d times for the statements stored in the last %d days\n", args[0], len(alerts), days)
				return w.Close()
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", formatHelp)
	cmd.Flags().IntVar(&days, "days", 30, "how many days back to look")
	return cmd
}
