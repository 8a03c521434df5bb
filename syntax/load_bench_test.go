package syntax

import (
	"testing"
)

// BenchmarkLoadShipped measures what a process pays at start for the
// shipped tagger and parser (what Default does).
func BenchmarkLoadShipped(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openShipped(shippedTagger, taggerMagic, legacyTaggerMagic); err != nil {
			b.Fatal(err)
		}
		if _, err := openShipped(shippedParser, parserMagic, legacyParserMagic); err != nil {
			b.Fatal(err)
		}
	}
}
