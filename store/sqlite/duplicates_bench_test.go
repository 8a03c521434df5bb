package sqlite_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/dedup"
	"github.com/whosaid/whosaid/store/sqlite"
)

// BenchmarkDuplicateLookup measures what grouping costs one new article
// (signing its text, finding candidates by band key, recording it) in a
// store whose duplicate index already holds n articles of synthetic
// signatures. WHOSAID_BENCH_DUPLICATES sets a larger n:
//
//	WHOSAID_BENCH_DUPLICATES=1000000 go test ./store/sqlite -run - -bench DuplicateLookup
func BenchmarkDuplicateLookup(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if v, err := strconv.Atoi(os.Getenv("WHOSAID_BENCH_DUPLICATES")); err == nil && v > 0 {
		sizes = []int{v}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("index=%d", n), func(b *testing.B) {
			ctx := context.Background()
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "dup.db"), sqlite.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			rng := rand.New(rand.NewSource(1))
			const batch = 20_000
			for done := 0; done < n; done += batch {
				err := st.Update(ctx, func(tx whosaid.Tx) error {
					for i := done; i < done+batch && i < n; i++ {
						sig := make([]uint32, dedup.Hashes)
						for k := range sig {
							sig[k] = rng.Uint32()
						}
						if err := tx.PutDuplicateEntry(ctx, whosaid.DuplicateEntry{ArticleID: "s" + strconv.Itoa(i), Signature: sig}, dedup.Keys(sig)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			words := make([]string, 5000)
			for i := range words {
				words[i] = "w" + strconv.Itoa(i)
			}
			texts := make([]string, b.N)
			for i := range texts {
				w := make([]string, 400)
				for k := range w {
					w[k] = words[rng.Intn(len(words))]
				}
				texts[i] = strings.Join(w, " ")
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				err := st.Update(ctx, func(tx whosaid.Tx) error {
					_, err := dedup.Add(ctx, tx, "new"+strconv.Itoa(i), texts[i], nil)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/article")
		})
	}
}
