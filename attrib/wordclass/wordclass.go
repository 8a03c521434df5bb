package wordclass

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
)

// Granularities are the numbers of classes, coarse to fine.
var Granularities = []int{64, 256, 1024}

// Classes maps words to their classes.
type Classes struct {
	ids map[string][3]uint16
}

const magic = "WSWCL1"

// Classes returns the word's class at each granularity, nil for a word
// without a vector. Unknown words are tried again without a possessive
// ending and with digits as 0.
func (c *Classes) Classes(word string) []int {
	w := strings.ToLower(word)
	ids, ok := c.ids[w]
	if !ok {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if ids, ok = c.ids[w]; !ok {
			w = strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) {
					return '0'
				}
				return r
			}, w)
			if ids, ok = c.ids[w]; !ok {
				return nil
			}
		}
	}
	return []int{int(ids[0]), int(ids[1]), int(ids[2])}
}

// Len is the number of words with classes.
func (c *Classes) Len() int { return len(c.ids) }

// Write writes classes: words in the given order with their ids.
func Write(w io.Writer, words []string, ids [][3]uint16) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, uint32(len(words)))
	for i, word := range words {
		if len(word) > 255 {
			return fmt.Errorf("word too long: %q", word[:20])
		}
		bw.WriteByte(byte(len(word)))
		bw.WriteString(word)
		binary.Write(bw, binary.LittleEndian, ids[i])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads classes written by Write.
func Load(r io.Reader) (*Classes, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("word classes: %w", err)
	}
	br := bufio.NewReader(zr)
	m := make([]byte, len(magic))
	if _, err := io.ReadFull(br, m); err != nil || string(m) != magic {
		return nil, fmt.Errorf("word classes: not a word-class file")
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("word classes: %w", err)
	}
	c := &Classes{ids: make(map[string][3]uint16, n)}
	buf := make([]byte, 256)
	for i := uint32(0); i < n; i++ {
		l, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("word classes: truncated at word %d of %d", i, n)
		}
		if _, err := io.ReadFull(br, buf[:l]); err != nil {
			return nil, fmt.Errorf("word classes: truncated at word %d of %d", i, n)
		}
		var ids [3]uint16
		if err := binary.Read(br, binary.LittleEndian, &ids); err != nil {
			return nil, fmt.Errorf("word classes: truncated at word %d of %d", i, n)
		}
		c.ids[string(buf[:l])] = ids
	}
	// Reading on to the end checks the gzip trailer: a cut file fails here.
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("word classes: damaged file (%v)", err)
	}
	return c, nil
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
	once.Do(func() { defClass, defErr = Load(bytes.NewReader(shipped)) })
	return defClass, defErr
}

// ShippedSHA256 returns the SHA-256 (hex) of the embedded classes.
func ShippedSHA256() string {
	sum := sha256.Sum256(shipped)
	return hex.EncodeToString(sum[:])
}
