package model

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"os"
	"sync"

	"github.com/whosaid/whosaid/attrib/wordclass"
)

// The shipped model, trained on PolNeAR train by
//
//	whosaid train attrib --corpus ../shared/corpora/polnear/train --out attrib/model/attrib.bin
//
//go:embed attrib.bin
var shipped []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the shipped model, loaded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		classes, err := wordclass.Default()
		if err != nil {
			defaultErr = err
			return
		}
		defaultModel, defaultErr = openShipped(classes)
	})
	return defaultModel, defaultErr
}

// openShipped reads the embedded model in place, without the full check
// (its test makes it): starting reads only the headers.
func openShipped(classes Clusters) (*Model, error) {
	if isGzip(shipped) {
		return Load(bytes.NewReader(shipped), classes)
	}
	return parse(shipped, classes, false)
}

// Open loads a model file written by `whosaid train attrib`, with the
// shipped word classes (the ones training used).
func Open(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	defer f.Close()
	classes, err := wordclass.Default()
	if err != nil {
		return nil, err
	}
	m, err := Load(bufio.NewReader(f), classes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// ShippedSHA256 returns the SHA-256 (hex) of the embedded model.
func ShippedSHA256() string {
	sum := sha256.Sum256(shipped)
	return hex.EncodeToString(sum[:])
}
