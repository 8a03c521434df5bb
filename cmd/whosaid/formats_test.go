package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/whosaid/whosaid/wire"
)

// The examples ingested once into a store the format tests share.
var (
	exampleOnce sync.Once
	exampleDB   string
)

func exampleStore(t *testing.T) string {
	t.Helper()
	exampleOnce.Do(func() {
		dir, err := os.MkdirTemp("", "whosaid-formats-")
		if err != nil {
			t.Fatal(err)
		}
		cleanups = append(cleanups, func() { os.RemoveAll(dir) })
		exampleDB = filepath.Join(dir, "examples.db")
		if code, _, errs := run(t, "", "--db", exampleDB, "ingest", "-q", examples); code != 0 {
			t.Fatalf("ingest: %s", errs)
		}
	})
	if exampleDB == "" {
		t.Fatal("no example store")
	}
	return exampleDB
}

// runAs runs the program with standard output a terminal or not.
func runAs(t *testing.T, tty bool, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, stdoutTTY: tty}
	code := a.run(context.Background(), args)
	return code, out.String(), errb.String()
}

var (
	hitKeys     = []string{"id", "article", "kind", "speaker", "source", "cue", "content", "said_on", "said_on_from", "confidence", "published", "outlet", "title", "url", "input", "score"}
	speakerKeys = []string{"id", "name", "type", "statements", "variants", "roles", "outlets", "per_month", "decisions"}
	articleKeys = []string{"source", "id", "url", "title", "outlet", "byline", "published", "published_from", "charset", "charset_from", "text", "statements", "speakers"}
	statsKeys   = []string{"articles", "statements", "speakers", "outlets", "bytes", "location"}
	versionKeys = []string{"version", "commit", "commit_time", "modified", "go", "models"}
)

// formatRow is one command of the table of outputs: what each format
// prints. The README's table "Outputs" says the same, row for row.
type formatRow struct {
	args []string
	// keys every JSON record has (jsonl, json)
	keys []string
	// csv: the header (nil: csv is refused)
	csv []string
	// table: a header of these columns, one row per record (tabular), or
	// else text holding every one of text
	table, text []string
	// the formats refused with exit 2
	refused []string
	// defaultTTY and defaultPipe: the format used without --format
	defaultTTY, defaultPipe string
}

// TestEveryCommandEveryFormat runs each query command in each format
// against the examples' store and checks the output parses as that
// format, with the fields of the wire vocabulary; CSV has every field
// whole; without --format, a terminal gets the table and a pipe JSON
// lines.
func TestEveryCommandEveryFormat(t *testing.T) {
	db := exampleStore(t)
	_, out, _ := run(t, "", "--db", db, "search", "--format", "jsonl", "--sort", "date", "Demirel")
	var first wire.Hit
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &first); err != nil {
		t.Fatalf("search: %v %q", err, out)
	}
	rows := []formatRow{
		{args: []string{"search", "strike"}, keys: hitKeys, csv: wire.Hit{}.CSVHeader(), table: wire.Hit{}.TableHeader(), defaultTTY: "table", defaultPipe: "jsonl"},
		{args: []string{"search", "--speaker", "Yusuf", "--limit", "0"}, keys: hitKeys, csv: wire.Hit{}.CSVHeader(), table: wire.Hit{}.TableHeader(), defaultTTY: "table", defaultPipe: "jsonl"},
		{args: []string{"export"}, keys: hitKeys, csv: wire.Hit{}.CSVHeader(), table: wire.Hit{}.TableHeader(), defaultTTY: "table", defaultPipe: "jsonl"},
		{args: []string{"speakers", "--top", "0"}, keys: speakerKeys, csv: wire.SpeakerSummary{}.CSVHeader(), table: wire.SpeakerSummary{}.TableHeader(), defaultTTY: "table", defaultPipe: "jsonl"},
		{args: []string{"speaker", "Demirel"}, keys: speakerKeys, csv: wire.SpeakerSummary{}.CSVHeader(), text: []string{"Yusuf Demirel", "variants:", "statements"}, defaultTTY: "table", defaultPipe: "jsonl"},
		{args: []string{"article", first.Article}, keys: articleKeys, csv: wire.Hit{}.CSVHeader(), text: []string{"Demirel"}, defaultTTY: "table", defaultPipe: "jsonl"},
		{args: []string{"statement", first.ID}, keys: hitKeys, csv: wire.Hit{}.CSVHeader(), table: wire.Hit{}.TableHeader(), defaultTTY: "table", defaultPipe: "jsonl"},
		{args: []string{"stats"}, keys: statsKeys, csv: wire.Stats{}.CSVHeader(), text: []string{"articles", "location    " + db}, defaultTTY: "table", defaultPipe: "jsonl"},
	}
	for _, r := range rows {
		name := strings.Join(r.args, " ")
		args := append([]string{"--db", db}, r.args...)
		outputs := map[string]string{}
		for _, f := range []string{"table", "jsonl", "json", "csv"} {
			code, out, errs := run(t, "", append(args, "--format", f)...)
			if code != 0 || out == "" {
				t.Errorf("%s --format %s: exit %d, stdout %q, stderr %q", name, f, code, out, errs)
				continue
			}
			outputs[f] = out
		}
		n := checkJSONL(t, name, outputs["jsonl"], r.keys)
		var arr []map[string]any
		if err := json.Unmarshal([]byte(outputs["json"]), &arr); err != nil || len(arr) != n {
			t.Errorf("%s --format json: %d records (%v), jsonl has %d", name, len(arr), err, n)
		}
		for _, rec := range arr {
			missing(t, name+" --format json", rec, r.keys)
		}
		records := n
		if r.args[0] == "article" { // csv: its statements
			var a wire.Article
			json.Unmarshal([]byte(outputs["jsonl"]), &a)
			records = len(a.Statements)
		}
		checkCSV(t, name, outputs["csv"], r.csv, records)
		lines := strings.Split(strings.TrimRight(outputs["table"], "\n"), "\n")
		if r.table != nil {
			if got := strings.Fields(lines[0]); strings.Join(got, " ") != strings.ToUpper(strings.Join(r.table, " ")) {
				t.Errorf("%s table header %q, want %v", name, lines[0], r.table)
			}
			if len(lines) != n+1 {
				t.Errorf("%s table: %d lines for %d records", name, len(lines), n)
			}
		}
		for _, s := range r.text {
			if !strings.Contains(outputs["table"], s) {
				t.Errorf("%s table: no %q in %q", name, s, outputs["table"])
			}
		}
		for tty, want := range map[bool]string{true: r.defaultTTY, false: r.defaultPipe} {
			if code, out, _ := runAs(t, tty, args...); code != 0 || out != outputs[want] {
				t.Errorf("%s without --format (terminal %v): not the %s output", name, tty, want)
			}
		}
		if code, _, errs := run(t, "", append(args, "--format", "yaml")...); code != 2 || !strings.Contains(errs, "yaml") {
			t.Errorf("%s --format yaml: exit %d, %q", name, code, errs)
		}
	}
}

