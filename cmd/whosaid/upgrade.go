package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
)

// upgradeCommand brings an existing store to this whosaid's schema. Read
// commands never upgrade (they open the store read-only), so after an
// update of whosaid they ask for this.
func (a *app) upgradeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "upgrade",
		Short: "upgrade an existing store to this whosaid's schema (read commands never write)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			// Opening for reading first refuses a store that does not exist.
			st, err := a.openStore(cmd.Context(), readOnly)
			if err == nil {
				st.Close()
				fmt.Fprintln(a.stderr, "whosaid: the store is up to date")
				return nil
			}
			if whosaid.ErrorCode(err) != whosaid.EUnsupported {
				return err
			}
			return a.withStore(cmd.Context(), readWrite, func(st whosaid.Store) error {
				s, err := st.Stats(cmd.Context())
				if err == nil {
					fmt.Fprintf(a.stderr, "whosaid: upgraded %s\n", s.Location)
				}
				return err
			})
		},
	}
}
