package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"sort"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid/attrib/model"
	"github.com/whosaid/whosaid/attrib/wordclass"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/wire"
)

// buildVersion reads what the Go toolchain recorded in the binary (module
// version, VCS commit) and the checksums of the embedded models.
func buildVersion() wire.Version {
	v := wire.Version{Version: "(unknown)", Models: map[string]string{}}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v.Version, v.Go = bi.Main.Version, bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = &s.Value
			case "vcs.time":
				v.CommitTime = &s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	v.Models["tagger"], v.Models["parser"] = syntax.ShippedSHA256()
	v.Models["attrib"] = model.ShippedSHA256()
	v.Models["wordclass"] = wordclass.ShippedSHA256()
	return v
}

func writeVersionText(w io.Writer, v wire.Version) {
	fmt.Fprintf(w, "whosaid %s\n", v.Version)
	switch {
	case v.Commit == nil:
		fmt.Fprintln(w, "commit   unknown (built without version control information)")
	default:
		when, dirty := "", ""
		if v.CommitTime != nil {
			when = " " + *v.CommitTime
		}
		if v.Modified {
			dirty = " (with uncommitted changes)"
		}
		fmt.Fprintf(w, "commit   %s%s%s\n", *v.Commit, when, dirty)
	}
	fmt.Fprintf(w, "go       %s\n", v.Go)
	names := make([]string, 0, len(v.Models))
	for n := range v.Models {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "models   (SHA-256)")
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, v.Models[n])
	}
}

func (a *app) versionCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "the version, commit and embedded models' checksums of this binary",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := buildVersion()
			switch format {
			case "", wire.FormatText, wire.FormatTable:
				writeVersionText(a.stdout, v)
				return nil
			case wire.FormatJSON, wire.FormatJSONL:
				w, err := wire.NewWriter[wire.Version](a.stdout, wire.FormatJSONL)
				if err != nil {
					return err
				}
				w.Write(v)
				return w.Close()
			}
			return fmt.Errorf("--format %q: want text or json", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "text (default) or json")
	return cmd
}
