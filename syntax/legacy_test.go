package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"slices"
	"strings"
	"testing"
)

// writeLegacy writes a model in the first release's format (its writer,
// kept here to make old files for the tests).
func writeLegacy(t *testing.T, f *file, magic string) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	bw := bufio.NewWriter(zw)
	put := func(v any) { binary.Write(bw, binary.LittleEndian, v) }
	bw.WriteString(magic)
	put(uint16(len(f.classes)))
	for _, c := range f.classes {
		put(uint8(len(c)))
		bw.WriteString(c)
	}
	put(f.scale)
	var keys []uint64
	f.table.Each(func(k uint64, _ uint32) { keys = append(keys, k) })
	slices.Sort(keys)
	put(uint32(len(keys)))
	for _, k := range keys {
		e, _ := f.entries(k)
		put(k)
		put(uint8(len(e) / 4))
		bw.Write(e)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return out.Bytes()
}

// A model of the first release's format loads with the same weights and
// tags and parses the same; saved again it is the current format.
func TestLegacyModelsLoad(t *testing.T) {
	sents := parseFixture(t)
	tg := TrainTagger(sents, TrainOptions{Iterations: 10, Seed: 1})
	ps := TrainParser(sents, TrainOptions{Iterations: 10, Seed: 1})
	oldT, err := LoadTagger(bytes.NewReader(writeLegacy(t, &tg.p.file, legacyTaggerMagic)))
	if err != nil {
		t.Fatal(err)
	}
	oldP, err := LoadParser(bytes.NewReader(writeLegacy(t, &ps.p.file, legacyParserMagic)))
	if err != nil {
		t.Fatal(err)
	}
	if weightsDigest(&oldT.p.file) != weightsDigest(&tg.p.file) || weightsDigest(&oldP.p.file) != weightsDigest(&ps.p.file) {
		t.Error("weights differ after the round trip through the old format")
	}
	if !bytes.Equal(oldT.p.image, tg.p.image) || !bytes.Equal(oldP.p.image, ps.p.image) {
		t.Error("converted model files differ from the ones Save writes")
	}
	for _, s := range sents {
		if a, b := strings.Join(tg.Tag(s.Words), " "), strings.Join(oldT.Tag(s.Words), " "); a != b {
			t.Errorf("tags %s, from the old file %s", a, b)
		}
		h1, l1 := ps.Parse(s.Words, s.Tags)
		h2, l2 := oldP.Parse(s.Words, s.Tags)
		if !slicesEqual(h1, h2) || strings.Join(l1, " ") != strings.Join(l2, " ") {
			t.Errorf("parse %v %v, from the old file %v %v", h1, l1, h2, l2)
		}
	}
	if _, err := LoadTagger(bytes.NewReader(writeLegacy(t, &tg.p.file, legacyParserMagic))); err == nil {
		t.Error("a parser file loads as a tagger")
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A damaged file is refused, not read out of bounds.
func TestLoadRefusesDamagedModels(t *testing.T) {
	tg := TrainTagger(parseFixture(t), TrainOptions{Iterations: 2, Seed: 1})
	img := tg.p.image
	for _, n := range []int{0, 3, len(taggerMagic) + 2, len(img) / 2, len(img) - 1} {
		if _, err := LoadTagger(bytes.NewReader(img[:n])); err == nil {
			t.Errorf("cut at %d of %d bytes: loaded", n, len(img))
		}
	}
	bad := bytes.Clone(img)
	// The first entry's class (the entries, padded to 8 bytes, end the file).
	ents := len(tg.p.ents)
	binary.LittleEndian.PutUint16(bad[len(bad)-ents-(8-ents%8)%8:], 999)
	if _, err := LoadTagger(bytes.NewReader(bad)); err == nil {
		t.Error("an entry of class 999 loaded")
	}
}
