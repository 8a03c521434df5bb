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
// built once per Doc, by SetText, and only read after.
type offsetIndex struct {
	text  string // the text it indexes (shares Doc.Text's bytes)
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
		return &offsetIndex{text: text, ascii: true}
	}
	idx := &offsetIndex{text: text, runeAt: make([]int32, len(text)+1)}
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

// slowChar and slowByte convert without an index, for a Doc whose Text was
// assigned directly instead of through SetText.
func slowChar(text string, b int) int {
	if b <= 0 {
		return 0
	}
	if b > len(text) {
		b = len(text)
	}
	for b < len(text) && b > 0 && !utf8.RuneStart(text[b]) {
		b-- // a byte inside a rune maps to that rune
	}
	return utf8.RuneCountInString(text[:b])
}

func slowByte(text string, r int) int {
	if r <= 0 {
		return 0
	}
	n := 0
	for i := range text {
		if n == r {
			return i
		}
		n++
	}
	return len(text)
}
