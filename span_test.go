package whosaid_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/whosaid/whosaid"
)

func TestDocCharAndByteOffsets(t *testing.T) {
	// Curly quotes and an em dash are three bytes each; "é" two. The
	// same answers with the index SetText builds and without it (a Doc
	// whose Text was assigned directly).
	text := "“Café” — he said."
	indexed := &whosaid.Doc{}
	indexed.SetText(text)
	for _, d := range []*whosaid.Doc{indexed, {Text: text}} {
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

// TestContentID: the id comes from the cleaned text and the URL, not from
// the bytes read, so the same text read twice is one article and the same
// text at another address is another.
func TestContentID(t *testing.T) {
	a, b, c := &whosaid.Doc{URL: "https://a.example/x"}, &whosaid.Doc{URL: "https://a.example/x"}, &whosaid.Doc{URL: "https://b.example/x"}
	a.Raw, b.Raw = []byte("<p>Same text.</p>"), []byte("<p>Same text.</p><!-- cached -->")
	for _, d := range []*whosaid.Doc{a, b, c} {
		d.SetText("Same text.")
	}
	if a.ID == "" || a.ID != b.ID || a.ID == c.ID {
		t.Errorf("ids %q %q %q", a.ID, b.ID, c.ID)
	}
	if whosaid.RawSHA256(a.Raw) == whosaid.RawSHA256(b.Raw) {
		t.Errorf("the raw copies differ, their hashes must too")
	}
}

// TestOffsetsReadConcurrently: once the text is set, offsets are only
// read, so many goroutines may convert at once (go test -race).
func TestOffsetsReadConcurrently(t *testing.T) {
	d := &whosaid.Doc{}
	d.SetText(strings.Repeat("“é” ", 100))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := 0; b < len(d.Text); b++ {
				if d.Byte(d.Char(b)) > b {
					t.Errorf("Byte(Char(%d)) past it", b)
					return
				}
			}
		}()
	}
	wg.Wait()
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
