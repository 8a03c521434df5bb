package cluster_test

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/cluster"
	"github.com/whosaid/whosaid/store/sqlite"
)

// synthetic builds statements of speakers words from a vocabulary, the
// shape of a large archive's index.
type synthetic struct {
	r     *rand.Rand
	vocab []string
}

func newSynthetic() *synthetic {
	s := &synthetic{r: rand.New(rand.NewSource(1))}
	for i := 0; i < 20000; i++ {
		s.vocab = append(s.vocab, fmt.Sprintf("w%04xq", i))
	}
	return s
}

func (s *synthetic) member(i int) whosaid.ClusterMember {
	words := make([]string, 12)
	for k := range words {
		words[k] = s.vocab[s.r.Intn(len(s.vocab))]
	}
	sort := append([]string(nil), words[:6]...)
	return whosaid.ClusterMember{Cluster: fmt.Sprintf("cl_%d", i), Statement: fmt.Sprintf("st-%d", i),
		Speaker: fmt.Sprintf("spk_%d", i%2000), Keys: sort, Wording: strings.Join(words, " ")}
}

// BenchmarkClusterCandidates: the lookup a new statement makes, on a
// SQLite store already holding n clustered statements (2,000 speakers).
// Its cost should grow no faster than the log of the store.
func BenchmarkClusterCandidates(b *testing.B) {
	for _, n := range []int{10000, 100000, 300000} {
		b.Run(fmt.Sprintf("store=%d", n), func(b *testing.B) {
			ctx := context.Background()
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "c.db"), sqlite.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			s := newSynthetic()
			for done := 0; done < n; {
				err := st.Update(ctx, func(tx whosaid.Tx) error {
					for k := 0; k < 5000 && done < n; k, done = k+1, done+1 {
						if err := tx.PutClusterMember(ctx, s.member(done)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m := s.member(n + i)
				err := st.Update(ctx, func(tx whosaid.Tx) error {
					_, err := tx.ClusterCandidates(ctx, m.Speaker, strings.Fields(m.Wording))
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkClusterArticle: clustering one article of 8 statements in
// memory (the words' reading and comparison, no store).
func BenchmarkClusterArticle(b *testing.B) {
	ix := cluster.NewMemoryIndex()
	s := newSynthetic()
	for i := 0; i < 100000; i++ {
		ix.PutClusterMember(context.Background(), s.member(i))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := 0; k < 8; k++ {
			m := s.member(100000 + i*8 + k)
			ix.ClusterCandidates(context.Background(), m.Speaker, strings.Fields(m.Wording))
		}
	}
}
