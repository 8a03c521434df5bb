package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress reports a long job: a bar with rate (and ETA when the total is
// known) on a terminal, a quiet line every few seconds in logs.
type progress struct {
	mu      sync.Mutex
	bar     *progressbar.ProgressBar
	w       io.Writer
	what    string
	n, fail int
	bytes   int64
	start   time.Time
	last    time.Time
	every   time.Duration
}

func (a *app) newProgress(what string, total int) *progress {
	p := &progress{w: a.stderr, what: what, start: time.Now(), every: 10 * time.Second}
	p.last = p.start
	if a.stderrTTY {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(a.stderr),
			progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString(what),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// Add counts one article of size bytes.
func (p *progress) Add(size int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.bytes += int64(size)
	if p.bar != nil {
		p.bar.Add(1)
		return
	}
	if now := time.Now(); now.Sub(p.last) >= p.every {
		p.last = now
		fmt.Fprintf(p.w, "whosaid: %d %s (%.0f/s), %d failed\n", p.n, p.what, float64(p.n)/now.Sub(p.start).Seconds(), p.fail)
	}
}

// Fail counts a failed input.
func (p *progress) Fail() {
	p.mu.Lock()
	p.fail++
	p.mu.Unlock()
}

// Done ends the bar and prints the totals.
func (p *progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
	}
	secs := time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "whosaid: %d %s in %.1fs (%.0f/s, %.2f MB/s), %d failed\n",
		p.n, p.what, secs, float64(p.n)/secs, float64(p.bytes)/1e6/secs, p.fail)
}
