package htmlbody_test

import (
	"compress/gzip"
	"encoding/json"
	"github.com/whosaid/whosaid/internal/testshared"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/clean"
	"github.com/whosaid/whosaid/clean/htmlbody"
	"github.com/whosaid/whosaid/eval/score"
)

// benchmarkDir finds ../shared/corpora/article-extraction from the module
// root, or skips.
func benchmarkDir(t testing.TB) string {
	return testshared.Dir(t, "corpora", "article-extraction")
}

type page struct {
	key, url, gold string
	html           []byte
}

func loadPages(t testing.TB) []page {
	dir := benchmarkDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	var out []page
	for k, g := range gold {
		f, err := os.Open(filepath.Join(dir, "html", k+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page{k, g.URL, g.ArticleBody, b})
	}
	return out
}

// TestArticleExtractionBenchmark holds the body extraction to the level
// the benchmark publishes for go-trafilatura (F1 0.960 on 4-gram shingles).
func TestArticleExtractionBenchmark(t *testing.T) {
	var pages []score.Shingles
	for _, p := range loadPages(t) {
		body := ""
		if pg, err := htmlbody.Extract(p.html, p.url); err == nil {
			body = clean.FromHTML(pg).Text
		}
		pages = append(pages, score.ShingleMatch(p.gold, body, 4))
	}
	macro, micro := score.AverageShingles(pages)
	t.Logf("%d pages: macro F1 %.3f, micro F1 %.3f", len(pages), macro.F/100, micro.F/100)
	if macro.F < 96 || micro.F < 96 {
		t.Errorf("shingle F1 below 0.960: macro %.3f, micro %.3f", macro.F/100, micro.F/100)
	}
}

func BenchmarkExtract(b *testing.B) {
	pages := loadPages(b)
	b.ResetTimer()
	bytes := 0
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		bytes += len(p.html)
		htmlbody.Extract(p.html, p.url)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(bytes)/1e6/b.Elapsed().Seconds(), "MB/s")
}
