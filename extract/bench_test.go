package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract"
)

// BenchmarkAttribution measures the whole attribution stage — tokenize,
// sentences, quotations, mentions, syntax, the tagger — on PolNeAR dev
// texts, in sentences per second. Run with GOMAXPROCS=1 for the one-core
// figure:
//
//	GOMAXPROCS=1 go test ./extract -run - -bench Attribution -benchtime 3x
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
	stages, err := extract.Stages(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	// Everything from segmentation to statements: not cleaning, not
	// speaker resolution.
	var attribution []whosaid.Stage
	for _, s := range stages[1:] {
		attribution = append(attribution, s)
		if s.Name() == "attrib-model" {
			break
		}
	}
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
