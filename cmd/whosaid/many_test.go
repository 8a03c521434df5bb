package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid/internal/gen"
	"github.com/whosaid/whosaid/internal/pgtest"
)

// corpus writes files JSONL files of per generated articles each (few
// speakers, so the same people recur across files) and returns their
// paths.
func corpus(t *testing.T, files, per int) []string {
	t.Helper()
	dir := t.TempDir()
	g := gen.New(7, 40, 6)
	var paths []string
	for i := 0; i < files; i++ {
		var b strings.Builder
		for k := 0; k < per; k++ {
			a := g.Next()
			line, _ := json.Marshal(map[string]string{"url": a.URL, "published": a.Published.Format("2006-01-02"), "text": a.Text})
			b.Write(line)
			b.WriteByte('\n')
		}
		p := filepath.Join(dir, fmt.Sprintf("part%02d.jsonl", i))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// overlapping gives four writers overlapping shares of paths: each file
// goes to two or more of them.
func overlapping(paths []string) [][]string {
	n := len(paths)
	return [][]string{paths[:n*2/3], paths[n/3:], append(append([]string{}, paths[:n/3]...), paths[n*2/3:]...), reversed(paths)}
}

func reversed(xs []string) []string {
	out := append([]string{}, xs...)
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out
}

// archive is what a store holds, as the comparisons need it.
type archive struct {
	Articles, Statements, Speakers int
	Names                          []string // live speakers' names, sorted
}

func archiveOf(t *testing.T, db string) archive {
	t.Helper()
	var sts []struct{ Articles, Statements, Speakers int }
	code, out, errs := run(t, "", "--db", db, "stats", "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &sts) != nil || len(sts) != 1 {
		t.Fatalf("stats: exit %d %s %s", code, out, errs)
	}
	st := sts[0]
	a := archive{Articles: st.Articles, Statements: st.Statements, Speakers: st.Speakers}
	code, out, errs = run(t, "", "--db", db, "speakers", "--top", "100000", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("speakers: exit %d %s", code, errs)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var sp struct{ Name string }
		json.Unmarshal([]byte(l), &sp)
		a.Names = append(a.Names, sp.Name)
	}
	sort.Strings(a.Names)
	return a
}

// oneSpeakerPerPerson fails when two live speakers share a full name
// (speakers named by a common noun, "Officials", are each article's own).
func oneSpeakerPerPerson(t *testing.T, a archive) {
	t.Helper()
	for i := 1; i < len(a.Names); i++ {
		if a.Names[i] == a.Names[i-1] && strings.Contains(a.Names[i], " ") {
			t.Errorf("two speakers named %q", a.Names[i])
		}
	}
}

func sameArchive(t *testing.T, got, want archive) {
	t.Helper()
	if got.Articles != want.Articles || got.Statements != want.Statements || got.Speakers != want.Speakers {
		t.Errorf("concurrent writers: %d articles, %d statements, %d speakers; one writer: %d, %d, %d",
			got.Articles, got.Statements, got.Speakers, want.Articles, want.Statements, want.Speakers)
	}
	if strings.Join(got.Names, "|") != strings.Join(want.Names, "|") {
		t.Errorf("speakers differ from one writer's:\n got  %v\n want %v", got.Names, want.Names)
	}
	oneSpeakerPerPerson(t, got)
}

func ingestProc(t *testing.T, db string, paths []string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"--db", db, "ingest", "--quiet", "--workers", "1"}, paths...)...)
	cmd.Stderr = &testLog{t: t}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestManyIngestProcesses runs four ingest processes over overlapping
