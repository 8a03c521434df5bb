package syntax

import (
	"encoding/binary"
	"fmt"

	"github.com/whosaid/whosaid/internal/flat"
)

// The model file, read in place (the shipped models straight from the
// binary: nothing is inflated or rebuilt at start):
//
//	magic, classes (count, then each name), scale (float32),
//	the feature table (internal/flat: feature hash → row),
//	row offsets (uint32 per row, and one past the last) into
//	entries (class uint16, weight int16; a weight is int16 × scale).
//
// Rows are in feature-hash order, so one model always gives the same bytes.

// file is a model file and its parts.
type file struct {
	image      []byte
	classes    []string
	scale      float32
	table      flat.Table
	offs, ents []byte
}

var le = binary.LittleEndian

// sparse is a model being laid out: rows appended in key order.
type sparse struct {
	classes []string
	scale   float32
	keys    []uint64
	offs    []uint32
	ents    []byte
}

func (s *sparse) add(class uint16, q int16) {
	s.ents = le.AppendUint16(s.ents, class)
	s.ents = le.AppendUint16(s.ents, uint16(q))
}

// endRow closes the row of feature k (the entries added since the last).
func (s *sparse) endRow(k uint64) {
	if len(s.offs) == 0 {
		s.offs = append(s.offs, 0)
	}
	s.keys = append(s.keys, k)
	s.offs = append(s.offs, uint32(len(s.ents)/4))
}

func (s *sparse) encode(magic string) (file, error) {
	if len(s.offs) == 0 {
		s.offs = append(s.offs, 0)
	}
	var w flat.Writer
	w.Raw(magic)
	w.Uint32(uint32(len(s.classes)))
	for _, c := range s.classes {
		w.String(c)
	}
	w.Float32(s.scale)
	rows := make([]uint32, len(s.keys))
	for i := range rows {
		rows[i] = uint32(i)
	}
	if err := flat.WriteTable(&w, s.keys, rows); err != nil {
		return file{}, err
	}
	w.Array(flat.Uint32s(s.offs))
	w.Array(s.ents)
	return parseFile(w.Bytes(), magic, true)
}

// parseFile reads a model file in place. check also verifies every row
// and entry (files from elsewhere); the embedded models are verified by
// their tests instead, so that starting touches only the pages it reads.
func parseFile(b []byte, magic string, check bool) (file, error) {
	r := flat.NewReader(b)
	if r.Raw(len(magic)) != magic {
		return file{}, fmt.Errorf("not a %s model", magic)
	}
	f := file{image: b}
	nc := r.Uint32()
	if nc > 1<<16 {
		return file{}, fmt.Errorf("corrupt model: %d classes", nc)
	}
	for i := uint32(0); i < nc && r.Err() == nil; i++ {
		f.classes = append(f.classes, r.String())
	}
	f.scale = r.Float32()
	if r.Err() != nil {
		return file{}, fmt.Errorf("truncated model header: %w", r.Err())
	}
	var err error
	if f.table, err = flat.ReadTable(r); err != nil {
		return file{}, fmt.Errorf("corrupt model: %w", err)
	}
	f.offs, f.ents = r.Array(), r.Array()
	switch {
	case r.Err() != nil:
		return file{}, fmt.Errorf("truncated model: %w", r.Err())
	case len(f.offs) != 4*(f.table.Len()+1) || len(f.ents)%4 != 0:
		return file{}, fmt.Errorf("corrupt model: %d rows, %d offset bytes, %d entry bytes", f.table.Len(), len(f.offs), len(f.ents))
	}
	if check {
		if err := f.check(); err != nil {
			return file{}, fmt.Errorf("corrupt model: %w", err)
		}
	}
	return f, nil
}

// check verifies that every row is within the entries and every entry's
// class exists.
func (f *file) check() error {
	rows := uint32(f.table.Len())
	var err error
	f.table.Each(func(k uint64, r uint32) {
		if r >= rows && err == nil {
			err = fmt.Errorf("feature %#x: row %d of %d", k, r, rows)
		}
	})
	if err != nil {
		return err
	}
	prev := uint32(0)
	for i := 0; i < len(f.offs); i += 4 {
		o := le.Uint32(f.offs[i:])
		if o < prev || int(o) > len(f.ents)/4 {
			return fmt.Errorf("row %d: offset %d", i/4, o)
		}
		prev = o
	}
	if int(prev) != len(f.ents)/4 {
		return fmt.Errorf("rows end at entry %d of %d", prev, len(f.ents)/4)
	}
	for i := 0; i < len(f.ents); i += 4 {
		if c := le.Uint16(f.ents[i:]); int(c) >= len(f.classes) {
			return fmt.Errorf("class %d of %d", c, len(f.classes))
		}
	}
	return nil
}

// entries are the row of feature k.
func (f *file) entries(k uint64) ([]byte, bool) {
	r, ok := f.table.Get(k)
	if !ok {
		return nil, false
	}
	return f.ents[4*le.Uint32(f.offs[4*r:]) : 4*le.Uint32(f.offs[4*r+4:])], true
}

// scores adds the weights of feats into out. A weight is its int16 times
// the scale, rounded to float32 before the sum, as the first format's
// loader did when it turned them into floats: scores are the same bits.
func (f *file) scores(feats []uint64, out []float32) {
	for _, k := range feats {
		e, ok := f.entries(k)
		if !ok {
			continue
		}
		for i := 0; i+4 <= len(e); i += 4 {
			q := int16(le.Uint16(e[i+2:]))
			out[le.Uint16(e[i:])] += float32(float32(q) * f.scale)
		}
	}
}
