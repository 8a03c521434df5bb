package main

import (
	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// searchClusters writes the clusters matching q, best first (search
// --clusters).
func (a *app) searchClusters(cmd *cobra.Command, q whosaid.ClusterQuery, format string, all bool) error {
	w, err := wire.NewWriter[wire.Cluster](a.stdout, format)
	if err != nil {
		return err
	}
	return a.withStore(cmd.Context(), readOnly, func(st whosaid.Store) error {
		for {
			page, err := st.Clusters(cmd.Context(), q)
			if err != nil {
				return err
			}
			for _, c := range page.Items {
				if err := w.Write(wire.FromClusterSummary(c)); err != nil {
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
}

// clusterCommand shows one cluster with all its reports.
func (a *app) clusterCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "cluster ID",
		Short: "one statement as every outlet reported it: its reports in order of publication",
		Long: `cluster shows a statement cluster (the "cluster" of a search or export row): its speaker,
fullest wording, independent outlets (reprints of one story counted once), first report,
and every report in order of publication (undated last). A table lists the reports on a
terminal; JSON lines otherwise (--format table|jsonl|json|csv).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := a.outputFormat(format)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), readOnly, func(st whosaid.Store) error {
				c, err := st.Cluster(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				out := wire.FromClusterDetail(c)
				if format == wire.FormatTable || format == wire.FormatCSV {
					w, err := wire.NewWriter[wire.Hit](a.stdout, format)
					if err != nil {
						return err
					}
					for _, h := range out.Statements {
						if err := w.Write(h); err != nil {
							return err
						}
					}
					return w.Close()
				}
				w, err := wire.NewWriter[wire.Cluster](a.stdout, format)
				if err != nil {
					return err
				}
				if err := w.Write(out); err != nil {
					return err
				}
				return w.Close()
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", formatHelp)
	return cmd
}
