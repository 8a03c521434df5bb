// Command whosaid turns news articles into a record of who said what, when,
// and which outlets reported it. Run `whosaid help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK      = 0
	exitPartial = 1 // some inputs failed, the rest went on
	exitFailed  = 2 // nothing could be done: bad usage or no input readable
)

// exitError carries an exit code out of a command.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// app holds what commands share: the standard streams, so tests can run
// the whole program in-process.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stdoutTTY      bool
	stderrTTY      bool
	// db is the store file (--db); empty for the default one.
	db string
	// clock is the time of progress reports (time.Now when nil; tests).
	clock func() time.Time
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		stdoutTTY: isTerminal(os.Stdout), stderrTTY: isTerminal(os.Stderr)}
	os.Exit(a.run(ctx, os.Args[1:]))
}

// run runs the command line args and returns the exit code.
func (a *app) run(ctx context.Context, args []string) int {
	root := a.rootCommand()
	root.SetArgs(withQueryWords(root, args))
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintln(a.stderr, "whosaid:", err)
	return exitFailed
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "whosaid",
		Short:         "who said what, when, and which outlets reported it",
		Long:          "whosaid reads news articles (plain text, HTML, WARC archives, RSS/Atom feeds, JSONL) and extracts every statement in them: who said it, the reporting verb, what was said and when, with the speaker resolved across spellings and articles. `extract` prints them; `ingest` keeps them in a store that `search`, `speakers`, `speaker`, `article`, `export` and `stats` query, and `serve` puts on the web (JSON API and UI). `ingest URL…` fetches pages, `watch` follows feeds, and `alerts` saves searches that tell you of new statements.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		noStore(a.extractCommand()),
		noStore(a.evalCommand()),
		noStore(a.trainCommand()),
		noStore(a.namesCommand()),
		noStore(a.versionCommand()),
		a.ingestCommand(),
		a.searchCommand(),
		a.speakersCommand(),
		a.speakerCommand(),
		a.articleCommand(),
		a.clusterCommand(),
		a.statementCommand(),
		a.exportCommand(),
		a.statsCommand(),
		a.upgradeCommand(),
		a.watchCommand(),
		a.alertsCommand(),
		a.serveCommand(),
		a.workerCommand(),
		noStore(a.copyCommand()),
	)
	root.PersistentFlags().StringVar(&a.db, "db", "", "store: a file path, sqlite://PATH or postgres://… (default: $WHOSAID_DB, else $XDG_DATA_HOME/whosaid/whosaid.db)")
	// --version prints what `whosaid version` prints (cobra's own would
	// need the models' checksums computed at every start).
	showVersion := root.Flags().Bool("version", false, "print the version, commit and embedded models' checksums")
	root.Args = cobra.NoArgs
	root.RunE = func(cmd *cobra.Command, args []string) error {
		if *showVersion {
			writeVersionText(a.stdout, buildVersion())
			return nil
		}
		return cmd.Help()
	}
	return root
}

// noStore marks a command (and its subcommands) that uses no store: --db
// is left out of its help and refused when given, instead of ignored.
func noStore(cmd *cobra.Command) *cobra.Command {
	cmd.PersistentFlags().Var(refusedDB(cmd.Name()), "db", "")
	cmd.PersistentFlags().MarkHidden("db")
	return cmd
}

type refusedDB string

func (r refusedDB) String() string { return "" }
func (r refusedDB) Type() string   { return "string" }
func (r refusedDB) Set(string) error {
	return fmt.Errorf("%s uses no store", string(r))
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
