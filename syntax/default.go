package syntax

import (
	"bytes"
	_ "embed"
	"sync"
)

// The shipped models, trained on PolNeAR's silver CoreNLP annotations:
//
//	whosaid train tagger --corpus ../shared/corpora/polnear-corenlp --out syntax/models/tagger.bin
//	whosaid train parser --corpus ../shared/corpora/polnear-corenlp --out syntax/models/parser.bin
var (
	//go:embed models/tagger.bin
	shippedTagger []byte
	//go:embed models/parser.bin
	shippedParser []byte

	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultParser *Parser
	defaultErr    error
)

// Default returns the shipped tagger and parser, loaded once.
func Default() (*Tagger, *Parser, error) {
	defaultOnce.Do(func() {
		if defaultTagger, defaultErr = LoadTagger(bytes.NewReader(shippedTagger)); defaultErr != nil {
			return
		}
		defaultParser, defaultErr = LoadParser(bytes.NewReader(shippedParser))
	})
	return defaultTagger, defaultParser, defaultErr
}
