package htmlbody

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/whosaid/whosaid"
)

// decodeCharset trusts, in order: a byte-order mark, a charset the page
// declares, valid UTF-8, and last a detector's guess (x/net alone would
// assume Windows-1252 for any page that declares nothing).
func decodeCharset(raw []byte) (string, error) {
	enc, name, certain := charset.DetermineEncoding(raw, "text/html")
	if !certain && utf8.Valid(raw) {
		return string(raw), nil
	}
	if !certain && !declaresCharset(raw) {
		if res, err := chardet.NewHtmlDetector().DetectBest(raw); err == nil && res.Confidence >= 30 {
			if e, err := htmlindex.Get(res.Charset); err == nil {
				enc, name = e, res.Charset
			}
		}
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", whosaid.Errorf(whosaid.EInvalid, "not valid %s: %v", name, err)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

func declaresCharset(raw []byte) bool {
	head := raw[:min(len(raw), 2048)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}
