package flat

import (
	"encoding/binary"
	"fmt"
	"math"
)

var le = binary.LittleEndian

// Writer appends fields to a file image.
type Writer struct{ b []byte }

// Bytes is the image written so far.
func (w *Writer) Bytes() []byte { return w.b }

func (w *Writer) Raw(s string)      { w.b = append(w.b, s...) }
func (w *Writer) Uint32(v uint32)   { w.b = le.AppendUint32(w.b, v) }
func (w *Writer) Uint64(v uint64)   { w.b = le.AppendUint64(w.b, v) }
func (w *Writer) Float32(v float32) { w.Uint32(math.Float32bits(v)) }
func (w *Writer) String(s string)   { w.Array([]byte(s)) }

// Array writes a length and the bytes, starting at an 8-byte boundary so
// that every array of 8-byte words read in place is aligned with the file.
func (w *Writer) Array(p []byte) {
	w.Uint64(uint64(len(p)))
	w.pad()
	w.b = append(w.b, p...)
	w.pad()
}

func (w *Writer) pad() {
	for len(w.b)%8 != 0 {
		w.b = append(w.b, 0)
	}
}

// Reader reads the fields a Writer wrote, in the same order. Arrays are
// slices of the image, not copies. The first error sticks: check Err once
// after reading a header.
type Reader struct {
	b   []byte
	off int
	err error
}

func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Err is the first read past the end, if any.
func (r *Reader) Err() error { return r.err }

func (r *Reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.off {
		r.err = fmt.Errorf("truncated at byte %d (want %d more, %d left)", r.off, n, len(r.b)-r.off)
		return nil
	}
	p := r.b[r.off : r.off+n : r.off+n]
	r.off += n
	return p
}

// Raw reads n bytes as a string (magic numbers).
func (r *Reader) Raw(n int) string { return string(r.take(n)) }

func (r *Reader) Uint32() uint32 {
	if p := r.take(4); p != nil {
		return le.Uint32(p)
	}
	return 0
}

func (r *Reader) Uint64() uint64 {
	if p := r.take(8); p != nil {
		return le.Uint64(p)
	}
	return 0
}

func (r *Reader) Float32() float32 { return math.Float32frombits(r.Uint32()) }

func (r *Reader) String() string { return string(r.Array()) }

// Array reads what Writer.Array wrote.
func (r *Reader) Array() []byte {
	n := r.Uint64()
	r.align()
	if n > uint64(len(r.b)) {
		r.take(-1)
		return nil
	}
	p := r.take(int(n))
	r.align()
	return p
}

func (r *Reader) align() {
	if k := r.off % 8; k != 0 {
		r.take(8 - k)
	}
}

// Left is the number of bytes not read yet.
func (r *Reader) Left() int { return len(r.b) - r.off }

// Uint64s and Uint32s encode arrays for Array.
func Uint64s(v []uint64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		le.PutUint64(b[8*i:], x)
	}
	return b
}

func Uint32s(v []uint32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		le.PutUint32(b[4*i:], x)
	}
	return b
}
