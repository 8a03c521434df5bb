package model

import (
	"testing"

	"github.com/whosaid/whosaid/attrib/wordclass"
)

// BenchmarkLoadShipped measures what a process pays at start for the
// shipped attribution model, as Default opens it (the word classes have
// their own benchmark).
func BenchmarkLoadShipped(b *testing.B) {
	c, err := wordclass.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openShipped(c); err != nil {
			b.Fatal(err)
		}
	}
}
