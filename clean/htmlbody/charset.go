package htmlbody

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/clean/textenc"
)

// decoded is a page made UTF-8 and how its charset was known.
type decoded struct {
	text, charset, from string
	replaced            int
}

// decodeCharset trusts, in order: a byte-order mark, a charset the page
// declares, UTF-8 (valid, or with a few damaged bytes, which are
// replaced), and last a detector's guess (x/net alone would assume
// Windows-1252 for any page that declares nothing).
func decodeCharset(raw []byte) (decoded, error) {
	enc, name, certain := charset.DetermineEncoding(raw, "text/html")
	from := textenc.FromDeclared
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		from = textenc.FromBOM
	}
	if !certain {
		if utf8.Valid(raw) {
			return decoded{text: string(raw), charset: "utf-8", from: textenc.FromValid}, nil
		}
		if ok, bad := textenc.DamagedUTF8(raw); ok {
			return decoded{text: textenc.ReplaceInvalid(raw), charset: "utf-8", from: textenc.FromDamaged, replaced: bad}, nil
		}
		if !declaresCharset(raw) {
			from = textenc.FromDefault
			if res, err := chardet.NewHtmlDetector().DetectBest(raw); err == nil && res.Confidence >= 30 {
				if e, err := htmlindex.Get(res.Charset); err == nil {
					enc, name, from = e, strings.ToLower(res.Charset), textenc.FromGuess
				}
			}
		}
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return decoded{}, whosaid.Errorf(whosaid.EInvalid, "not valid %s: %v", name, err)
	}
	d := decoded{text: textenc.ReplaceInvalid(out), charset: name, from: from}
	if name == "utf-8" && !utf8.Valid(out) {
		_, d.replaced = textenc.DamagedUTF8(out)
	}
	return d, nil
}

func declaresCharset(raw []byte) bool {
	head := raw[:min(len(raw), 2048)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}
