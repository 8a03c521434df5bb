package flat

import (
	"fmt"
	"math"
	"math/bits"
)

// Table maps 64-bit keys (feature hashes) to 32-bit values (row numbers)
// by linear probing in two arrays read in place from a file: a lookup
// touches one or two cache lines, and loading it costs nothing. Key 0,
// which marks an empty slot, is kept apart, so every key is exact.
type Table struct {
	keys []byte // size × uint64
	vals []byte // size × uint32
	size uint64
	zero uint32 // value of key 0, or none
	n    int
}

const none = math.MaxUint32

// slots is the table size for n keys: a load of about 2/3, which keeps
// misses (most lookups of a tagger are misses) to a few probes.
func slots(n int) uint64 { return uint64(n) + uint64(n)/2 + 1 }

// mix spreads the bits of a key (FNV hashes are weak in their low bits);
// home is then its first slot, by multiplying into the table size.
func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

func home(k, size uint64) uint64 {
	hi, _ := bits.Mul64(mix(k), size)
	return hi
}

// WriteTable writes the table of keys[i] → vals[i]. Keys must be distinct
// and values below 2³²-1.
func WriteTable(w *Writer, keys []uint64, vals []uint32) error {
	if len(keys) != len(vals) {
		return fmt.Errorf("table: %d keys, %d values", len(keys), len(vals))
	}
	size := slots(len(keys))
	ks := make([]uint64, size)
	vs := make([]uint32, size)
	zero := uint32(none)
	for i, k := range keys {
		v := vals[i]
		if v == none {
			return fmt.Errorf("table: value %d out of range", v)
		}
		if k == 0 {
			if zero != none {
				return fmt.Errorf("table: key 0 twice")
			}
			zero = v
			continue
		}
		j := home(k, size)
		for ks[j] != 0 {
			if ks[j] == k {
				return fmt.Errorf("table: key %#x twice", k)
			}
			if j++; j == size {
				j = 0
			}
		}
		ks[j], vs[j] = k, v
	}
	w.Uint64(size)
	w.Uint32(zero)
	w.Uint32(uint32(len(keys)))
	w.Array(Uint64s(ks))
	w.Array(Uint32s(vs))
	return nil
}

// ReadTable reads what WriteTable wrote, in place.
func ReadTable(r *Reader) (Table, error) {
	t := Table{size: r.Uint64(), zero: r.Uint32(), n: int(r.Uint32())}
	t.keys, t.vals = r.Array(), r.Array()
	switch {
	case r.Err() != nil:
		return Table{}, fmt.Errorf("table: %w", r.Err())
	case t.size == 0 || uint64(len(t.keys)) != 8*t.size || uint64(len(t.vals)) != 4*t.size || uint64(t.n) > t.size:
		return Table{}, fmt.Errorf("table: corrupt (%d slots, %d keys, %d+%d bytes)", t.size, t.n, len(t.keys), len(t.vals))
	}
	return t, nil
}

// Get returns the value of key k.
func (t *Table) Get(k uint64) (uint32, bool) {
	if k == 0 {
		return t.zero, t.zero != none
	}
	for i := home(k, t.size); ; {
		switch le.Uint64(t.keys[8*i:]) {
		case k:
			return le.Uint32(t.vals[4*i:]), true
		case 0:
			return 0, false
		}
		if i++; i == t.size {
			i = 0
		}
	}
}

// Len is the number of keys.
func (t *Table) Len() int { return t.n }

// Each calls f for every key and value, in slot order.
func (t *Table) Each(f func(k uint64, v uint32)) {
	if t.zero != none {
		f(0, t.zero)
	}
	for i := uint64(0); i < t.size; i++ {
		if k := le.Uint64(t.keys[8*i:]); k != 0 {
			f(k, le.Uint32(t.vals[4*i:]))
		}
	}
}
