package wordclass

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"testing"
)

// shippedDigest is the digest of the shipped classes (words in order,
// each with its three ids) as the first release's loader held them, taken
// before the file was converted: every word keeps its classes.
const shippedDigest = "6be10de056b2959ffc17df04d697de2d84f89d1b186626be58a720d6b9dbaa1a"

func digest(c *Classes) string {
	words := make([]string, c.Len())
	for i := range words {
		words[i] = c.word(uint32(i))
	}
	slices.Sort(words)
	h := sha256.New()
	var buf [6]byte
	for _, w := range words {
		h.Write([]byte(w))
		h.Write([]byte{0})
		ids, ok := c.lookup(w)
		if !ok {
			return "word not found: " + w
		}
		copy(buf[:], ids)
		h.Write(buf[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestShippedClassesUnchanged(t *testing.T) {
	if !bytes.HasPrefix(shipped, []byte(magic)) {
		t.Error("the shipped classes are not in the in-place format: they would be inflated at every start")
	}
	c, err := Load(bytes.NewReader(shipped)) // with the full check
	if err != nil {
		t.Fatal(err)
	}
	if got := digest(c); got != shippedDigest {
		t.Errorf("digest %s, want %s", got, shippedDigest)
	}
}

// The first release's files still load, to the same classes.
func TestLegacyFileLoads(t *testing.T) {
	var old bytes.Buffer
	zw := gzip.NewWriter(&old)
	zw.Write([]byte(legacyMagic))
	words := []string{"told", "said", "told"} // a word twice keeps its last ids
	ids := [][3]uint16{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	binary.Write(zw, binary.LittleEndian, uint32(len(words)))
	for i, w := range words {
		zw.Write([]byte{byte(len(w))})
		zw.Write([]byte(w))
		binary.Write(zw, binary.LittleEndian, ids[i])
	}
	zw.Close()
	c, err := Load(bytes.NewReader(old.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 2 || fmt.Sprint(c.Classes("told")) != "[7 8 9]" || fmt.Sprint(c.Classes("Said")) != "[4 5 6]" {
		t.Errorf("%d words, told %v, said %v", c.Len(), c.Classes("told"), c.Classes("said"))
	}
	if _, err := Load(bytes.NewReader(old.Bytes()[:old.Len()-4])); err == nil {
		t.Error("a cut file loaded")
	}
}
