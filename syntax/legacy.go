package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
)

// The first release's model files were gzip of a header and one record
// per feature. They are still read (a model trained then keeps working,
// and internal/devtools/modelconvert turns them into the current one),
// keeping the quantised weights and the scale as they are, so a
// converted model scores the same bits.
const (
	legacyTaggerMagic = "WSPOS1"
	legacyParserMagic = "WSDEP1"
)

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func readLegacy(b []byte, magic string) (*sparse, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("not a model file: %w", err)
	}
	br := bufio.NewReader(zr)
	le := binary.LittleEndian
	var rerr error
	get := func(v any) {
		if rerr == nil {
			rerr = binary.Read(br, le, v)
		}
	}
	m := make([]byte, len(magic))
	if _, err := io.ReadFull(br, m); err != nil || string(m) != magic {
		return nil, fmt.Errorf("not a %s model", magic)
	}
	var nc uint16
	get(&nc)
	sp := &sparse{}
	for i := 0; i < int(nc) && rerr == nil; i++ {
		var l uint8
		get(&l)
		b := make([]byte, l)
		if rerr == nil {
			_, rerr = io.ReadFull(br, b)
		}
		sp.classes = append(sp.classes, string(b))
	}
	var nf uint32
	get(&sp.scale)
	get(&nf)
	if rerr != nil {
		return nil, fmt.Errorf("truncated model header: %w", rerr)
	}
	for i := uint32(0); i < nf; i++ {
		var k uint64
		var ne uint8
		get(&k)
		get(&ne)
		for j := 0; j < int(ne); j++ {
			var c uint16
			var q int16
			get(&c)
			get(&q)
			if int(c) >= len(sp.classes) {
				return nil, fmt.Errorf("corrupt model: class %d of %d", c, len(sp.classes))
			}
			sp.add(c, q)
		}
		if rerr != nil {
			return nil, fmt.Errorf("truncated model at feature %d of %d: %w", i, nf, rerr)
		}
		sp.endRow(k)
	}
	return sp, nil
}
