package flat

import (
	"testing"
)

func TestTable(t *testing.T) {
	cases := []struct {
		name   string
		keys   []uint64
		absent []uint64
	}{
		{"empty", nil, []uint64{0, 1, 42}},
		{"zero key", []uint64{0, 7}, []uint64{1 << 63, 8}},
		{"no zero key", []uint64{1 << 63, 3}, []uint64{0, 2}},
		// Keys that share their low bits, as FNV hashes of one template do.
		{"same low bits", []uint64{1 << 40, 2 << 40, 3 << 40, 4 << 40, 5 << 40}, []uint64{6 << 40, 1 << 50}},
		{"dense", seq(1, 1000), []uint64{1001, 5000, ^uint64(0)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vals := make([]uint32, len(c.keys))
			for i := range vals {
				vals[i] = uint32(3*i + 1)
			}
			var w Writer
			w.Raw("HDR")
			if err := WriteTable(&w, c.keys, vals); err != nil {
				t.Fatal(err)
			}
			r := NewReader(w.Bytes())
			if r.Raw(3) != "HDR" {
				t.Fatal("magic")
			}
			tb, err := ReadTable(r)
			if err != nil {
				t.Fatal(err)
			}
			if tb.Len() != len(c.keys) || r.Left() != 0 {
				t.Fatalf("len %d, %d bytes left", tb.Len(), r.Left())
			}
			for i, k := range c.keys {
				if v, ok := tb.Get(k); !ok || v != vals[i] {
					t.Errorf("Get(%#x) = %d, %v; want %d", k, v, ok, vals[i])
				}
			}
			for _, k := range c.absent {
				if v, ok := tb.Get(k); ok {
					t.Errorf("Get(%#x) = %d for an absent key", k, v)
				}
			}
			seen := map[uint64]uint32{}
			tb.Each(func(k uint64, v uint32) { seen[k] = v })
			if len(seen) != len(c.keys) {
				t.Errorf("Each saw %d keys, want %d", len(seen), len(c.keys))
			}
		})
	}
}

func seq(a, b uint64) []uint64 {
	var out []uint64
	for k := a; k <= b; k++ {
		out = append(out, k)
	}
	return out
}

func TestTableRefusesDuplicates(t *testing.T) {
	for _, keys := range [][]uint64{{5, 5}, {0, 0}} {
		var w Writer
		if err := WriteTable(&w, keys, []uint32{1, 2}); err == nil {
			t.Errorf("%v: no error", keys)
		}
	}
}

func TestReaderTruncated(t *testing.T) {
	var w Writer
	w.Uint32(9)
	w.Array([]byte("abcdefghij"))
	w.Float32(1.5)
	full := w.Bytes()
	for n := 0; n < len(full); n++ {
		r := NewReader(full[:n])
		r.Uint32()
		r.Array()
		r.Float32()
		if r.Err() == nil {
			t.Errorf("%d of %d bytes: no error", n, len(full))
		}
	}
	r := NewReader(full)
	if r.Uint32() != 9 || string(r.Array()) != "abcdefghij" || r.Float32() != 1.5 || r.Err() != nil || r.Left() != 0 {
		t.Errorf("round trip failed: %v", r.Err())
	}
}
