package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/whosaid/whosaid/internal/pgtest"
)

// The whosaid binary, built once for the tests that run it as a separate
// process (a kill -9, another user).
var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
	// cleanups run after all tests (folders shared by several tests).
	cleanups []func()
)

func TestMain(m *testing.M) {
	code := pgtest.Main(m) // a PostgreSQL server for the tests that need one

	if binDir != "" {
		os.RemoveAll(binDir)
	}
	for _, f := range cleanups {
		f()
	}
	os.Exit(code)
}

// binary builds cmd/whosaid and returns the path of the binary.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "whosaid-bin-")
		if binErr != nil {
			return
		}
		os.Chmod(binDir, 0o755) // other users run it too
		binPath = filepath.Join(binDir, "whosaid")
		var out []byte
		if out, binErr = exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); binErr != nil {
			binErr = &buildError{binErr, string(out)}
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return "build: " + e.err.Error() + "\n" + e.out }
