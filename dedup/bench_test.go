package dedup

import (
	"context"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

// BenchmarkSign is the cost of one article's signature (400 words).
func BenchmarkSign(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	w := make([]string, 400)
	for k := range w {
		w[k] = "w" + strconv.Itoa(rng.Intn(5000))
	}
	text := strings.Join(w, " ")
	for i := 0; i < b.N; i++ {
		Sign(text)
	}
}

// BenchmarkMemoryAdd is Add on a memory index of 1,000,000 articles.
func BenchmarkMemoryAdd(b *testing.B) {
	ctx := context.Background()
	ix := NewMemoryIndex()
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 1_000_000; i++ {
		sig := make([]uint32, Hashes)
		for k := range sig {
			sig[k] = rng.Uint32()
		}
		ix.PutDuplicateEntry(ctx, whosaid.DuplicateEntry{ArticleID: "s" + strconv.Itoa(i), Signature: sig}, Keys(sig))
	}
	texts := make([]string, b.N)
	for i := range texts {
		w := make([]string, 400)
		for k := range w {
			w[k] = "w" + strconv.Itoa(rng.Intn(5000))
		}
		texts[i] = strings.Join(w, " ")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Add(ctx, ix, "new"+strconv.Itoa(i), texts[i], nil); err != nil {
			b.Fatal(err)
		}
	}
}
