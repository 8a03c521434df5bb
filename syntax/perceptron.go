package syntax

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// perceptron is a multiclass averaged perceptron over hashed features.
// While training, every feature row is dense over the classes (w, and u
// for the average: avg = w - u/c); finalize turns the averages into sparse
// rows, which is what inference and the model file hold.
type perceptron struct {
	classes []string
	index   map[uint64]int32
	w, u    []float32  // training only: row*len(classes) + class
	rows    [][]entry  // after finalize
	fast    *featIndex // index, for lookups after finalize
}

type entry struct {
	class uint16
	w     float32
}

func newPerceptron(classes []string) *perceptron {
	return &perceptron{classes: classes, index: map[uint64]int32{}}
}

func (p *perceptron) n() int { return len(p.classes) }

// scores adds the weights of feats into out (len(classes)).
func (p *perceptron) scores(feats []uint64, out []float32) {
	clear(out)
	if p.rows != nil {
		for _, f := range feats {
			if r, ok := p.fast.get(f); ok {
				for _, e := range p.rows[r] {
					out[e.class] += e.w
				}
			}
		}
		return
	}
	n := p.n()
	for _, f := range feats {
		if r, ok := p.index[f]; ok {
			row := p.w[int(r)*n : int(r)*n+n]
			for c, v := range row {
				out[c] += v
			}
		}
	}
}

func (p *perceptron) row(f uint64) int {
	r, ok := p.index[f]
	if !ok {
		r = int32(len(p.index))
		p.index[f] = r
		p.w = append(p.w, make([]float32, p.n())...)
		p.u = append(p.u, make([]float32, p.n())...)
	}
	return int(r)
}

// update moves weight from pred to gold for every feature, at step c.
func (p *perceptron) update(feats []uint64, gold, pred int, c float32) {
	if gold == pred {
		return
	}
	n := p.n()
	for _, f := range feats {
		r := p.row(f) * n
		p.w[r+gold]++
		p.u[r+gold] += c
		p.w[r+pred]--
		p.u[r+pred] -= c
	}
}

// finalize averages the weights over c steps and keeps only those that
// matter (|w| ≥ minWeight) in sparse rows.
func (p *perceptron) finalize(c float32, minWeight float32) {
	n := p.n()
	index := map[uint64]int32{}
	var rows [][]entry
	for f, r := range p.index {
		var row []entry
		for k := 0; k < n; k++ {
			v := p.w[int(r)*n+k] - p.u[int(r)*n+k]/c
			if v >= minWeight || v <= -minWeight {
				row = append(row, entry{uint16(k), v})
			}
		}
		if len(row) > 0 {
			index[f] = int32(len(rows))
			rows = append(rows, row)
		}
	}
	p.index, p.rows, p.w, p.u = index, rows, nil, nil
	p.freeze()
}

// freeze builds the lookup index once the rows are final; a model is read
// by many goroutines at once and never written after this.
func (p *perceptron) freeze() { p.fast = newFeatIndex(p.index) }

// save writes the sparse model: classes, then per feature (in hash order,
// so one model always gives the same bytes) its entries with weights
// quantised to int16 under one scale.
func (p *perceptron) save(w io.Writer, magic string) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	le := binary.LittleEndian
	var scale float32
	for _, row := range p.rows {
		for _, e := range row {
			scale = max(scale, float32(math.Abs(float64(e.w))))
		}
	}
	scale /= math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	put := func(v any) { binary.Write(bw, le, v) }
	bw.WriteString(magic)
	put(uint16(len(p.classes)))
	for _, c := range p.classes {
		put(uint8(len(c)))
		bw.WriteString(c)
	}
	put(scale)
	keys := make([]uint64, 0, len(p.index))
	for k := range p.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	put(uint32(len(keys)))
	for _, k := range keys {
		row := p.rows[p.index[k]]
		put(k)
		put(uint8(len(row)))
		for _, e := range row {
			put(e.class)
			put(int16(math.Round(float64(e.w / scale))))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func loadPerceptron(r io.Reader, magic string) (*perceptron, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a model file: %w", err)
	}
	br := bufio.NewReader(zr)
	le := binary.LittleEndian
	var rerr error
	get := func(v any) {
		if rerr == nil {
			rerr = binary.Read(br, le, v)
		}
	}
	m := make([]byte, len(magic))
	if _, err := io.ReadFull(br, m); err != nil || string(m) != magic {
		return nil, fmt.Errorf("not a %s model", magic)
	}
	var nc uint16
	get(&nc)
	p := &perceptron{}
	for i := 0; i < int(nc) && rerr == nil; i++ {
		var l uint8
		get(&l)
		b := make([]byte, l)
		if rerr == nil {
			_, rerr = io.ReadFull(br, b)
		}
		p.classes = append(p.classes, string(b))
	}
	var scale float32
	var nf uint32
	get(&scale)
	get(&nf)
	if rerr != nil {
		return nil, fmt.Errorf("truncated model header: %w", rerr)
	}
	p.index = make(map[uint64]int32, nf)
	p.rows = make([][]entry, 0, nf)
	for i := uint32(0); i < nf; i++ {
		var k uint64
		var ne uint8
		get(&k)
		get(&ne)
		row := make([]entry, ne)
		for j := range row {
			var c uint16
			var q int16
			get(&c)
			get(&q)
			if int(c) >= len(p.classes) {
				return nil, fmt.Errorf("corrupt model: class %d of %d", c, len(p.classes))
			}
			row[j] = entry{c, float32(q) * scale}
		}
		if rerr != nil {
			return nil, fmt.Errorf("truncated model at feature %d of %d: %w", i, nf, rerr)
		}
		p.index[k] = int32(len(p.rows))
		p.rows = append(p.rows, row)
	}
	p.freeze()
	return p, nil
}
