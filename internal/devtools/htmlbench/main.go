// Command htmlbench scores whosaid's HTML article extraction on the
// article-extraction benchmark pages (html/*.html.gz + ground-truth.json):
// precision, recall and F1 over 4-word shingles of the body, the measure
// the benchmark publishes, both per page averaged (macro) and pooled (micro).
//
//	go run ./internal/devtools/htmlbench [-dir ../shared/corpora/article-extraction]
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/whosaid/whosaid/clean"
	"github.com/whosaid/whosaid/clean/htmlbody"
	"github.com/whosaid/whosaid/eval/score"
)

func main() {
	dir := flag.String("dir", "../shared/corpora/article-extraction", "benchmark folder")
	worst := flag.Int("worst", 0, "list the N pages with the lowest F1")
	flag.Parse()
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	raw, err := os.ReadFile(filepath.Join(*dir, "ground-truth.json"))
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		log.Fatal(err)
	}
	keys := make([]string, 0, len(gold))
	for k := range gold {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var pages []score.Shingles
	type row struct {
		key string
		f1  float64
	}
	var rows []row
	start := time.Now()
	failed := 0
	for _, k := range keys {
		page, err := readGz(filepath.Join(*dir, "html", k+".html.gz"))
		if err != nil {
			log.Fatal(err)
		}
		body := ""
		if pg, err := htmlbody.Extract(page, gold[k].URL); err == nil {
			body = clean.FromHTML(pg).Text
		} else {
			failed++
		}
		s := score.ShingleMatch(gold[k].ArticleBody, body, 4)
		pages = append(pages, s)
		rows = append(rows, row{k, s.F1()})
	}
	elapsed := time.Since(start)
	macro, micro := score.AverageShingles(pages)
	fmt.Printf("pages %d (failed %d) in %s (%.0f pages/s)\n", len(keys), failed, elapsed.Round(time.Millisecond), float64(len(keys))/elapsed.Seconds())
	fmt.Printf("macro  P %.3f  R %.3f  F1 %.3f\n", macro.P/100, macro.R/100, macro.F/100)
	fmt.Printf("micro  P %.3f  R %.3f  F1 %.3f\n", micro.P/100, micro.R/100, micro.F/100)
	sort.Slice(rows, func(i, j int) bool { return rows[i].f1 < rows[j].f1 })
	for _, r := range rows[:min(*worst, len(rows))] {
		fmt.Printf("%.3f %s %s\n", r.f1, r.key[:12], gold[r.key].URL)
	}
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !strings.HasSuffix(path, ".gz") {
		return io.ReadAll(f)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
