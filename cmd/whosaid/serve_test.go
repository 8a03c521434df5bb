package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the server's goroutines may write to at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServe runs `whosaid serve` in-process on a free loopback port over
// a new store: reads are open, writes need the token (from WHOSAID_TOKEN),
// an ingest through the API is searchable, and a cancelled context (what
// SIGINT and SIGTERM do) stops it with exit status 0.
func TestServe(t *testing.T) {
	t.Setenv("WHOSAID_TOKEN", "s3cret")
	var stderr syncBuffer
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := filepath.Join(t.TempDir(), "serve.db")
	done := make(chan int, 1)
	go func() { done <- a.run(ctx, []string{"--db", db, "serve", "--addr", "127.0.0.1:0"}) }()
	var base string
	for i := 0; i < 200 && base == ""; i++ {
		if m := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+)/`).FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(25 * time.Millisecond):
		}
	}
	if base == "" {
		t.Fatalf("serve did not say where it listens: %s", stderr.String())
	}
	send := func(method, path, token, body string) (int, []byte) {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	if code, b := send("GET", "/api/v1/stats", "", ""); code != 200 || !strings.Contains(string(b), `"articles":0`) {
		t.Errorf("stats of a new store: %d %s", code, b)
	}
	article := `{"url": "https://news.example/serve-1", "text": "Ferry Service Cut\n\nCoast Daily / Harbour master Ines Okafor said on Tuesday that the night ferry would stop in March."}` + "\n"
	if code, _ := send("POST", "/api/v1/ingest", "wrong", article); code != 401 {
		t.Errorf("ingest with a wrong token: %d", code)
	}
	code, b := send("POST", "/api/v1/ingest", "s3cret", article)
	var rep struct{ Stored int }
	if json.Unmarshal(b, &rep); code != 200 || rep.Stored != 1 {
		t.Fatalf("ingest: %d %s", code, b)
	}
	if code, b := send("GET", "/api/v1/statements?q=ferry", "", ""); code != 200 || !strings.Contains(string(b), "Okafor") {
		t.Errorf("search after the ingest: %d %s", code, b)
	}
	if code, b := send("GET", "/?q=ferry", "", ""); code != 200 || !strings.Contains(string(b), "night ferry") {
		t.Errorf("the search page: %d %.300s", code, b)
	}
	if !strings.Contains(stderr.String(), `"msg":"request"`) || !strings.Contains(stderr.String(), `"path":"/api/v1/stats"`) {
		t.Errorf("no structured request log: %s", stderr.String())
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after the stop signal: %s", code, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	if strings.Contains(stderr.String(), "s3cret") {
		t.Errorf("the token reached the log")
	}
}

func TestServeBadAddress(t *testing.T) {
	code, _, stderr := run(t, "", "--db", filepath.Join(t.TempDir(), "x.db"), "serve", "--addr", "127.0.0.1:notaport")
	if code != exitFailed || !strings.Contains(stderr, "--addr") {
		t.Errorf("a bad --addr: exit %d, %q", code, stderr)
	}
}

// TestServeReadOnlyNeedsAStore: without a token the store is opened
// read-only, so a misspelt --db is an error, not a new empty store.
func TestServeReadOnlyNeedsAStore(t *testing.T) {
	t.Setenv("WHOSAID_TOKEN", "")
	db := filepath.Join(t.TempDir(), "missing.db")
	code, _, stderr := run(t, "", "--db", db, "serve", "--addr", "127.0.0.1:0")
	if code != exitFailed || !strings.Contains(stderr, "missing.db") {
		t.Errorf("serve on a missing store: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a read-only serve created %s", db)
	}
}
