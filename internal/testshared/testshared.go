// Package testshared finds the project's shared corpora (../shared from
// the module root) for tests. Where they are absent a test skips, except
// under CI=true: CI has them, so a missing corpus there is a failure, not
// a silent skip.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns ../shared/<parts...> from the module root. When it does not
// exist the test is skipped, or failed when the environment says CI=true.
func Dir(t testing.TB, parts ...string) string {
	t.Helper()
	root, ok := moduleRoot()
	p := ""
	if ok {
		p = filepath.Join(append([]string{root, "..", "shared"}, parts...)...)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	Missing(t, "../shared/"+filepath.Join(parts...)+" is absent")
	return ""
}

// Missing skips t with why, or fails it under CI=true, where everything a
// test needs is installed and a skip would hide a broken check.
func Missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: tests must run, not skip)", why)
	}
	t.Skip(why)
}

func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
