// Package textenc tells UTF-8 with a few damaged bytes from text in
// another charset, for the plain-text and HTML decoders of package clean.
// Four stray bytes in an article of valid UTF-8 are damage to replace,
// not a reason to read the whole article in another charset (which turns
// every quotation mark and accented name into mojibake).
package textenc

import (
	"strings"
	"unicode/utf8"
)

// How the charset of an input was known: the provenance written beside
// it (Meta.CharsetFrom).
const (
	FromValid    = "valid UTF-8"
	FromBOM      = "byte-order mark"
	FromDeclared = "declared by the page"
	FromDamaged  = "UTF-8 with bytes that are not UTF-8 replaced"
	FromGuess    = "guessed by a detector: the bytes are not UTF-8"
	FromDefault  = "no declaration and no confident guess: the web's default"
)

// DamagedUTF8 reports whether raw, which is not valid UTF-8, is UTF-8
// with damage: its valid multi-byte sequences are at least as many as the
// bytes that fit no sequence. Text in a single-byte charset has almost no
// valid multi-byte sequences (they need a lead byte followed by
// continuation bytes, which its letters rarely are), so it fails. bad is
// the number of invalid bytes.
func DamagedUTF8(raw []byte) (ok bool, bad int) {
	good := 0
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
	return good > 0 && good >= bad, bad
}

// ReplaceInvalid returns raw as a string with every run of bytes that are
// not UTF-8 replaced by U+FFFD.
func ReplaceInvalid(raw []byte) string { return strings.ToValidUTF8(string(raw), "\uFFFD") }