// TestExtractAndVersionFormats: the commands that speak other formats.
func TestExtractAndVersionFormats(t *testing.T) {
	file := filepath.Join(examples, "01-harbour-strike.txt")
	_, jsonl, _ := run(t, "", "extract", "--format", "jsonl", file)
	checkJSONL(t, "extract", jsonl, articleKeys)
	_, js, _ := run(t, "", "extract", "--format", "json", file)
	var arr []map[string]any
	if err := json.Unmarshal([]byte(js), &arr); err != nil || len(arr) != 1 {
		t.Errorf("extract --format json: %v %d", err, len(arr))
	}
	if _, text, _ := run(t, "", "extract", "--format", "text", file); !strings.Contains(text, "Demirel") {
		t.Errorf("extract --format text: %q", text)
	}
	if _, out, _ := runAs(t, true, "extract", file); !strings.Contains(out, "Demirel") || strings.HasPrefix(out, "{") {
		t.Errorf("extract on a terminal: not text: %.100q", out)
	}
	if _, out, _ := runAs(t, false, "extract", file); out != jsonl {
		t.Errorf("extract in a pipe: not JSON lines")
	}
	for _, f := range []string{"csv", "table"} {
		if code, _, errs := run(t, "", "extract", "--format", f, file); code != 2 || !strings.Contains(errs, f) {
			t.Errorf("extract --format %s: exit %d, %q", f, code, errs)
		}
	}
	_, v, _ := run(t, "", "version", "--format", "json")
	checkJSONL(t, "version", v, versionKeys)
	_, text, _ := run(t, "", "version")
	_, flag, _ := run(t, "", "--version")
	if !strings.Contains(text, "models") || text != flag {
		t.Errorf("version %q, --version %q", text, flag)
	}
}

func checkJSONL(t *testing.T, name, out string, keys []string) int {
	t.Helper()
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Errorf("%s --format jsonl: %v in %q", name, err, l)
			continue
		}
		missing(t, name+" --format jsonl", rec, keys)
		n++
	}
	if n == 0 {
		t.Errorf("%s --format jsonl: no records", name)
	}
	return n
}

func missing(t *testing.T, name string, rec map[string]any, keys []string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := rec[k]; !ok {
			t.Errorf("%s: field %q missing", name, k)
		}
	}
}

func checkCSV(t *testing.T, name, out string, header []string, n int) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Errorf("%s --format csv: %v", name, err)
		return
	}
	if strings.Join(recs[0], ",") != strings.Join(header, ",") {
		t.Errorf("%s --format csv header %v, want %v", name, recs[0], header)
	}
	if len(recs)-1 != n {
		t.Errorf("%s --format csv: %d rows for %d records", name, len(recs)-1, n)
	}
	for _, r := range recs[1:] {
		for _, c := range r {
			if strings.HasSuffix(c, "…") {
				t.Errorf("%s --format csv: a cell cut: %q", name, c)
			}
		}
	}
}
