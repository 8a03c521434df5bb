package job_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
)

// BenchmarkAttribution measures the whole attribution stage — tokenize,
// sentences, quotations, mentions, syntax, the tagger — on PolNeAR dev
// texts, in sentences per second. Run with GOMAXPROCS=1 for the one-core
// figure:
//
//	GOMAXPROCS=1 go test ./job -run - -bench Attribution -benchtime 3x
func BenchmarkAttribution(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedDir(b), "corpora", "polnear", "dev", "text", "*.txt"))
	if len(files) == 0 {
		b.Skip("no PolNeAR dev texts")
	}
	var texts []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	stages, err := pipeline.Upto(whosaid.LayerStatements, pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	// Everything from segmentation to statements: not cleaning, not
	// speaker resolution.
	attribution := stages[1:]
	b.ReportAllocs()
	b.ResetTimer()
	sentences := 0
	for i := 0; i < b.N; i++ {
		for _, text := range texts {
			doc := &whosaid.Doc{}
			doc.SetText(text)
			for _, s := range attribution {
				if err := s.Process(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			sentences += len(doc.Sentences)
		}
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}
