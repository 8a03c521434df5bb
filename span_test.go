package whosaid_test

import (
	"testing"

	"github.com/whosaid/whosaid"
)

func TestDocCharAndByteOffsets(t *testing.T) {
	// Curly quotes and an em dash are three bytes each; "é" two.
	d := &whosaid.Doc{Text: "“Café” — he said."}
	cases := []struct{ b, c int }{{0, 0}, {3, 1}, {6, 4}, {7, 4}, {8, 5}, {11, 6}, {12, 7}, {15, 8}, {len(d.Text), 17}}
	for _, c := range cases {
		if got := d.Char(c.b); got != c.c {
			t.Errorf("Char(%d) = %d, want %d", c.b, got, c.c)
		}
	}
	for r := 0; r <= 17; r++ {
		b := d.Byte(r)
		if d.Char(b) != r {
			t.Errorf("Char(Byte(%d)) = %d", r, d.Char(b))
		}
	}
	ascii := &whosaid.Doc{Text: "plain text"}
	if ascii.Char(5) != 5 || ascii.Byte(5) != 5 {
		t.Errorf("ASCII offsets must be identical")
	}
}

func TestSetTextDropsLayers(t *testing.T) {
	d := &whosaid.Doc{Text: "a b"}
	d.Tokens = []whosaid.Token{{Span: whosaid.Span{Start: 0, End: 1}}}
	d.Statements = []whosaid.Statement{{}}
	_ = d.Char(1)
	d.SetText("“x”")
	if d.Tokens != nil || d.Statements != nil {
		t.Errorf("layers survived SetText")
	}
	if d.Char(3) != 1 {
		t.Errorf("offset index not rebuilt: Char(3) = %d", d.Char(3))
	}
}

func TestErrorCode(t *testing.T) {
	err := whosaid.InputError(whosaid.EInvalid, "a.txt", "not text: %s", "a PDF file")
	if whosaid.ErrorCode(err) != whosaid.EInvalid {
		t.Errorf("code %q", whosaid.ErrorCode(err))
	}
	if err.Error() != "a.txt: not text: a PDF file" {
		t.Errorf("message %q", err.Error())
	}
	if whosaid.ErrorCode(nil) != "" {
		t.Errorf("nil error has a code")
	}
}
