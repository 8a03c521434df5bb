package model

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
)

// Format 2, the first release's: gzip of a header, then per stage the
// transition scores and one record per feature (hash, nLabels int16). It
// is still read (a model trained then keeps working, and
// internal/devtools/modelconvert turns it into format 3), keeping the
// quantised weights and the scale as they are, so a converted model
// scores the same bits.
const legacyFormat = 2

func readLegacy(b []byte) (usesClusters bool, stages []*quantised, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return false, nil, err
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(fileMagic))
	var format, version uint16
	var labels, clusters, nStages uint8
	for _, v := range []any{magic, &format, &version, &labels, &clusters, &nStages} {
		if err := binary.Read(br, binary.LittleEndian, v); err != nil {
			return false, nil, fmt.Errorf("truncated header: %w", err)
		}
	}
	switch {
	case string(magic) != fileMagic:
		return false, nil, fmt.Errorf("not a whosaid attribution model")
	case format != legacyFormat || labels != nLabels:
		return false, nil, fmt.Errorf("file format %d with %d labels, want %d with %d", format, labels, legacyFormat, nLabels)
	case version != FeatureVersion:
		return false, nil, fmt.Errorf("trained with features v%d, this build computes v%d: retrain with `whosaid train attrib`", version, FeatureVersion)
	case nStages != 1 && nStages != 2:
		return false, nil, fmt.Errorf("%d stages, want 1 or 2", nStages)
	}
	for st := 0; st < int(nStages); st++ {
		q, err := readLegacyStage(br)
		if err != nil {
			return false, nil, fmt.Errorf("stage %d: %w", st+1, err)
		}
		stages = append(stages, q)
	}
	return clusters == 1, stages, nil
}

func readLegacyStage(br io.Reader) (*quantised, error) {
	le := binary.LittleEndian
	q := &quantised{}
	var n uint32
	for _, v := range []any{&q.scale, &q.trans, &n} {
		if err := binary.Read(br, le, v); err != nil {
			return nil, fmt.Errorf("truncated: %w", err)
		}
	}
	var rec [8 + 2*nLabels]byte
	for i := uint32(0); i < n; i++ {
		if _, err := io.ReadFull(br, rec[:]); err != nil {
			return nil, fmt.Errorf("truncated at feature %d of %d: %w", i, n, err)
		}
		q.keys = append(q.keys, le.Uint64(rec[:]))
		q.rows = append(q.rows, rec[8:]...)
	}
	return q, nil
}
