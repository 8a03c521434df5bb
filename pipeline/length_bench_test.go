package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/internal/testshared"
	"github.com/whosaid/whosaid/pipeline"
)

// BenchmarkArticleLength runs the standard pipeline (after cleaning) on
// articles of 4 KB to 1 MB made of real news text (PolNeAR's training
// articles, one after another), so that cost per KB can be read across
// lengths: it must stay flat. Models load before the timer.
//
//	go test ./pipeline -run - -bench ArticleLength -benchtime 1x
func BenchmarkArticleLength(b *testing.B) {
	dir := testshared.Dir(b, "corpora", "polnear", "train", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no texts in %s: %v", dir, err)
	}
	sort.Strings(names)
	var all strings.Builder
	for _, n := range names {
		t, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(t)
		all.WriteString("\n\n")
		if all.Len() > 1<<20 {
			break
		}
	}
	text := all.String()
	stages, err := pipeline.Default(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var run []whosaid.Stage
	for _, s := range stages {
		if s.Name() != "clean" {
			run = append(run, s)
		}
	}
	warm := &whosaid.Doc{}
	warm.SetText(text[:4096])
	for _, s := range run {
		if err := s.Process(context.Background(), warm); err != nil {
			b.Fatal(err)
		}
	}
	for _, kb := range []int{4, 16, 64, 256, 1024} {
		n := kb << 10
		if n > len(text) {
			n = len(text)
		}
		// Cut at a paragraph break so the last sentence is whole.
		cut := text[:n]
		if k := strings.LastIndex(cut, "\n\n"); k > n/2 {
			cut = cut[:k]
		}
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				d := &whosaid.Doc{}
				d.SetText(cut)
				for _, s := range run {
					if err := s.Process(context.Background(), d); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/(float64(len(cut))/1024), "ms/KB")
		})
	}
}
