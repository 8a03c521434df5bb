package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readCommands are the commands that only read the store, with arguments.
var readCommands = [][]string{
	{"search", "strike"},
	{"speakers"},
	{"speaker", "Demirel"},
	{"article", "0123456789abcdef"},
	{"statement", "0123456789abcdef-1"},
	{"export"},
	{"stats"},
}

// TestReadCommandsNeedAStore: a read command given a store that does not
// exist, is empty or is not a store fails with exit 2 and a message naming
// the file, and creates or changes nothing.
func TestReadCommandsNeedAStore(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("shopping list\n"), 0o644)
	for _, c := range []struct{ db, why string }{
		{filepath.Join(dir, "mispelt.db"), "no store"},
		{empty, "empty file"},
		{text, "not a whosaid store"},
	} {
		for _, args := range readCommands {
			code, out, errs := run(t, "", append([]string{"--db", c.db}, args...)...)
			if code != 2 || out != "" || !strings.Contains(errs, c.db) || !strings.Contains(errs, c.why) {
				t.Errorf("%s on %s: exit %d, stdout %q, stderr %q; want exit 2 and %q", args[0], filepath.Base(c.db), code, out, errs, c.why)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "mispelt.db")); err == nil {
		t.Errorf("a read command created the misspelt store")
	}
	if fi, _ := os.Stat(empty); fi.Size() != 0 {
		t.Errorf("a read command wrote into the empty file")
	}
	// Ingest refuses the empty file too rather than making it a store.
	if code, _, errs := run(t, "", "--db", empty, "ingest", examples); code != 2 || !strings.Contains(errs, "empty file") {
		t.Errorf("ingest into an empty file: exit %d, %s", code, errs)
	}
}

// TestReadOnlyStoreSearchable runs the binary as a user who may read the
// store but not write it or its folder (nobody, when the tests run as
// root; else the file and folder are made read-only): every read command
// works, ingest says why it cannot, and a store the user may not read at
// all is refused with the reason, not "unable to open database file".
func TestReadOnlyStoreSearchable(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	os.Chmod(filepath.Dir(dir), 0o755) // the test's folder, made 0700
	os.Chmod(dir, 0o755)
	store := filepath.Join(dir, "store")
	os.Mkdir(store, 0o755)
	db := filepath.Join(store, "w.db")
	if code, _, errs := run(t, "", "--db", db, "ingest", examples); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	os.Chmod(db, 0o444)
	os.Chmod(store, 0o555)
	defer os.Chmod(store, 0o755)
	as := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		if os.Geteuid() == 0 {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errb.String()
	}
	for _, args := range [][]string{{"search", "strike"}, {"speakers"}, {"speaker", "Yusuf Demirel"}, {"export"}, {"stats"}} {
		code, out, errs := as(append([]string{"--db", db}, args...)...)
		if code != 0 || out == "" {
			t.Errorf("%s on a read-only store: exit %d, %q", args[0], code, errs)
		}
	}
	code, _, errs := as("--db", db, "ingest", examples)
	if code != 2 || !strings.Contains(errs, "read-only") {
		t.Errorf("ingest into a read-only store: exit %d, %q", code, errs)
	}
	os.Chmod(store, 0o700) // now the user cannot even enter the folder
	code, _, errs = as("--db", db, "stats")
	if code != 2 || !strings.Contains(errs, "permission denied") || strings.Contains(errs, "(14)") {
		t.Errorf("stats on an unreadable store: exit %d, %q; want the reason", code, errs)
	}
}
