package model

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"testing"
)

// writeLegacy writes a model in format 2 (the first release's writer,
// kept here to make old files for the tests).
func writeLegacy(t *testing.T, m *Model) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	bw := bufio.NewWriter(zw)
	put := func(v any) { binary.Write(bw, binary.LittleEndian, v) }
	stages := []*weights{m.w}
	if m.stack != nil {
		stages = append(stages, m.stack)
	}
	bw.WriteString(fileMagic)
	put(uint16(legacyFormat))
	put(uint16(FeatureVersion))
	put(uint8(nLabels))
	put(boolByte(m.Clusters != nil))
	put(uint8(len(stages)))
	for _, st := range stages {
		q := st.quantise()
		put(q.scale)
		put(q.trans)
		put(uint32(len(q.keys)))
		for i, k := range q.keys {
			put(k)
			bw.Write(q.rows[2*nLabels*i : 2*nLabels*(i+1)])
		}
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return out.Bytes()
}

// A format 2 file loads with the same weights and tags the same as the
// format 3 file Save writes of the same model, and converts to its bytes.
func TestLegacyModelLoads(t *testing.T) {
	docs := corpus()
	m, err := Train(docs, annotate, TrainOptions{Iterations: 4, Seed: 3, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	var cur bytes.Buffer
	if err := m.Save(&cur); err != nil {
		t.Fatal(err)
	}
	now, err := Load(bytes.NewReader(cur.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	old, err := Load(bytes.NewReader(writeLegacy(t, m)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !old.Stacked() || weightsDigest(old.w) != weightsDigest(now.w) || weightsDigest(old.stack) != weightsDigest(now.stack) {
		t.Fatal("weights differ between the format 2 and format 3 files")
	}
	var again bytes.Buffer
	if err := old.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), cur.Bytes()) {
		t.Error("a converted format 2 file differs from the file Save writes")
	}
	for _, d := range docs {
		if a, b := tagsOf(now, d), tagsOf(old, d); fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s: format 2 file tags %v, format 3 %v", d.Name, b, a)
		}
	}
}
