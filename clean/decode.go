package clean

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/whosaid/whosaid"
)

// Decode turns raw bytes into UTF-8 text. It honours a byte-order mark,
// accepts UTF-8 with a few broken sequences (a truncated download keeps
// its good part), and otherwise asks a charset detector. It returns the
// name of the charset it decoded from.
func Decode(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), "utf-8", nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeWith(raw, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le")
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeWith(raw, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be")
	}
	if utf8.Valid(raw) {
		return string(raw), "utf-8", nil
	}
	if mostlyUTF8(raw) {
		return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8", nil
	}
	res, err := chardet.NewTextDetector().DetectBest(raw)
	if err != nil || res.Confidence < 10 {
		return "", "", whosaid.Errorf(whosaid.EInvalid, "cannot tell the character encoding")
	}
	enc, err := htmlindex.Get(res.Charset)
	if err != nil {
		return "", "", whosaid.Errorf(whosaid.EUnsupported, "character encoding %s is not supported", res.Charset)
	}
	return decodeWith(raw, enc, strings.ToLower(res.Charset))
}

func decodeWith(raw []byte, enc encoding.Encoding, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", whosaid.Errorf(whosaid.EInvalid, "not valid %s: %v", name, err)
	}
	return strings.ToValidUTF8(string(bytes.TrimPrefix(out, []byte("\uFEFF"))), "\uFFFD"), name, nil
}

// mostlyUTF8 tells whether nearly all non-ASCII sequences are valid UTF-8:
// then the broken ones are damage (a cut-off download), not another charset.
func mostlyUTF8(raw []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			i++
			continue
		}
		good++
		i += n
	}
	return good >= 20*bad && good > 0
}
