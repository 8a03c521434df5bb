package dedup

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// Signature parameters. Bands of Rows hashes make two texts candidates
// with probability 1-(1-J^Rows)^Bands for word-shingle Jaccard similarity
// J: 0.3 at J=0.2, 0.996 at J=0.5, above 0.9999 at J=0.7. Copies of one
// story with a paragraph added or a footer changed sit above 0.6;
// different stories share almost no five-word sequences (J below 0.05).
const (
	Shingle = 5  // words per shingle
	Rows    = 3  // hashes per band
	Bands   = 40 // bands per signature
	Hashes  = Rows * Bands
)

// Threshold is the estimated similarity at or above which two articles
// are one story: above what two stories on one subject share, below what
// a reprint with another headline, footer and a paragraph changed keeps.
const Threshold = 0.5

// seeds are the per-hash salts, fixed so that signatures stored by one
// build compare with the next.
var seeds = func() [Hashes]uint64 {
	var s [Hashes]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + uint64(i)*0xbf58476d1ce4e5b9)
		s[i] = x
	}
	return s
}()

// mix is SplitMix64's finaliser: a cheap hash of a 64-bit word.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Words are the text's words, lower-cased, punctuation dropped: a change
// of quotation marks, dashes or capitals does not make another story.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Sign returns the MinHash signature of text, nil when it has no words.
func Sign(text string) []uint32 {
	w := Words(text)
	if len(w) == 0 {
		return nil
	}
	sig := make([]uint32, Hashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	n := len(w) - Shingle + 1
	if n < 1 {
		n = 1 // a text shorter than a shingle is one shingle
	}
	seen := make(map[uint64]struct{}, n)
	for i := 0; i < n; i++ {
		h := fnv.New64a()
		for j := i; j < i+Shingle && j < len(w); j++ {
			h.Write([]byte(w[j]))
			h.Write([]byte{' '})
		}
		x := h.Sum64()
		if _, dup := seen[x]; dup {
			continue
		}
		seen[x] = struct{}{}
		for k := range sig {
			if v := uint32(mix(x ^ seeds[k])); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// Keys are the LSH band keys of a signature: one per band, a hash of the
// band's number and values. Two signatures share a key when one of their
// bands is equal.
func Keys(sig []uint32) []uint64 {
	if len(sig) != Hashes {
		return nil
	}
	keys := make([]uint64, Bands)
	for b := range keys {
		x := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range sig[b*Rows : (b+1)*Rows] {
			x = mix(x ^ uint64(v))
		}
		// Stores keep keys in signed 64-bit columns; the top bit is
		// dropped so that every store orders and compares them alike.
		keys[b] = x >> 1
	}
	return keys
}

// Similarity estimates the Jaccard similarity of the shingle sets two
// signatures were computed from: the share of hashes on which they agree.
func Similarity(a, b []uint32) float64 {
	if len(a) != Hashes || len(b) != Hashes {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Hashes
}
