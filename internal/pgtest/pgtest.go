// Package pgtest gives tests a PostgreSQL server: a throwaway cluster
// started once per test process (initdb and pg_ctl under a temporary
// folder, on a free loopback port, as an unprivileged user when the tests
// run as root, since initdb refuses root), or the server
// WHOSAID_TEST_POSTGRES names (postgres://…, a role that may create
// databases). Each test gets a fresh database of its own.
//
// Tests that need PostgreSQL skip only when no server can be had; under
// CI=true, where .ci/run installs one, they fail instead.
//
// A package's tests use it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
package pgtest

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid/internal/testshared"
)

// EnvURL names an existing server to test against instead of a
// throwaway cluster.
const EnvURL = "WHOSAID_TEST_POSTGRES"

var (
	adminURL string // a database of the server to connect to for CREATE DATABASE
	missing  string // why there is no server, when there is none
	counter  atomic.Int64
)

// Main starts the server for the package's tests (when there is none
// named by WHOSAID_TEST_POSTGRES), runs them and stops it.
func Main(m *testing.M) int {
	if u := os.Getenv(EnvURL); u != "" {
		adminURL = u
		return m.Run()
	}
	c, err := Start(context.Background(), "")
	if err != nil {
		missing = err.Error()
		return m.Run()
	}
	adminURL = c.URL
	code := m.Run()
	if err := c.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
	}
	return code
}

// DB returns the address of a new, empty database for t, dropped when t
// ends. Without a server it skips t (fails it under CI=true).
func DB(t testing.TB) string {
	t.Helper()
	if adminURL == "" {
		why := missing
		if why == "" {
			why = "pgtest.Main did not run (call it from TestMain)"
		}
		testshared.Missing(t, "no PostgreSQL server for this test: "+why)
		return ""
	}
	name := fmt.Sprintf("whosaid_test_%d_%d", os.Getpid(), counter.Add(1))
	ctx := context.Background()
	if err := admin(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	t.Cleanup(func() {
		if err := admin(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("pgtest: drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(adminURL)
	if err != nil {
		t.Fatalf("pgtest: %s: %v", EnvURL, err)
	}
	u.Path = "/" + name
	return u.String()
}

func admin(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// Cluster is a running throwaway cluster.
type Cluster struct {
	Dir string // data, socket and log live under it
	URL string // the postgres database as the superuser "postgres"
	bin string
	as  string // the user the server runs as ("" for the current one)
	own bool   // Dir was made by Start, so Stop removes it
}

// BinDir finds the PostgreSQL server programs: the newest
// /usr/lib/postgresql/*/bin (Debian's layout), else initdb on PATH.
func BinDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("no PostgreSQL server programs (initdb) in /usr/lib/postgresql/*/bin or on PATH: apt-get install postgresql")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// Start makes a cluster under dir (a new temporary folder when "") and
// starts it on a free loopback port, trusting local connections: it is
// for tests and experiments, never for data that matters.
func Start(ctx context.Context, dir string) (*Cluster, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin, Dir: dir}
	if c.Dir == "" {
		if c.Dir, err = os.MkdirTemp("", "whosaid-pg-"); err != nil {
			return nil, err
		}
		c.own = true
	}
	if os.Geteuid() == 0 {
		// initdb refuses root: run the server as the postgres user (the
		// Debian package creates it), owner of the folder.
		c.as = "postgres"
		u, err := user.Lookup(c.as)
		if err != nil {
			c.cleanup()
			return nil, fmt.Errorf("running as root and there is no %q user to run PostgreSQL as: %v", c.as, err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(c.Dir, uid, gid); err != nil {
			c.cleanup()
			return nil, err
		}
		if err := os.Chmod(c.Dir, 0o700); err != nil {
			c.cleanup()
			return nil, err
		}
	}
	data := filepath.Join(c.Dir, "data")
	if out, err := c.run(ctx, "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		c.cleanup()
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := freePort()
		if err != nil {
			c.cleanup()
			return nil, err
		}
		opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
			port, c.Dir)
		out, err := c.run(ctx, "pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(c.Dir, "server.log"), "-o", opts)
		if err == nil {
			c.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
			return c, nil
		}
		log, _ := os.ReadFile(filepath.Join(c.Dir, "server.log"))
		last = fmt.Errorf("pg_ctl start: %v: %s %s", err, out, tail(string(log)))
	}
	c.cleanup()
	return nil, last
}

// Stop stops the server at once and removes its folder when Start made it.
func (c *Cluster) Stop() error {
	out, err := c.run(context.Background(), "pg_ctl", "stop", "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "-w")
	c.cleanup()
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

func (c *Cluster) cleanup() {
	if c.own {
		os.RemoveAll(c.Dir)
	}
}

// run runs a server program, as c.as when set.
func (c *Cluster) run(ctx context.Context, prog string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	path := filepath.Join(c.bin, prog)
	var cmd *exec.Cmd
	if c.as != "" {
		cmd = exec.CommandContext(ctx, "runuser", append([]string{"-u", c.as, "--", path}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, path, args...)
	}
	cmd.Dir = c.Dir
	// pg_ctl start leaves the server running: it must not hold our
	// output pipes open, or CombinedOutput waits for it.
	f, err := os.CreateTemp("", "pgtest-out-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	cmd.Stdout, cmd.Stderr = f, f
	err = cmd.Run()
	out, _ := os.ReadFile(f.Name())
	return out, err
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > 10 {
		lines = lines[len(lines)-10:]
	}
	return strings.Join(lines, "\n")
}
