package main

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// queryCommands take a query in whosaid's language as their arguments,
// where "-word" means NOT word.
var queryCommands = map[string]bool{"search": true, "export": true, "add": true}

// withQueryWords rewrites args so that "-word" in the query of search,
// export and alerts add reaches the query instead of failing as an
// unknown flag: the command's flags (and their values) stay in front,
// the query's words go after "--" in their order. `whosaid search
// strike -talks` then means what it says, quoted or not.
func withQueryWords(root *cobra.Command, args []string) []string {
	// Walk down the command path: flags before a command name are the
	// root's (--db PATH); the first word that names no subcommand starts
	// the command's own arguments.
	cmd, i := root, 0
	for i < len(args) {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			if a == "--" {
				return args
			}
			n := flagWidth(cmd.Flags(), cmd.InheritedFlags(), args, i)
			// A flag of the command to come ("whosaid --format csv
			// search"): its value is the next word unless that word names
			// a subcommand.
			if n == 1 && strings.HasPrefix(a, "--") && !strings.Contains(a, "=") && cmd.Flags().Lookup(a[2:]) == nil &&
				cmd.InheritedFlags().Lookup(a[2:]) == nil && i+1 < len(args) && subcommand(cmd, args[i+1]) == nil {
				n = 2
			}
			i += n
			continue
		}
		sub := subcommand(cmd, a)
		if sub == nil {
			break
		}
		cmd, i = sub, i+1
	}
	if !queryCommands[cmd.Name()] || cmd == root {
		return args
	}
	lead, rest := args[:i], args[i:]
	var flags, words []string
	for k := 0; k < len(rest); {
		a := rest[k]
		switch {
		case a == "--":
			words = append(words, rest[k+1:]...)
			k = len(rest)
		case strings.HasPrefix(a, "-") && len(a) > 1 && (strings.HasPrefix(a, "--") || known(cmd, a)):
			n := flagWidth(cmd.Flags(), cmd.InheritedFlags(), rest, k)
			flags = append(flags, rest[k:k+n]...)
			k += n
		default:
			words = append(words, a) // a word, or "-talks": NOT talks
			k++
		}
	}
	out := append(append(append([]string{}, lead...), flags...), "--")
	return append(out, words...)
}

// subcommand is cmd's subcommand called name (or by an alias), nil if none.
func subcommand(cmd *cobra.Command, name string) *cobra.Command {
	for _, c := range cmd.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return c
		}
	}
	return nil
}

// known reports whether the short flag a ("-q", "-qv") is one of cmd's.
func known(cmd *cobra.Command, a string) bool {
	f := cmd.Flags().ShorthandLookup(a[1:2])
	if f == nil {
		f = cmd.InheritedFlags().ShorthandLookup(a[1:2])
	}
	return f != nil && (len(a) == 2 || isBool(f))
}

// flagWidth is how many arguments the flag at args[i] takes up: 2 when
// its value is the next argument, else 1.
func flagWidth(own, inherited *pflag.FlagSet, args []string, i int) int {
	a := args[i]
	var f *pflag.Flag
	switch {
	case strings.HasPrefix(a, "--"):
		name, _, hasValue := strings.Cut(a[2:], "=")
		if hasValue {
			return 1
		}
		if f = own.Lookup(name); f == nil {
			f = inherited.Lookup(name)
		}
	case len(a) == 2:
		if f = own.ShorthandLookup(a[1:]); f == nil {
			f = inherited.ShorthandLookup(a[1:])
		}
	}
	if f != nil && !isBool(f) && i+1 < len(args) {
		return 2
	}
	return 1
}

func isBool(f *pflag.Flag) bool { return f.Value.Type() == "bool" }
