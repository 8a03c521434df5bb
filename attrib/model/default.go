package model

import (
	"bytes"
	_ "embed"
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
		defaultModel, defaultErr = Load(bytes.NewReader(shipped), classes)
	})
	return defaultModel, defaultErr
}
