package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/gen"
	"github.com/whosaid/whosaid/store/sqlite"
	"github.com/whosaid/whosaid/wire"
)

func storeStats(t *testing.T, db string) (articles, statements, speakers int) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Articles, st.Statements, st.Speakers
}

func TestIngestTwiceStoresOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	code, _, errs := run(t, "", "--db", db, "ingest", "../../examples/articles")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	a1, s1, p1 := storeStats(t, db)
	code, _, errs = run(t, "", "--db", db, "ingest", "../../examples/articles")
	if code != 0 || !strings.Contains(errs, "0 new, "+fmt.Sprint(a1)+" already stored") {
		t.Fatalf("second ingest: exit %d: %s", code, errs)
	}
	a2, s2, p2 := storeStats(t, db)
	if a1 == 0 || s1 == 0 || a1 != a2 || s1 != s2 || p1 != p2 {
		t.Errorf("counts changed on re-ingest: %d/%d/%d then %d/%d/%d", a1, s1, p1, a2, s2, p2)
	}
	// The queries answer from what was stored, filters combined.
	code, out, _ := run(t, "", "--db", db, "search", "--format", "jsonl", "--kind", "direct", "strike")
	if code != 0 || out == "" {
		t.Fatalf("search: exit %d, %q", code, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var h wire.Hit
		if err := json.Unmarshal([]byte(line), &h); err != nil || h.Kind != "direct" {
			t.Errorf("search --kind direct gave %q", line)
		}
	}
	code, out, _ = run(t, "", "--db", db, "export", "--all", "--format", "csv")
	if code != 0 || strings.Count(out, "\n") < s1 {
		t.Errorf("export csv: exit %d, %d lines for %d statements", code, strings.Count(out, "\n"), s1)
	}
}

// TestIngestBadRecords: a WARC with a corrupt and a truncated record and
// a feed that is not one: the good records are stored, the bad reported,
// exit 1.
func TestIngestBadRecords(t *testing.T) {
	dir := t.TempDir()
	page := "<html><head><title>Bridge</title></head><body><article><p>The mayor said on Monday that the bridge would reopen next spring after the repairs were finished.</p><p>Engineers said the work was ahead of schedule.</p></article></body></html>"
	rec := func(uri, body string) string {
		resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
		return fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(resp), resp)
	}
	warc := rec("https://a.example/1", page) + "garbage line\r\n\r\n" + rec("https://a.example/2", strings.Replace(page, "mayor", "governor", 1))
	last := rec("https://a.example/3", page)
	warc += last[:len(last)/2]
	os.WriteFile(filepath.Join(dir, "crawl.warc"), []byte(warc), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.rss"), []byte(`<?xml version="1.0"?><rss><channel><item><title>x`), 0o644)
	db := filepath.Join(dir, "w.db")
	code, _, errs := run(t, "", "--db", db, "ingest", filepath.Join(dir, "crawl.warc"), filepath.Join(dir, "broken.rss"))
	if code != 1 {
		t.Errorf("exit %d, want 1 (some inputs failed): %s", code, errs)
	}
	if a, _, _ := storeStats(t, db); a != 2 {
		t.Errorf("%d articles stored, want the 2 good records", a)
	}
	for _, want := range []string{"crawl.warc", "truncated", "broken.rss"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not mention %q: %s", want, errs)
		}
	}
}

// hugeLine streams a JSONL input with a 1 GB line, then a good record,
// without ever holding the line.
type hugeLine struct{ left int64 }

func (h *hugeLine) Read(p []byte) (int, error) {
	if h.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && h.left > 0 {
		p[n] = 'a'
		n++
		h.left--
	}
	return n, nil
}

func TestIngestHugeLineAndBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("streams a gigabyte")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	good := `{"url":"https://a.example/ok","text":"Ok Headline\n\nThe minister said on Monday that taxes would not rise this year."}` + "\n"
	in := io.MultiReader(strings.NewReader(`{"text":"`), &hugeLine{left: 1 << 30}, strings.NewReader("\"}\n"+good))
	var out, errb bytes.Buffer
	a := &app{stdin: in, stdout: &out, stderr: &errb}
	code := a.run(context.Background(), []string{"--db", db, "ingest", "-"})
	if code != 1 || !strings.Contains(errb.String(), "longer than") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
	if n, _, _ := storeStats(t, db); n != 1 {
		t.Errorf("%d articles stored, want the good record", n)
	}
	// A gzip bomb: 1 GB of zeros in about a megabyte.
	bomb := filepath.Join(dir, "bomb.txt.gz")
	f, _ := os.Create(bomb)
	zw := newGzipWriter(f)
	zero := make([]byte, 1<<20)
	for i := 0; i < 1024; i++ {
		zw.Write(zero)
	}
	zw.Close()
	f.Close()
	code, _, errs := run(t, "", "--db", db, "ingest", bomb)
	if code == 0 || !strings.Contains(errs, "bomb.txt.gz") {
		t.Errorf("bomb: exit %d: %s", code, errs)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapSys > 1<<30 {
		t.Errorf("heap grew to %d MB", ms.HeapSys>>20)
	}
}

// TestIngestKilledResumes starts the real binary, kills it with SIGKILL
// in the middle of an ingest, runs it again, and checks the store holds
// exactly what an uninterrupted ingest stores.
func TestIngestKilledResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := binary(t)
	corpus := filepath.Join(dir, "corpus.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		t.Fatal(err)
	}
	g := gen.New(3, 200, 10)
	enc := json.NewEncoder(f)
	const n = 400
	for i := 0; i < n; i++ {
		art := g.Next()
		enc.Encode(map[string]string{"url": art.URL, "text": art.Text})
	}
	f.Close()

	clean := filepath.Join(dir, "clean.db")
	if out, err := exec.Command(bin, "--db", clean, "ingest", "--workers", "1", corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	wantA, wantS, _ := storeStats(t, clean)

	killed := filepath.Join(dir, "killed.db")
	for round := 0; round < 2; round++ {
		cmd := exec.Command(bin, "--db", killed, "ingest", "--workers", "1", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it once some articles are in.
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) {
			time.Sleep(100 * time.Millisecond)
			if fi, err := os.Stat(killed + "-wal"); err == nil && fi.Size() > 200<<10 {
				break
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		a, _, _ := storeStats(t, killed)
		t.Logf("round %d: killed with %d of %d articles stored", round+1, a, n)
		if a >= n {
			t.Fatalf("the ingest finished before it was killed: make the corpus larger")
		}
	}
	if out, err := exec.Command(bin, "--db", killed, "ingest", corpus).CombinedOutput(); err != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
	gotA, gotS, _ := storeStats(t, killed)
	if gotA != wantA || gotS != wantS {
		t.Errorf("after kill -9 and resume: %d articles, %d statements; uninterrupted: %d, %d", gotA, gotS, wantA, wantS)
	}
	if wantA != n {
		t.Errorf("%d of %d generated articles stored", wantA, n)
	}
}

func newGzipWriter(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) }
