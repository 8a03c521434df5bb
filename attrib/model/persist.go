package model

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file: gzip of a header, then per stage (one, or two for a
// stacked model) the transition scores and one record per feature (its
// hash and its weights quantised to int16 with a single scale), in hash
// order so the same model always gives the same bytes. FeatureVersion
// changes whenever features are added or reshaped: weights only make sense
// with the featurizer that learned them.
const (
	fileMagic      = "WSATTR"
	fileFormat     = 2
	FeatureVersion = 2
)

// Save writes the model.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	stages := []*weights{m.w}
	if m.stack != nil {
		stages = append(stages, m.stack)
	}
	hdr := []any{[]byte(fileMagic), uint16(fileFormat), uint16(FeatureVersion), uint8(nLabels),
		boolByte(m.Clusters != nil), uint8(len(stages))}
	for _, v := range hdr {
		if err := binary.Write(bw, binary.LittleEndian, v); err != nil {
			return err
		}
	}
	for _, st := range stages {
		if err := writeWeights(bw, st); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func writeWeights(bw io.Writer, w *weights) error {
	le := binary.LittleEndian
	var scale float32
	for _, row := range w.w {
		for _, v := range row {
			scale = max(scale, float32(math.Abs(float64(v))))
		}
	}
	scale /= math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	keys := make([]uint64, 0, len(w.index))
	for k := range w.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, v := range []any{scale, w.trans, uint32(len(keys))} {
		if err := binary.Write(bw, le, v); err != nil {
			return err
		}
	}
	var rec [8 + 2*nLabels]byte
	for _, k := range keys {
		le.PutUint64(rec[:], k)
		row := w.w[w.index[k]]
		for l, v := range row {
			le.PutUint16(rec[8+2*l:], uint16(int16(math.Round(float64(v/scale)))))
		}
		if _, err := bw.Write(rec[:]); err != nil {
			return err
		}
	}
	return nil
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// Load reads a model written by Save. clusters must be the word classes
// the model was trained with (nil if none); a mismatch is an error, since
// the weights of class features would be read against other classes.
func Load(r io.Reader, clusters Clusters) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(fileMagic))
	var format, version uint16
	var labels, usesClusters, nStages uint8
	for _, v := range []any{magic, &format, &version, &labels, &usesClusters, &nStages} {
		if err := binary.Read(br, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("attribution model: truncated header: %w", err)
		}
	}
	switch {
	case string(magic) != fileMagic:
		return nil, fmt.Errorf("attribution model: not a whosaid attribution model")
	case format != fileFormat || labels != nLabels:
		return nil, fmt.Errorf("attribution model: file format %d with %d labels, want %d with %d", format, labels, fileFormat, nLabels)
	case version != FeatureVersion:
		return nil, fmt.Errorf("attribution model: trained with features v%d, this build computes v%d: retrain with `whosaid train attrib`", version, FeatureVersion)
	case (usesClusters == 1) != (clusters != nil):
		return nil, fmt.Errorf("attribution model: trained with word classes=%v, loaded with word classes=%v", usesClusters == 1, clusters != nil)
	case nStages != 1 && nStages != 2:
		return nil, fmt.Errorf("attribution model: %d stages, want 1 or 2", nStages)
	}
	m := &Model{Clusters: clusters}
	for st := 0; st < int(nStages); st++ {
		w, err := readWeights(br)
		if err != nil {
			return nil, fmt.Errorf("attribution model: stage %d: %w", st+1, err)
		}
		if st == 0 {
			m.w = w
		} else {
			m.stack = w
		}
	}
	return m, nil
}

func readWeights(br io.Reader) (*weights, error) {
	le := binary.LittleEndian
	w := newWeights()
	var scale float32
	var n uint32
	for _, v := range []any{&scale, &w.trans, &n} {
		if err := binary.Read(br, le, v); err != nil {
			return nil, fmt.Errorf("truncated: %w", err)
		}
	}
	w.index = make(map[uint64]int32, n)
	w.w = make([][nLabels]float32, n)
	var rec [8 + 2*nLabels]byte
	for i := uint32(0); i < n; i++ {
		if _, err := io.ReadFull(br, rec[:]); err != nil {
			return nil, fmt.Errorf("truncated at feature %d of %d: %w", i, n, err)
		}
		w.index[le.Uint64(rec[:])] = int32(i)
		for l := 0; l < nLabels; l++ {
			w.w[i][l] = float32(int16(le.Uint16(rec[8+2*l:]))) * scale
		}
	}
	return w, nil
}
