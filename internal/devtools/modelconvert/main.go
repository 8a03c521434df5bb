// Command modelconvert rewrites the shipped models of the first release's
// gzip format in the in-place format (issue 11), without retraining: each
// file is read by the loader that still accepts the old format, which
// keeps the quantised weights and scales as they are, and saved again.
//
//	go run ./internal/devtools/modelconvert
//
// run from the repository root. A file already converted is rewritten to
// the same bytes.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/whosaid/whosaid/attrib/model"
	"github.com/whosaid/whosaid/attrib/wordclass"
	"github.com/whosaid/whosaid/syntax"
)

type saver interface{ Save(io.Writer) error }

var files = []struct {
	path string
	load func([]byte) (saver, error)
}{
	{"syntax/models/tagger.bin", func(b []byte) (saver, error) { return syntax.LoadTagger(bytes.NewReader(b)) }},
	{"syntax/models/parser.bin", func(b []byte) (saver, error) { return syntax.LoadParser(bytes.NewReader(b)) }},
	{"attrib/wordclass/classes.bin", func(b []byte) (saver, error) {
		c, err := wordclass.Load(bytes.NewReader(b))
		return classesSaver{c}, err
	}},
	{"attrib/model/attrib.bin", func(b []byte) (saver, error) {
		classes, err := wordclass.Default()
		if err != nil {
			return nil, err
		}
		return model.Load(bytes.NewReader(b), classes)
	}},
}

func main() {
	for _, f := range files {
		if err := convert(f.path, f.load); err != nil {
			fmt.Fprintln(os.Stderr, "modelconvert:", err)
			os.Exit(1)
		}
	}
}

func convert(path string, load func([]byte) (saver, error)) error {
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m, err := load(old)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes -> %d bytes\n", path, len(old), buf.Len())
	return nil
}

type classesSaver struct{ c *wordclass.Classes }

func (s classesSaver) Save(w io.Writer) error { return s.c.Save(w) }
