package syntax

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"slices"
	"testing"
)

// The digests of the shipped models' weights as the first release's
// loader held them in memory (feature hash → class → float32 bits),
// taken before the models were converted to the in-place format: equal
// digests mean every lookup gives the same weights, so every score is
// the same bits.
const (
	taggerDigest = "d15fc686b81a6d583999d7119a32b1408b39330ab5f2ee70351b15df86079773"
	parserDigest = "ea5732f9cbe91310cfd86d914dc339f5203596986912dcad4dbbaa77983f6252"
)

// weightsDigest hashes what a loader makes of a model, in the order the
// first release's digest was taken.
func weightsDigest(f *file) string {
	h := sha256.New()
	for _, c := range f.classes {
		h.Write([]byte(c))
		h.Write([]byte{0})
	}
	var keys []uint64
	f.table.Each(func(k uint64, _ uint32) { keys = append(keys, k) })
	slices.Sort(keys)
	var buf [8]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(buf[:], k)
		h.Write(buf[:])
		e, _ := f.entries(k)
		for i := 0; i < len(e); i += 4 {
			w := float32(float32(int16(le.Uint16(e[i+2:]))) * f.scale)
			binary.LittleEndian.PutUint16(buf[:], le.Uint16(e[i:]))
			binary.LittleEndian.PutUint32(buf[2:], math.Float32bits(w))
			h.Write(buf[:6])
		}
		h.Write([]byte{0xff, 0xff})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestShippedModelsKeepTheirWeights(t *testing.T) {
	for _, c := range []struct {
		name, magic, legacy, digest string
		b                           []byte
	}{
		{"tagger", taggerMagic, legacyTaggerMagic, taggerDigest, shippedTagger},
		{"parser", parserMagic, legacyParserMagic, parserDigest, shippedParser},
	} {
		t.Run(c.name, func(t *testing.T) {
			if isGzip(c.b) {
				t.Errorf("shipped %s is in the first release's gzip format: it would be inflated at every start", c.name)
			}
			p, err := openShipped(c.b, c.magic, c.legacy)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.check(); err != nil {
				t.Fatal(err)
			}
			if got := weightsDigest(&p.file); got != c.digest {
				t.Errorf("weights digest %s, want %s", got, c.digest)
			}
		})
	}
}
