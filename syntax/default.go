package syntax

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
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
		var t, p *perceptron
		if t, defaultErr = openShipped(shippedTagger, taggerMagic, legacyTaggerMagic); defaultErr != nil {
			defaultErr = fmt.Errorf("tagger: %w", defaultErr)
			return
		}
		if p, defaultErr = openShipped(shippedParser, parserMagic, legacyParserMagic); defaultErr != nil {
			defaultErr = fmt.Errorf("parser: %w", defaultErr)
			return
		}
		defaultTagger, defaultParser = &Tagger{p: t}, &Parser{p: p}
	})
	return defaultTagger, defaultParser, defaultErr
}

// openShipped reads an embedded model in place, without the full check
// (its test makes it): starting reads only the header.
func openShipped(b []byte, magic, legacyMagic string) (*perceptron, error) {
	if isGzip(b) {
		return loadPerceptron(bytes.NewReader(b), magic, legacyMagic)
	}
	f, err := parseFile(b, magic, false)
	if err != nil {
		return nil, err
	}
	return &perceptron{classes: f.classes, file: f}, nil
}

// ShippedSHA256 returns the SHA-256 (hex) of the embedded tagger and
// parser, so `whosaid version` can say which models a binary carries.
func ShippedSHA256() (tagger, parser string) {
	t, p := sha256.Sum256(shippedTagger), sha256.Sum256(shippedParser)
	return hex.EncodeToString(t[:]), hex.EncodeToString(p[:])
}
