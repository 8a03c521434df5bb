package fetch

import (
	"context"
	"sync"
	"time"
)

// gate is the politeness of one host (scheme, name and port): one request
// at a time, and a pause after each before the next.
type gate struct {
	slot chan struct{} // holds one token while a request is under way
	mu   sync.Mutex
	next time.Time     // the next request may start then
	wait time.Duration // the pause after a request (the fetcher's delay, or the host's Crawl-delay)
}

// hosts hands out the gates and bounds how many hosts are asked at once.
type hosts struct {
	mu    sync.Mutex
	gates map[string]*gate
	delay time.Duration
	// busy holds one token per request under way, across hosts.
	busy chan struct{}
}

func newHosts(parallel int, delay time.Duration) *hosts {
	return &hosts{gates: map[string]*gate{}, delay: delay, busy: make(chan struct{}, parallel)}
}

func (h *hosts) gate(origin string) *gate {
	h.mu.Lock()
	defer h.mu.Unlock()
	g := h.gates[origin]
	if g == nil {
		if len(h.gates) >= 4096 {
			h.prune()
		}
		g = &gate{slot: make(chan struct{}, 1), wait: h.delay}
		h.gates[origin] = g
	}
	return g
}

// prune forgets the hosts not asked for a while, so a watcher that meets
// many hosts over months keeps a bounded map. A gate in use or whose pause
// is still running is kept.
func (h *hosts) prune() {
	cutoff := time.Now().Add(-time.Minute)
	for o, g := range h.gates {
		g.mu.Lock()
		idle := len(g.slot) == 0 && g.next.Before(cutoff)
		g.mu.Unlock()
		if idle {
			delete(h.gates, o)
		}
	}
}

// slowDown makes the pause after each request to origin at least d (a
// robots.txt Crawl-delay).
func (h *hosts) slowDown(origin string, d time.Duration) {
	g := h.gate(origin)
	g.mu.Lock()
	g.wait = max(g.wait, d)
	g.mu.Unlock()
}

// acquire waits until origin may be asked (no request to it under way,
// its pause over, a parallel slot free) and returns the function that
// ends the request.
func (h *hosts) acquire(ctx context.Context, origin string) (func(), error) {
	g := h.gate(origin)
	select {
	case g.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	g.mu.Lock()
	pause := time.Until(g.next)
	g.mu.Unlock()
	if pause > 0 {
		t := time.NewTimer(pause)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-g.slot
			return nil, ctx.Err()
		}
	}
	select {
	case h.busy <- struct{}{}:
	case <-ctx.Done():
		<-g.slot
		return nil, ctx.Err()
	}
	return func() {
		<-h.busy
		g.mu.Lock()
		g.next = time.Now().Add(g.wait)
		g.mu.Unlock()
		<-g.slot
	}, nil
}
