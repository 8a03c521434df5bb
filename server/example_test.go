package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/whosaid/whosaid/server"
	"github.com/whosaid/whosaid/store/sqlite"
)

// A server over a store, read-only (no token): here on an httptest
// listener; `whosaid serve` runs Serve on a loopback port instead.
func Example() {
	dir, _ := os.MkdirTemp("", "whosaid-example")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "whosaid.db"), sqlite.Options{})
	if err != nil {
		panic(err)
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	resp, _ := ts.Client().Get(ts.URL + "/api/v1/speakers")
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, strings.TrimSpace(string(body)))
	resp, _ = ts.Client().Post(ts.URL+"/api/v1/ingest", "application/x-ndjson", nil)
	body, _ = io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, strings.TrimSpace(string(body)))
	// Output:
	// 200 {"items":[],"next":null}
	// 403 {"error":"this server is read-only: it was started without --token (or WHOSAID_TOKEN), so it takes no writes","code":"read_only"}
}
