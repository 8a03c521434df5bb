package whosaid

import "unicode/utf8"

// Span is a half-open byte range [Start, End) into Doc.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// In returns the text the span covers.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// offsetIndex maps between byte and code-point offsets of one text. It is
// built once per Doc, on first use.
type offsetIndex struct {
	ascii bool
	// runeAt[b] is the code-point offset of byte b, for b in [0, len(text)].
	runeAt []int32
	// byteAt[r] is the byte offset of code point r, for r in [0, runes].
	byteAt []int32
}

func newOffsetIndex(text string) *offsetIndex {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return &offsetIndex{ascii: true}
	}
	idx := &offsetIndex{runeAt: make([]int32, len(text)+1)}
	r := int32(0)
	for b := 0; b < len(text); {
		_, size := utf8.DecodeRuneInString(text[b:])
		for k := 0; k < size; k++ {
			// A byte inside a multi-byte rune maps to that rune.
			idx.runeAt[b+k] = r
		}
		idx.byteAt = append(idx.byteAt, int32(b))
		b += size
		r++
	}
	idx.runeAt[len(text)] = r
	idx.byteAt = append(idx.byteAt, int32(len(text)))
	return idx
}

func (x *offsetIndex) char(b int) int {
	if x.ascii {
		return b
	}
	if b < 0 {
		return 0
	}
	if b >= len(x.runeAt) {
		return int(x.runeAt[len(x.runeAt)-1])
	}
	return int(x.runeAt[b])
}

func (x *offsetIndex) byteOf(r int) int {
	if x.ascii {
		return r
	}
	if r < 0 {
		return 0
	}
	if r >= len(x.byteAt) {
		return int(x.byteAt[len(x.byteAt)-1])
	}
	return int(x.byteAt[r])
}