// inputs into one PostgreSQL database and compares what it holds with
// one process's ingest of the same inputs: exact counts, the same
// speakers, one per person.
func TestManyIngestProcesses(t *testing.T) {
	paths := corpus(t, 12, 6)
	ref := pgtest.DB(t)
	if code, _, errs := run(t, "", "--db", ref, "ingest", "--quiet", paths[0], paths[1], paths[2], paths[3], paths[4], paths[5],
		paths[6], paths[7], paths[8], paths[9], paths[10], paths[11]); code != 0 {
		t.Fatalf("reference ingest: exit %d %s", code, errs)
	}
	want := archiveOf(t, ref)
	db := pgtest.DB(t)
	var procs []*exec.Cmd
	for _, share := range overlapping(paths) {
		procs = append(procs, ingestProc(t, db, share))
	}
	for i, p := range procs {
		if err := p.Wait(); err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	sameArchive(t, archiveOf(t, db), want)
}

// TestKilledIngestRestarted kills one of four writers mid-way (SIGKILL)
// and runs it again: nothing is lost or stored twice.
func TestKilledIngestRestarted(t *testing.T) {
	paths := corpus(t, 12, 6)
	ref := pgtest.DB(t)
	if code, _, errs := run(t, "", append([]string{"--db", ref, "ingest", "--quiet"}, paths...)...); code != 0 {
		t.Fatalf("reference ingest: exit %d %s", code, errs)
	}
	want := archiveOf(t, ref)
	db := pgtest.DB(t)
	shares := overlapping(paths)
	var procs []*exec.Cmd
	for _, share := range shares {
		procs = append(procs, ingestProc(t, db, share))
	}
	waitForArticles(t, db, 5)
	procs[0].Process.Signal(syscall.SIGKILL)
	procs[0].Wait()
	again := ingestProc(t, db, shares[0])
	for i, p := range append(procs[1:], again) {
		if err := p.Wait(); err != nil {
			t.Errorf("writer %d: %v", i+1, err)
		}
	}
	sameArchive(t, archiveOf(t, db), want)
}

// waitForArticles waits until the store holds at least n articles.
func waitForArticles(t *testing.T, db string, n int) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var have int
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&have); err == nil && have >= n {
			return
		}
	}
	t.Fatalf("the writers stored fewer than %d articles in 2 minutes", n)
}

// TestWorkersDrainQueue queues inputs, starts four workers and kills one
// while it holds a job: every job is done once, the killed worker's job
// by another after its lease, and the store holds what one ingest of
// the inputs gives.
func TestWorkersDrainQueue(t *testing.T) {
	paths := corpus(t, 16, 4)
	ref := pgtest.DB(t)
	if code, _, errs := run(t, "", append([]string{"--db", ref, "ingest", "--quiet"}, paths...)...); code != 0 {
		t.Fatalf("reference ingest: exit %d %s", code, errs)
	}
	want := archiveOf(t, ref)
	db := pgtest.DB(t)
	if code, _, errs := run(t, "", append([]string{"--db", db, "ingest", "--enqueue"}, paths...)...); code != 0 || !strings.Contains(errs, "queued 16") {
		t.Fatalf("enqueue: exit %d %s", code, errs)
	}
	var workers []*exec.Cmd
	for i := 0; i < 4; i++ {
		w := exec.Command(binary(t), "--db", db, "worker", "--until-empty", "--lease", "2s", "--poll", "200ms", "--workers", "1")
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		workers = append(workers, w)
	}
	// Kill the first worker once it holds a job.
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	victim := fmt.Sprintf("%%:%d", workers[0].Process.Pid)
	var held string
	for deadline := time.Now().Add(time.Minute); held == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		conn.QueryRow(ctx, "SELECT input FROM jobs WHERE state = 'running' AND worker LIKE $1", victim).Scan(&held)
	}
	if held == "" {
		t.Fatal("the first worker took no job in a minute")
	}
	workers[0].Process.Signal(syscall.SIGKILL)
	workers[0].Wait()
	for i, w := range workers[1:] {
		if err := w.Wait(); err != nil {
			t.Errorf("worker %d: %v", i+2, err)
		}
	}
	rows, err := conn.Query(ctx, "SELECT input, state, attempts FROM jobs ORDER BY input")
	if err != nil {
		t.Fatal(err)
	}
	done := map[string]int{}
	for rows.Next() {
		var in, state string
		var attempts int
		rows.Scan(&in, &state, &attempts)
		if state != "done" {
			t.Errorf("job %s is %s", in, state)
			continue
		}
		done[in]++
		if in == held && attempts != 2 {
			t.Errorf("the killed worker's job %s was claimed %d times, want twice", in, attempts)
		}
	}
	rows.Close()
	for _, p := range paths {
		if done[p] != 1 {
			t.Errorf("%s done %d times", p, done[p])
		}
	}
	sameArchive(t, archiveOf(t, db), want)
	code, out, _ := run(t, "", "--db", db, "stats", "--format", "table")
	if code != 0 || !strings.Contains(out, "0 pending, 0 running, 16 done, 0 failed") {
		t.Errorf("stats after draining: %s", out)
	}
}

// testLog writes a process's standard error to the test log.
type testLog struct{ t *testing.T }

func (l *testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
