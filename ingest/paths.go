package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
)

// Walk calls fn for every file named by args, in order: a file as given, a
// folder's files recursively (sorted, hidden files and folders skipped), a
// glob's matches (sorted), and "-" for standard input. An argument that
// names nothing is reported to fn with a non-nil error and the walk goes on.
// fn returning a non-nil error stops the walk with that error.
func Walk(args []string, fn func(path string, err error) error) error {
	for _, arg := range args {
		if arg == "-" {
			if err := fn("-", nil); err != nil {
				return err
			}
			continue
		}
		paths, err := expand(arg)
		if err != nil {
			if err := fn(arg, err); err != nil {
				return err
			}
			continue
		}
		for _, p := range paths {
			if err := fn(p, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

func expand(arg string) ([]string, error) {
	info, err := os.Stat(arg)
	if err == nil {
		if !info.IsDir() {
			return []string{arg}, nil
		}
		return walkDir(arg)
	}
	if strings.ContainsAny(arg, "*?[") {
		matches, gerr := filepath.Glob(arg)
		if gerr != nil {
			return nil, whosaid.InputError(whosaid.EInvalid, arg, "bad glob pattern: %v", gerr)
		}
		if len(matches) == 0 {
			return nil, whosaid.InputError(whosaid.ENotFound, arg, "no file matches")
		}
		sort.Strings(matches)
		var out []string
		for _, m := range matches {
			sub, err := expand(m)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		}
		return out, nil
	}
	if os.IsNotExist(err) {
		return nil, whosaid.InputError(whosaid.ENotFound, arg, "no such file or folder")
	}
	return nil, whosaid.InputError(whosaid.EInvalid, arg, "cannot read: %v", err)
}

func walkDir(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, whosaid.InputError(whosaid.EInvalid, root, "cannot read folder: %v", err)
	}
	sort.Strings(out)
	return out, nil
}
