package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"slices"
	"testing"

	"github.com/whosaid/whosaid/attrib/wordclass"
)

// The digests of the shipped model's two stages as the first release's
// loader held them in memory (transitions, then feature hash → float32
// bits per label), taken before the model was converted to format 3:
// equal digests mean every lookup gives the same weights, so every score
// is the same bits.
var shippedDigests = []string{
	"7f6174286036a83bc27122c3bee488983f0cad29f1504c12555d34a83d8ab695",
	"e517c549767cc31a8a635cfbd2165a5da8a62da6742bac3426457c2abd3d9bf9",
}

func weightsDigest(w *weights) string {
	h := sha256.New()
	var buf [8]byte
	put32 := func(v float32) {
		binary.LittleEndian.PutUint32(buf[:], math.Float32bits(v))
		h.Write(buf[:4])
	}
	for _, row := range w.trans {
		for _, v := range row {
			put32(v)
		}
	}
	var keys []uint64
	w.flat.table.Each(func(k uint64, _ uint32) { keys = append(keys, k) })
	slices.Sort(keys)
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:], k)
		h.Write(buf[:])
		var row [nLabels]float32
		w.flat.add(w.row(k, false), &row)
		for _, v := range row {
			put32(v)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestShippedModelKeepsItsWeights(t *testing.T) {
	if isGzip(shipped) {
		t.Error("the shipped model is in format 2 (gzip): it would be inflated at every start")
	}
	classes, err := wordclass.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(bytes.NewReader(shipped), classes) // with the full check
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []*weights{m.w, m.stack} {
		if got := weightsDigest(w); got != shippedDigests[i] {
			t.Errorf("stage %d: weights digest %s, want %s", i+1, got, shippedDigests[i])
		}
	}
}
