package identity

import (
	"context"
	"fmt"
	"testing"

	"github.com/whosaid/whosaid"
)

// BenchmarkLink links the entities of many articles at once, as extract
// does for a run: the cost must grow with the number of entities, not its
// square.
func BenchmarkLink(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n, "docs"), func(b *testing.B) {
			docs := make([]*whosaid.Doc, n)
			for i := range docs {
				name := fmt.Sprintf("Amir Family%d", i%3000)
				d := &whosaid.Doc{ID: fmt.Sprint(i)}
				d.SetText(name + " said so.")
				d.Mentions = []whosaid.Mention{{Span: whosaid.Span{Start: 0, End: len(name)}, Kind: whosaid.MentionName, Name: name, Entity: 0}}
				d.Entities = []whosaid.Entity{{Name: name, Type: whosaid.Person, Mentions: []int{0}}}
				docs[i] = d
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := (Linker{}).Link(context.Background(), docs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
