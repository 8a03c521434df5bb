package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

func gz(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestReadRecognisesContent(t *testing.T) {
	html := []byte("<!DOCTYPE html><html><head><title>t</title></head><body><p>Hello</p></body></html>")
	text := []byte("A plain article.\n\nWith two paragraphs.")
	cases := []struct {
		name  string
		in    []byte
		media string
		code  string
	}{
		{"html.txt", html, whosaid.MediaHTML, ""},
		{"page.html.gz", gz(t, html), whosaid.MediaHTML, ""},
		{"story.txt", text, whosaid.MediaText, ""},
		{"story.txt.gz", gz(t, text), whosaid.MediaText, ""},
		{"latin1.txt", []byte("Caf\xe9 au lait, said the owner.\n"), whosaid.MediaText, ""},
		{"empty.txt", []byte(" \n\t\n"), "", whosaid.EEmpty},
		{"doc.pdf", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "", whosaid.EInvalid},
		{"nul.txt", []byte("text\x00with\x00nuls"), "", whosaid.EInvalid},
		{"truncated.gz", gz(t, text)[:20], "", whosaid.EInvalid},
		{"broken.gz", []byte{0x1f, 0x8b, 0, 0, 1, 2, 3}, "", whosaid.EInvalid},
	}
	for _, c := range cases {
		var got []*whosaid.Doc
		err := (&Reader{}).Read(c.name, bytes.NewReader(c.in), func(d *whosaid.Doc) bool { got = append(got, d); return true })
		if c.code != "" {
			if whosaid.ErrorCode(err) != c.code || len(got) != 0 {
				t.Errorf("%s: err %v (code %q), %d docs; want code %q", c.name, err, whosaid.ErrorCode(err), len(got), c.code)
			}
			if err != nil && !strings.HasPrefix(err.Error(), c.name+": ") {
				t.Errorf("%s: error %q does not name the input", c.name, err)
			}
			continue
		}
		if err != nil || len(got) != 1 || got[0].MediaType != c.media || got[0].RawSHA256 == "" {
			t.Errorf("%s: err %v, docs %d", c.name, err, len(got))
		}
	}
}

func TestReadLimitsSize(t *testing.T) {
	// A gzip bomb: a small file that decompresses past the limit.
	bomb := gz(t, bytes.Repeat([]byte("a"), 4<<20))
	err := (&Reader{MaxBytes: 1 << 20}).Read("bomb.gz", bytes.NewReader(bomb), func(*whosaid.Doc) bool { t.Error("bomb emitted a doc"); return true })
	if whosaid.ErrorCode(err) != whosaid.EInvalid || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("bomb: %v", err)
	}
}

func TestSameBytesSameID(t *testing.T) {
	var ids []string
	r := &Reader{}
	for i := 0; i < 2; i++ {
		r.Read("a.txt", strings.NewReader("Same article.\n"), func(d *whosaid.Doc) bool { ids = append(ids, d.RawSHA256); return true })
	}
	r.Read("b.txt", strings.NewReader("Other article.\n"), func(d *whosaid.Doc) bool { ids = append(ids, d.RawSHA256); return true })
	if ids[0] != ids[1] || ids[0] == ids[2] {
		t.Errorf("ids %v", ids)
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/1.txt", "a/b/2.txt", "a/.hidden/3.txt", "a/.dot.txt", "c.html"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("x"), 0o644)
	}
	var got []string
	var errs []string
	Walk([]string{filepath.Join(dir, "a"), filepath.Join(dir, "*.html"), filepath.Join(dir, "missing.txt"), "-"}, func(p string, err error) error {
		if err != nil {
			errs = append(errs, err.Error())
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if p == "-" {
			rel = "-"
		}
		got = append(got, rel)
		return nil
	})
	want := "a/1.txt a/b/2.txt c.html -"
	if strings.Join(got, " ") != want {
		t.Errorf("walk %v, want %s", got, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "missing.txt") {
		t.Errorf("errors %v", errs)
	}
}

// TestDocsStops: the document stream stops when its consumer stops, and
// when the context is cancelled (a cancelled job reads no further).
func TestDocsStops(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 5; i++ {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(fmt.Sprintf("Article %d says something.\n", i)), 0o644)
	}
	r := &Reader{}
	n := 0
	for d, err := range r.Docs(context.Background(), []string{dir}) {
		if err != nil || d == nil {
			t.Fatal(err)
		}
		if n++; n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("read %d", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n = 0
	var last error
	for d, err := range r.Docs(ctx, []string{dir, filepath.Join(dir, "missing.txt")}) {
		if err != nil {
			last = err
			continue
		}
		if d != nil {
			n++
			cancel()
		}
	}
	if n != 1 || !errors.Is(last, context.Canceled) {
		t.Errorf("after cancel: %d docs, last error %v", n, last)
	}
}
