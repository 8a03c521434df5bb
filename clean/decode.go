package clean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/clean/textenc"
)

// Decoded is raw bytes made text, and how their charset was known.
type Decoded struct {
	Text    string
	Charset string // "utf-8", "windows-1252", …
	From    string // how the charset was known (textenc.From…)
	// Replaced counts the bytes that were not UTF-8, each run replaced by
	// U+FFFD.
	Replaced int
}

// Warning is what the user should be told about the decoding, or "":
// bytes replaced, a charset guessed.
func (d Decoded) Warning() string {
	switch {
	case d.Replaced > 0:
		return fmt.Sprintf("%d bytes that are not UTF-8 replaced with U+FFFD (the rest is valid UTF-8)", d.Replaced)
	case d.From == textenc.FromGuess:
		return fmt.Sprintf("not UTF-8: read as %s, a guess (no byte-order mark, no declaration)", d.Charset)
	}
	return ""
}

// Decode turns raw bytes into UTF-8 text. It honours a byte-order mark;
// takes UTF-8 as UTF-8, also when a few bytes are damaged (they are
// replaced, and counted); and only for bytes that are not UTF-8 asks a
// charset detector.
func Decode(raw []byte) (Decoded, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		body := raw[3:]
		d := Decoded{Text: textenc.ReplaceInvalid(body), Charset: "utf-8", From: textenc.FromBOM}
		if !utf8.Valid(body) {
			_, d.Replaced = textenc.DamagedUTF8(body)
		}
		return d, nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeWith(raw, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", textenc.FromBOM)
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeWith(raw, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", textenc.FromBOM)
	}
	if utf8.Valid(raw) {
		return Decoded{Text: string(raw), Charset: "utf-8", From: textenc.FromValid}, nil
	}
	if ok, bad := textenc.DamagedUTF8(raw); ok {
		return Decoded{Text: textenc.ReplaceInvalid(raw), Charset: "utf-8", From: textenc.FromDamaged, Replaced: bad}, nil
	}
	res, err := chardet.NewTextDetector().DetectBest(raw)
	if err != nil || res.Confidence < 10 {
		return Decoded{}, whosaid.Errorf(whosaid.EInvalid, "cannot tell the character encoding (not UTF-8, and no confident guess)")
	}
	enc, err := htmlindex.Get(res.Charset)
	if err != nil {
		return Decoded{}, whosaid.Errorf(whosaid.EUnsupported, "character encoding %s is not supported", res.Charset)
	}
	return decodeWith(raw, enc, strings.ToLower(res.Charset), textenc.FromGuess)
}

func decodeWith(raw []byte, enc encoding.Encoding, name, from string) (Decoded, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return Decoded{}, whosaid.Errorf(whosaid.EInvalid, "not valid %s: %v", name, err)
	}
	return Decoded{Text: textenc.ReplaceInvalid(bytes.TrimPrefix(out, []byte("\uFEFF"))), Charset: name, From: from}, nil
}
