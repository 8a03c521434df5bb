package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// statementCommand shows one stored statement, or corrects its speaker.
func (a *app) statementCommand() *cobra.Command {
	var format, speaker, why string
	var nobody bool
	cmd := &cobra.Command{
		Use:   "statement ID [--speaker ID|NAME | --no-speaker] [--why REASON]",
		Short: "one stored statement; with --speaker (or --no-speaker) and --why, correct who said it",
		Long: `statement prints one stored statement (as search does). With --speaker and --why it
gives the statement another speaker — an id, or a name that fits exactly one speaker —
and with --no-speaker it says nobody can be named. The correction is kept in the store
with its reason, as merges and splits are, and wins over automatic linking: ingesting
the article again leaves it, and a new version of the article at the same URL carries
it to the same statement.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := a.outputFormat(format)
			if err != nil {
				return err
			}
			w, err := wire.NewWriter[wire.Hit](a.stdout, format)
			if err != nil {
				return err
			}
			correct := speaker != "" || nobody
			if !correct && why != "" {
				return fmt.Errorf("--why goes with a correction: give --speaker or --no-speaker")
			}
			if correct && why == "" {
				return fmt.Errorf("a correction needs --why (it is kept with the decision)")
			}
			mode := readOnly
			if correct {
				mode = readWrite
			}
			return a.withStore(cmd.Context(), mode, func(st whosaid.Store) error {
				var h *whosaid.StatementHit
				var err error
				if correct {
					c, ok := st.(whosaid.Corrector)
					if !ok {
						return whosaid.Errorf(whosaid.EUnsupported, "this store cannot correct statements")
					}
					h, err = c.CorrectStatement(cmd.Context(), whosaid.Correction{Statement: args[0], Speaker: speaker, NoSpeaker: nobody, Why: why})
				} else {
					h, err = st.Statement(cmd.Context(), args[0])
				}
				if err != nil {
					return err
				}
				if err := w.Write(wire.FromHit(*h)); err != nil {
					return err
				}
				if correct {
					who := "nobody"
					if h.Speaker != nil {
						who = h.Speaker.Name + " (" + h.Speaker.ID + ")"
					}
					fmt.Fprintf(a.stderr, "whosaid: %s is now said by %s; the decision is kept\n", h.ID, who)
				}
				return w.Close()
			})
		},
	}
	cmd.Flags().StringVar(&speaker, "speaker", "", "the right speaker: an id or a name that fits one speaker")
	cmd.Flags().BoolVar(&nobody, "no-speaker", false, "nobody can be named for this statement")
	cmd.Flags().StringVar(&why, "why", "", "why (recorded with the decision)")
	cmd.Flags().StringVar(&format, "format", "", formatHelp)
	return cmd
}
