package identity

import (
	"context"
	"fmt"
	"testing"

	"github.com/whosaid/whosaid"
)

// BenchmarkLink links one entity in each of many articles through one
// memory index, as extract does for a run: the cost per article must not
// grow with the number of speakers already known.
func BenchmarkLink(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n, "docs"), func(b *testing.B) {
			docs := make([]*whosaid.Doc, n)
			for i := range docs {
				name := fmt.Sprintf("Amir Family%d", i%3000)
				d := &whosaid.Doc{}
				d.SetText(name + " said so.")
				d.Mentions = []whosaid.Mention{{Span: whosaid.Span{Start: 0, End: len(name)}, Kind: whosaid.MentionName, Name: name, Entity: 0}}
				d.Entities = []whosaid.Entity{{Name: name, Type: whosaid.Person, Mentions: []int{0}}}
				docs[i] = d
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ix := NewMemoryIndex()
				for _, d := range docs {
					if err := (Linker{}).Link(context.Background(), ix, d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
