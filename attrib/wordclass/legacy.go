package wordclass

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
)

// readLegacy reads the first release's file (gzip of each word and its
// ids), as its loader did: a word given twice keeps its last ids. Words
// come back sorted, so a converted file does not depend on map order.
func readLegacy(b []byte) ([]string, [][3]uint16, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, nil, fmt.Errorf("word classes: %w", err)
	}
	br := bufio.NewReader(zr)
	m := make([]byte, len(legacyMagic))
	if _, err := io.ReadFull(br, m); err != nil || string(m) != legacyMagic {
		return nil, nil, fmt.Errorf("word classes: not a word-class file")
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, nil, fmt.Errorf("word classes: %w", err)
	}
	byWord := make(map[string][3]uint16, n)
	buf := make([]byte, 256)
	for i := uint32(0); i < n; i++ {
		l, err := br.ReadByte()
		if err != nil {
			return nil, nil, fmt.Errorf("word classes: truncated at word %d of %d", i, n)
		}
		if _, err := io.ReadFull(br, buf[:l]); err != nil {
			return nil, nil, fmt.Errorf("word classes: truncated at word %d of %d", i, n)
		}
		var ids [3]uint16
		if err := binary.Read(br, binary.LittleEndian, &ids); err != nil {
			return nil, nil, fmt.Errorf("word classes: truncated at word %d of %d", i, n)
		}
		byWord[string(buf[:l])] = ids
	}
	// Reading on to the end checks the gzip trailer: a cut file fails here.
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, nil, fmt.Errorf("word classes: damaged file (%v)", err)
	}
	words := make([]string, 0, len(byWord))
	for w := range byWord {
		words = append(words, w)
	}
	slices.Sort(words)
	ids := make([][3]uint16, len(words))
	for i, w := range words {
		ids[i] = byWord[w]
	}
	return words, ids, nil
}
