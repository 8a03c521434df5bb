package syntax

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
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

// ShippedSHA256 returns the SHA-256 (hex) of the embedded tagger and
// parser, so `whosaid version` can say which models a binary carries.
func ShippedSHA256() (tagger, parser string) {
	t, p := sha256.Sum256(shippedTagger), sha256.Sum256(shippedParser)
	return hex.EncodeToString(t[:]), hex.EncodeToString(p[:])
}
