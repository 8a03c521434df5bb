package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/whosaid/whosaid/identity/names"
)

func (a *app) namesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "names",
		Short: "the name matcher on its own",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "compare",
		Short: "compare pairs of names read from standard input",
		Long: `compare reads lines "name1<TAB>name2" (more columns are ignored; a header line
"name1<TAB>name2…" is skipped) and prints "name1<TAB>name2<TAB>same<TAB>score" for each:
same is 1 when the two may be one person or organisation (transliteration variants,
titles and articles aside), score their similarity from 0 to 1.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			sc := bufio.NewScanner(a.stdin)
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			w := bufio.NewWriter(a.stdout)
			bad := 0
			for n := 1; sc.Scan(); n++ {
				f := strings.Split(sc.Text(), "\t")
				if len(f) < 2 {
					if strings.TrimSpace(sc.Text()) != "" {
						fmt.Fprintf(a.stderr, "whosaid: line %d: want name1<TAB>name2\n", n)
						bad++
					}
					continue
				}
				if n == 1 && f[0] == "name1" && f[1] == "name2" {
					continue
				}
				same, score := names.Compare(f[0], f[1])
				s := 0
				if same {
					s = 1
				}
				fmt.Fprintf(w, "%s\t%s\t%d\t%.3f\n", f[0], f[1], s, score)
			}
			if err := sc.Err(); err != nil {
				return err
			}
			if err := w.Flush(); err != nil {
				return err
			}
			if bad > 0 {
				return exitError{exitPartial}
			}
			return nil
		},
	})
	return cmd
}
