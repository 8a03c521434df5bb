package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
)

// copyBatch is how many records go into one write of the target store.
const copyBatch = 100

// copyCommand moves an archive between stores: `whosaid copy --from
// FILE.db --to postgres://…` and back.
func (a *app) copyCommand() *cobra.Command {
	var from, to string
	cmd := &cobra.Command{
		Use:   "copy --from LOCATION --to LOCATION",
		Short: "copy a whole store into another (SQLite ↔ PostgreSQL), without loss; run it again to finish an interrupted copy",
		Long: `copy reads every record of one store and writes what the other lacks: every version of
every article with its raw copy and statements, every speaker with its names (merged ones
too), the review decisions (merges, splits, corrections) and what they pinned, what watch
remembers of its sources, and the saved searches with their alerts. The target is created
or upgraded; what it holds already is kept, so a second run copies nothing new. Locations
are as --db takes them: a file path, sqlite://PATH or postgres://….`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if from == "" || to == "" {
				return fmt.Errorf("copy needs --from and --to")
			}
			if from == to {
				return fmt.Errorf("copy: --from and --to name the same store")
			}
			src, err := openLocation(ctx, from, readOnly)
			if err != nil {
				return err
			}
			defer src.Close()
			dst, err := openLocation(ctx, to, readWrite)
			if err != nil {
				return err
			}
			defer dst.Close()
			in, ok1 := src.(whosaid.Archiver)
			out, ok2 := dst.(whosaid.Archiver)
			if !ok1 || !ok2 {
				return whosaid.Errorf(whosaid.EUnsupported, "copy: one of the stores cannot be copied whole")
			}
			start := time.Now()
			var batch []whosaid.ArchiveRecord
			read, added := 0, 0
			flush := func() error {
				n, err := out.Load(ctx, batch)
				added += n
				batch = batch[:0]
				return err
			}
			err = in.Dump(ctx, func(r whosaid.ArchiveRecord) error {
				read++
				batch = append(batch, r)
				if len(batch) == copyBatch {
					return flush()
				}
				return nil
			})
			if err == nil && len(batch) > 0 {
				err = flush()
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "whosaid: copied %d records, %d new, %d already there; %.1fs\n",
				read, added, read-added, time.Since(start).Seconds())
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the store to copy")
	cmd.Flags().StringVar(&to, "to", "", "the store to copy into (created when missing)")
	return cmd
}
