package syntax

import (
	"io"
	"math"
	"slices"
)

// perceptron is a multiclass averaged perceptron over hashed features.
// While training, every feature row is dense over the classes (w, and u
// for the average: avg = w - u/c); finalize averages them into sparse
// rows of weights quantised to int16 under one scale, laid out as the
// model file (see modelfile.go), which is all inference reads.
type perceptron struct {
	classes []string
	index   map[uint64]int32 // training only
	w, u    []float32        // training only: row*len(classes) + class
	file                     // after freeze
}

// entry is one class weight of a sparse row, before quantisation.
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
	if p.index == nil {
		p.file.scores(feats, out)
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
// matter (|w| ≥ minWeight), as sparse rows by feature; the caller may add
// rows before freezing them.
func (p *perceptron) finalize(c float32, minWeight float32) map[uint64][]entry {
	n := p.n()
	rows := map[uint64][]entry{}
	for f, r := range p.index {
		var row []entry
		for k := 0; k < n; k++ {
			v := p.w[int(r)*n+k] - p.u[int(r)*n+k]/c
			if v >= minWeight || v <= -minWeight {
				row = append(row, entry{uint16(k), v})
			}
		}
		if len(row) > 0 {
			rows[f] = row
		}
	}
	p.index, p.w, p.u = nil, nil, nil
	return rows
}

// freeze quantises the rows to int16 under one scale (the largest weight
// maps to 32767) and lays them out as the model file; a model is read by
// many goroutines at once and never written after this.
func (p *perceptron) freeze(magic string, rows map[uint64][]entry) error {
	var scale float32
	for _, row := range rows {
		for _, e := range row {
			scale = max(scale, float32(math.Abs(float64(e.w))))
		}
	}
	scale /= math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	sp := sparse{classes: p.classes, scale: scale}
	keys := make([]uint64, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, e := range rows[k] {
			sp.add(e.class, int16(math.Round(float64(e.w/scale))))
		}
		sp.endRow(k)
	}
	f, err := sp.encode(magic)
	if err != nil {
		return err
	}
	p.file = f
	return nil
}

// save writes the model file.
func (p *perceptron) save(w io.Writer) error {
	_, err := w.Write(p.image)
	return err
}

// loadPerceptron reads a model file, or converts one of the gzip format
// of the first release (legacy.go).
func loadPerceptron(r io.Reader, magic, legacyMagic string) (*perceptron, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var f file
	if isGzip(b) {
		sp, err := readLegacy(b, legacyMagic)
		if err != nil {
			return nil, err
		}
		f, err = sp.encode(magic)
	} else {
		f, err = parseFile(b, magic, true)
	}
	if err != nil {
		return nil, err
	}
	return &perceptron{classes: f.classes, file: f}, nil
}
