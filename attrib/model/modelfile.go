package model

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/whosaid/whosaid/internal/flat"
)

// The model file (format 3), read in place (the shipped model straight
// from the binary: nothing is inflated or rebuilt at start):
//
//	magic, format, FeatureVersion, labels, uses word classes, stages;
//	per stage (one, or two for a stacked model): the weight scale, the
//	transition scores, the feature table (internal/flat: feature hash →
//	row) and the rows (nLabels int16 each; a weight is int16 × scale).
//
// Rows are in feature-hash order, so one model always gives the same
// bytes. FeatureVersion changes whenever features are added or reshaped:
// weights only make sense with the featurizer that learned them.
const (
	fileMagic      = "WSATTR"
	fileFormat     = 3
	FeatureVersion = 2
)

var le = binary.LittleEndian

// frozen is a stage's weights as the file holds them.
type frozen struct {
	table flat.Table
	rows  []byte // n × nLabels int16
	scale float32
}

// weight is label l of row r: the int16 times the scale, rounded to
// float32 on its own (the conversion keeps a compiler from fusing it into
// the sum), as format 2's loader computed it: scores are the same bits.
func (f *frozen) add(r int32, out *[nLabels]float32) {
	row := f.rows[2*nLabels*int(r) : 2*nLabels*(int(r)+1)]
	for l := 0; l < nLabels; l++ {
		out[l] += float32(float32(int16(le.Uint16(row[2*l:]))) * f.scale)
	}
}

// quantised is a stage laid out for the file: keys in order, their rows.
type quantised struct {
	scale float32
	trans [nLabels + 1][nLabels]float32
	keys  []uint64
	rows  []byte
}

// quantise maps a trained stage's weights to int16 under one scale (the
// largest weight maps to 32767); a loaded stage keeps its own.
func (m *weights) quantise() *quantised {
	q := &quantised{trans: m.trans}
	if m.flat != nil {
		q.scale = m.flat.scale
		m.flat.table.Each(func(k uint64, _ uint32) { q.keys = append(q.keys, k) })
		slices.Sort(q.keys)
		for _, k := range q.keys {
			r, _ := m.flat.table.Get(k)
			q.rows = append(q.rows, m.flat.rows[2*nLabels*int(r):2*nLabels*(int(r)+1)]...)
		}
		return q
	}
	for _, row := range m.w {
		for _, v := range row {
			q.scale = max(q.scale, float32(math.Abs(float64(v))))
		}
	}
	q.scale /= math.MaxInt16
	if q.scale == 0 {
		q.scale = 1
	}
	for k := range m.index {
		q.keys = append(q.keys, k)
	}
	slices.Sort(q.keys)
	for _, k := range q.keys {
		for _, v := range m.w[m.index[k]] {
			q.rows = le.AppendUint16(q.rows, uint16(int16(math.Round(float64(v/q.scale)))))
		}
	}
	return q
}

// Save writes the model.
func (m *Model) Save(w io.Writer) error {
	stages := []*quantised{m.w.quantise()}
	if m.stack != nil {
		stages = append(stages, m.stack.quantise())
	}
	img, err := encode(m.Clusters != nil, stages)
	if err != nil {
		return err
	}
	_, err = w.Write(img)
	return err
}

func encode(usesClusters bool, stages []*quantised) ([]byte, error) {
	var w flat.Writer
	w.Raw(fileMagic)
	for _, v := range []uint32{fileFormat, FeatureVersion, nLabels, uint32(boolByte(usesClusters)), uint32(len(stages))} {
		w.Uint32(v)
	}
	for _, st := range stages {
		w.Float32(st.scale)
		var trans []byte
		for _, row := range st.trans {
			for _, v := range row {
				trans = le.AppendUint32(trans, math.Float32bits(v))
			}
		}
		w.Array(trans)
		rows := make([]uint32, len(st.keys))
		for i := range rows {
			rows[i] = uint32(i)
		}
		if err := flat.WriteTable(&w, st.keys, rows); err != nil {
			return nil, err
		}
		w.Array(st.rows)
	}
	return w.Bytes(), nil
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// Load reads a model written by Save (or by an earlier release, format
// 2). clusters must be the word classes the model was trained with (nil
// if none); a mismatch is an error, since the weights of class features
// would be read against other classes.
func Load(r io.Reader, clusters Clusters) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	if isGzip(b) {
		usesClusters, stages, err := readLegacy(b)
		if err != nil {
			return nil, fmt.Errorf("attribution model: %w", err)
		}
		if b, err = encode(usesClusters, stages); err != nil {
			return nil, fmt.Errorf("attribution model: %w", err)
		}
	}
	return parse(b, clusters, true)
}

// parse reads a model file in place. check also verifies every feature's
// row (files from elsewhere); the embedded model is verified by its test
// instead, so that starting touches only the pages it reads.
func parse(b []byte, clusters Clusters, check bool) (*Model, error) {
	r := flat.NewReader(b)
	magic := r.Raw(len(fileMagic))
	format, version, labels, usesClusters, nStages := r.Uint32(), r.Uint32(), r.Uint32(), r.Uint32(), r.Uint32()
	switch {
	case magic != fileMagic:
		return nil, fmt.Errorf("attribution model: not a whosaid attribution model")
	case r.Err() != nil:
		return nil, fmt.Errorf("attribution model: truncated header: %w", r.Err())
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
		w, err := readStage(r, check)
		if err != nil {
			return nil, fmt.Errorf("attribution model: stage %d: %w", st+1, err)
		}
		if st == 0 {
			m.w = w
		} else {
			m.stack = w
		}
	}
	if r.Left() != 0 {
		return nil, fmt.Errorf("attribution model: %d bytes after the last stage", r.Left())
	}
	return m, nil
}

func readStage(r *flat.Reader, check bool) (*weights, error) {
	f := &frozen{scale: r.Float32()}
	trans := r.Array()
	if r.Err() != nil || len(trans) != 4*(nLabels+1)*nLabels {
		return nil, fmt.Errorf("truncated transitions (%v)", r.Err())
	}
	w := &weights{flat: f}
	for p := range w.trans {
		for c := range w.trans[p] {
			w.trans[p][c] = math.Float32frombits(le.Uint32(trans[4*(p*nLabels+c):]))
		}
	}
	var err error
	if f.table, err = flat.ReadTable(r); err != nil {
		return nil, err
	}
	f.rows = r.Array()
	switch {
	case r.Err() != nil:
		return nil, fmt.Errorf("truncated: %w", r.Err())
	case len(f.rows) != 2*nLabels*f.table.Len():
		return nil, fmt.Errorf("%d features but %d bytes of weights", f.table.Len(), len(f.rows))
	}
	if check {
		n := uint32(f.table.Len())
		f.table.Each(func(k uint64, v uint32) {
			if v >= n && err == nil {
				err = fmt.Errorf("feature %#x: row %d of %d", k, v, n)
			}
		})
	}
	return w, err
}

// isGzip tells a format 2 file (gzip) from a current one.
func isGzip(b []byte) bool { return bytes.HasPrefix(b, []byte{0x1f, 0x8b}) }
