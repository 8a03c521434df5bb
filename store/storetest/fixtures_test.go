package storetest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/job"
)

// TestFixture checks the fixture holds the suite's articles with valid
// layers; with -update it annotates the articles with the pipeline and
// rewrites it (review the diff like code).
func TestFixture(t *testing.T) {
	if *update {
		dir := t.TempDir()
		var paths []string
		for _, a := range Articles {
			p := filepath.Join(dir, a.Name)
			if err := os.WriteFile(p, []byte(a.Text), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
		docs, rep, err := job.ExtractFiles(context.Background(), paths, job.Options{KeepRaw: true})
		if err != nil || rep.Failed > 0 || len(docs) != len(Articles) {
			t.Fatalf("annotating the suite's articles: %v, %+v", err, rep)
		}
		for _, d := range docs {
			d.Source = filepath.Base(d.Source)
			d.URL = URL(d.Source)
		}
		b, err := EncodeFixture(docs)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(testdataDir(), "docs.json"), append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	docs, err := Docs()
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range docs {
		if d.URL != URL(name) || len(d.Statements) == 0 || len(d.Entities) == 0 || d.Raw == nil {
			t.Errorf("%s: url %q, %d statements, %d entities", name, d.URL, len(d.Statements), len(d.Entities))
		}
		for _, s := range d.Statements {
			for _, c := range s.Content {
				if c.End > len(d.Text) || c.Start > c.End {
					t.Errorf("%s: content span %v outside the text", name, c)
				}
			}
		}
	}
}
