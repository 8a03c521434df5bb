package wordclass

import (
	"testing"
)

// BenchmarkLoadShipped measures what a process pays at start for the
// shipped word classes (what Default does).
func BenchmarkLoadShipped(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(shipped, false); err != nil {
			b.Fatal(err)
		}
	}
}
