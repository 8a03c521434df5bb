package syntax

// featIndex maps feature hashes to rows with open addressing in two flat
// arrays: a lookup touches one or two cache lines where a Go map with
// millions of entries touches more, and lookups are most of the time a
// tagger and a parser spend.
type featIndex struct {
	keys []uint64 // 0 marks an empty slot (hash 0 is remapped)
	vals []int32
	mask uint64
}

func newFeatIndex(m map[uint64]int32) *featIndex {
	size := uint64(1)
	for size < uint64(len(m))*2 {
		size <<= 1
	}
	ix := &featIndex{keys: make([]uint64, size), vals: make([]int32, size), mask: size - 1}
	for k, v := range m {
		ix.put(k, v)
	}
	return ix
}

func slotKey(k uint64) uint64 {
	if k == 0 {
		return 1 << 63
	}
	return k
}

// mix spreads the bits of a key over the table (keys are FNV hashes, whose
// low bits alone are not uniform enough).
func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

func (ix *featIndex) put(k uint64, v int32) {
	k = slotKey(k)
	for i := mix(k) & ix.mask; ; i = (i + 1) & ix.mask {
		if ix.keys[i] == 0 || ix.keys[i] == k {
			ix.keys[i], ix.vals[i] = k, v
			return
		}
	}
}

func (ix *featIndex) get(k uint64) (int32, bool) {
	k = slotKey(k)
	for i := mix(k) & ix.mask; ; i = (i + 1) & ix.mask {
		switch ix.keys[i] {
		case k:
			return ix.vals[i], true
		case 0:
			return 0, false
		}
	}
}
