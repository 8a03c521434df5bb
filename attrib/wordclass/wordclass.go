package wordclass

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"

	"github.com/whosaid/whosaid/internal/flat"
)

// Granularities are the numbers of classes, coarse to fine.
var Granularities = []int{64, 256, 1024}

// Classes maps words to their classes. It reads its file in place (the
// shipped classes straight from the binary): words are found through an
// open-addressing table of their hashes, built when the file is written.
type Classes struct {
	table flat.Table // FNV-1a of the word → its number
	offs  []byte     // uint32 per word, and one past the last, into words
	words []byte
	ids   []byte // 3 × uint16 per word
}

// The file: magic, the table, the word offsets, the words, the ids.
const (
	magic       = "WSWCL2"
	legacyMagic = "WSWCL1" // the first release's: gzip of words and ids
)

var le = binary.LittleEndian

// Classes returns the word's class at each granularity, nil for a word
// without a vector. Unknown words are tried again without a possessive
// ending and with digits as 0.
func (c *Classes) Classes(word string) []int {
	w := strings.ToLower(word)
	ids, ok := c.lookup(w)
	if !ok {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if ids, ok = c.lookup(w); !ok {
			w = strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) {
					return '0'
				}
				return r
			}, w)
			if ids, ok = c.lookup(w); !ok {
				return nil
			}
		}
	}
	return []int{int(le.Uint16(ids)), int(le.Uint16(ids[2:])), int(le.Uint16(ids[4:]))}
}

func (c *Classes) lookup(w string) ([]byte, bool) {
	i, ok := c.table.Get(hash(w))
	if !ok || c.word(i) != w {
		return nil, false
	}
	return c.ids[6*i : 6*i+6], true
}

func (c *Classes) word(i uint32) string {
	return string(c.words[le.Uint32(c.offs[4*i:]):le.Uint32(c.offs[4*i+4:])])
}

// hash is FNV-1a, 64 bits.
func hash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// Len is the number of words with classes.
func (c *Classes) Len() int { return c.table.Len() }

// Write writes classes: words in the given order with their ids.
func Write(w io.Writer, words []string, ids [][3]uint16) error {
	img, err := encode(words, ids)
	if err != nil {
		return err
	}
	_, err = w.Write(img)
	return err
}

func encode(words []string, ids [][3]uint16) ([]byte, error) {
	if len(words) != len(ids) {
		return nil, fmt.Errorf("word classes: %d words, %d ids", len(words), len(ids))
	}
	keys := make([]uint64, len(words))
	nums := make([]uint32, len(words))
	offs := []uint32{0}
	var blob, idb []byte
	for i, word := range words {
		keys[i], nums[i] = hash(word), uint32(i)
		blob = append(blob, word...)
		offs = append(offs, uint32(len(blob)))
		for _, v := range ids[i] {
			idb = le.AppendUint16(idb, v)
		}
	}
	var fw flat.Writer
	fw.Raw(magic)
	if err := flat.WriteTable(&fw, keys, nums); err != nil {
		return nil, fmt.Errorf("word classes: a word twice, or two words of one hash: %w", err)
	}
	fw.Array(flat.Uint32s(offs))
	fw.Array(blob)
	fw.Array(idb)
	return fw.Bytes(), nil
}

// Save writes the classes as Write would.
func (c *Classes) Save(w io.Writer) error {
	words := make([]string, c.Len())
	ids := make([][3]uint16, c.Len())
	for i := range words {
		words[i] = c.word(uint32(i))
		for k := range ids[i] {
			ids[i][k] = le.Uint16(c.ids[6*i+2*k:])
		}
	}
	return Write(w, words, ids)
}

// Load reads classes written by Write (or by the first release).
func Load(r io.Reader) (*Classes, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("word classes: %w", err)
	}
	if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
		words, ids, err := readLegacy(b)
		if err != nil {
			return nil, err
		}
		if b, err = encode(words, ids); err != nil {
			return nil, err
		}
	}
	return parse(b, true)
}

// parse reads a file in place; check also verifies every word's offsets
// (files from elsewhere: the shipped one is verified by its test).
func parse(b []byte, check bool) (*Classes, error) {
	r := flat.NewReader(b)
	if r.Raw(len(magic)) != magic {
		return nil, fmt.Errorf("word classes: not a word-class file")
	}
	t, err := flat.ReadTable(r)
	if err != nil {
		return nil, fmt.Errorf("word classes: %w", err)
	}
	c := &Classes{table: t, offs: r.Array(), words: r.Array(), ids: r.Array()}
	n := t.Len()
	switch {
	case r.Err() != nil:
		return nil, fmt.Errorf("word classes: %w", r.Err())
	case len(c.offs) != 4*(n+1) || len(c.ids) != 6*n || r.Left() != 0:
		return nil, fmt.Errorf("word classes: damaged file (%d words)", n)
	}
	if check {
		prev := uint32(0)
		for i := 0; i <= n; i++ {
			o := le.Uint32(c.offs[4*i:])
			if o < prev || int(o) > len(c.words) {
				return nil, fmt.Errorf("word classes: damaged file (word %d)", i)
			}
			prev = o
		}
		t.Each(func(_ uint64, v uint32) {
			if int(v) >= n && err == nil {
				err = fmt.Errorf("word classes: damaged file (word %d of %d)", v, n)
			}
		})
	}
	return c, err
}

//go:embed classes.bin
var shipped []byte

var (
	once     sync.Once
	defClass *Classes
	defErr   error
)

// Default returns the shipped classes, loaded once.
func Default() (*Classes, error) {
	once.Do(func() {
		if bytes.HasPrefix(shipped, []byte(magic)) {
			defClass, defErr = parse(shipped, false)
		} else {
			defClass, defErr = Load(bytes.NewReader(shipped))
		}
	})
	return defClass, defErr
}

// ShippedSHA256 returns the SHA-256 (hex) of the embedded classes.
func ShippedSHA256() string {
	sum := sha256.Sum256(shipped)
	return hex.EncodeToString(sum[:])
}
