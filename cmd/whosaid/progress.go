package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/whosaid/whosaid/ingest"
)

// progress reports a long job over input files: on a terminal one line
// redrawn in place (files done of the total, articles, rate, time left);
// in logs a line every 10 s. The total is counted before the job starts,
// by walking the inputs (stat only); with standard input it is unknown.
// Rates and time left appear once a second has passed, so the first frame
// does not divide by almost nothing.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool
	off      bool // --quiet
	what     string
	total    int // input files, 0 when unknown
	files    map[string]bool
	n, known int
	fail     int
	start    time.Time
	drawn    time.Time
	logged   time.Time
	now      func() time.Time
	width    int // of the last line drawn, to blank it
}

// newProgress starts a report on what ("articles") read from args.
func (a *app) newProgress(what string, args []string, quiet bool) *progress {
	p := &progress{w: a.stderr, tty: a.stderrTTY, off: quiet, what: what, files: map[string]bool{}, now: time.Now}
	if a.clock != nil {
		p.now = a.clock
	}
	p.start = p.now()
	p.drawn, p.logged = p.start, p.start
	if !quiet {
		p.total = countFiles(args)
	}
	return p
}

// countFiles counts the files args name, or 0 when standard input is one
// of them (its size is unknown).
func countFiles(args []string) int {
	n := 0
	ingest.Walk(args, func(path string, err error) error {
		switch {
		case path == "-":
			n = -1 << 30
		case err == nil:
			n++
		}
		return nil
	})
	return max(n, 0)
}

// fileOf is the input file of a document or error source ("a.warc#record-3"
// is in a.warc).
func fileOf(source string) string {
	f, _, _ := strings.Cut(source, "#")
	return f
}

// Doc counts an article stored (or printed), Known one found stored
// already, Fail an input or record that failed.
func (p *progress) Doc(source string)   { p.count(source, &p.n) }
func (p *progress) Known(source string) { p.count(source, &p.known) }
func (p *progress) Fail(source string)  { p.count(source, &p.fail) }

func (p *progress) count(source string, c *int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	*c++
	if source != "" {
		p.files[fileOf(source)] = true
	}
	if p.off {
		return
	}
	now := p.now()
	switch {
	case p.tty && now.Sub(p.drawn) >= 100*time.Millisecond:
		p.drawn = now
		p.draw(p.line(now))
	case !p.tty && now.Sub(p.logged) >= 10*time.Second:
		p.logged = now
		fmt.Fprintln(p.w, "whosaid: "+p.line(now))
	}
}

// line is the state of the job in words.
func (p *progress) line(now time.Time) string {
	var b strings.Builder
	done := len(p.files)
	if p.total > 0 {
		fmt.Fprintf(&b, "%d/%d files (%d%%), ", min(done, p.total), p.total, 100*min(done, p.total)/p.total)
	}
	fmt.Fprintf(&b, "%d %s", p.n+p.known, p.what)
	if p.known > 0 {
		fmt.Fprintf(&b, " (%d already stored)", p.known)
	}
	if p.fail > 0 {
		fmt.Fprintf(&b, ", %d failed", p.fail)
	}
	if secs := now.Sub(p.start).Seconds(); secs >= 1 {
		fmt.Fprintf(&b, ", %.1f/s", float64(p.n+p.known)/secs)
		if p.total > 0 && done > 0 && done < p.total {
			left := time.Duration(secs / float64(done) * float64(p.total-done) * float64(time.Second))
			fmt.Fprintf(&b, ", about %s left", left.Round(time.Second))
		}
	}
	return b.String()
}

func (p *progress) draw(s string) {
	pad := ""
	if n := len([]rune(s)); n < p.width {
		pad = strings.Repeat(" ", p.width-n)
	}
	p.width = len([]rune(s))
	fmt.Fprintf(p.w, "\r%s%s", s, pad)
}

// Done ends the report: the drawn line is blanked, and unless quiet the
// summary is printed, in the words of summary (given the counts).
func (p *progress) Done(summary func(secs float64) string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty && p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	}
	if p.off {
		return
	}
	fmt.Fprintln(p.w, "whosaid: "+summary(p.now().Sub(p.start).Seconds()))
}

// rate is n per second in words, or "" when too little time has passed to
// tell.
func rate(n int, secs float64, what string) string {
	if secs < 1 {
		return ""
	}
	return fmt.Sprintf(", %.1f %s/s", float64(n)/secs, what)
}
