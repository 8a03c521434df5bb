// Command gencorpus writes synthetic articles for benchmarks, as JSONL
// records whosaid ingests ({"url","text"|"html","published"}) or as one
// file per article.
//
//	go run ./internal/tools/gencorpus -n 100000 -out /tmp/corpus.jsonl
//	go run ./internal/tools/gencorpus -n 1000 -html -dir /tmp/pages
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/whosaid/whosaid/internal/gen"
)

func main() {
	n := flag.Int("n", 1000, "articles")
	seed := flag.Int64("seed", 1, "seed")
	speakers := flag.Int("speakers", 2000, "distinct speakers")
	outlets := flag.Int("outlets", 50, "distinct outlets")
	asHTML := flag.Bool("html", false, "write HTML pages instead of scraped text")
	out := flag.String("out", "", "JSONL file to write (- for stdout)")
	dir := flag.String("dir", "", "folder to write one file per article")
	flag.Parse()
	g := gen.New(*seed, *speakers, *outlets)
	switch {
	case *dir != "":
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			log.Fatal(err)
		}
		for i := 0; i < *n; i++ {
			a := g.Next()
			name, body := fmt.Sprintf("%07d.txt", i), a.Text
			if *asHTML {
				name, body = fmt.Sprintf("%07d.html", i), a.HTML
			}
			if err := os.WriteFile(filepath.Join(*dir, name), []byte(body), 0o644); err != nil {
				log.Fatal(err)
			}
		}
	case *out != "":
		f := os.Stdout
		if *out != "-" {
			var err error
			if f, err = os.Create(*out); err != nil {
				log.Fatal(err)
			}
		}
		w := bufio.NewWriter(f)
		enc := json.NewEncoder(w)
		for i := 0; i < *n; i++ {
			a := g.Next()
			rec := map[string]string{"url": a.URL, "published": a.Published.Format("2006-01-02")}
			if *asHTML {
				rec["html"] = a.HTML
			} else {
				rec["text"] = a.Text
			}
			if err := enc.Encode(rec); err != nil {
				log.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	default:
		log.Fatal("give -out FILE or -dir DIR")
	}
}
