package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/job"
)

// Config is what a server serves and how.
type Config struct {
	Store whosaid.Store
	// Token allows writes when sent as "Authorization: Bearer <Token>";
	// empty, the server is read-only.
	Token string
	// Log receives one line per request and the details of failures
	// (discarded when nil).
	Log    *slog.Logger
	Limits Limits
	// Ingest configures ingest requests (workers, --as-of); the standard
	// stages are built on the first one, so the models load only when
	// needed. Stages, when set, replace them.
	Ingest job.Options
}

// Limits bound what one request may ask and how many run at once. Zero
// fields take the defaults (DefaultLimits).
type Limits struct {
	// MaxParam caps the bytes of one query parameter (a text query, a
	// speaker name, a cursor).
	MaxParam int
	// MaxPage caps a page's size (?limit=).
	MaxPage int
	// MaxBody caps a JSON request body (merge, split).
	MaxBody int64
	// MaxIngest caps an ingest request body.
	MaxIngest int64
	// MaxInFlight is how many requests are handled at once; QueueWait how
	// long one waits for a free slot before a 503.
	MaxInFlight int
	QueueWait   time.Duration
	// Timeout bounds a request; ExportTimeout an export and IngestTimeout
	// an ingest, which take longer.
	Timeout, ExportTimeout, IngestTimeout time.Duration
}

// DefaultLimits are the limits of a server whose Config leaves them zero.
var DefaultLimits = Limits{
	MaxParam:      1000,
	MaxPage:       100,
	MaxBody:       64 << 10,
	MaxIngest:     32 << 20,
	MaxInFlight:   64,
	QueueWait:     3 * time.Second,
	Timeout:       30 * time.Second,
	ExportTimeout: 10 * time.Minute,
	IngestTimeout: 30 * time.Minute,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	pick := func(v, def int64) int64 {
		if v > 0 {
			return v
		}
		return def
	}
	l.MaxParam = int(pick(int64(l.MaxParam), int64(d.MaxParam)))
	l.MaxPage = int(pick(int64(l.MaxPage), int64(d.MaxPage)))
	l.MaxBody = pick(l.MaxBody, d.MaxBody)
	l.MaxIngest = pick(l.MaxIngest, d.MaxIngest)
	l.MaxInFlight = int(pick(int64(l.MaxInFlight), int64(d.MaxInFlight)))
	l.QueueWait = time.Duration(pick(int64(l.QueueWait), int64(d.QueueWait)))
	l.Timeout = time.Duration(pick(int64(l.Timeout), int64(d.Timeout)))
	l.ExportTimeout = time.Duration(pick(int64(l.ExportTimeout), int64(d.ExportTimeout)))
	l.IngestTimeout = time.Duration(pick(int64(l.IngestTimeout), int64(d.IngestTimeout)))
	return l
}

// Server serves the API and the UI. It is an http.Handler; Serve runs it
// on a listener until its context ends.
type Server struct {
	store   whosaid.Store
	token   []byte
	log     *slog.Logger
	limits  Limits
	handler http.Handler
	slots   chan struct{} // one per request in flight
	pages   *pages

	ingestOpt job.Options
	ingesting chan struct{} // holds one token while an ingest runs
	stagesMu  sync.Mutex    // guards building the stages on first ingest
}

// New returns a server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	s := &Server{store: cfg.Store, log: cfg.Log, limits: cfg.Limits.withDefaults(), ingestOpt: cfg.Ingest,
		ingesting: make(chan struct{}, 1)}
	if cfg.Token != "" {
		s.token = []byte(cfg.Token)
	}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s.slots = make(chan struct{}, s.limits.MaxInFlight)
	var err error
	if s.pages, err = loadPages(); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	return s, nil
}

// ReadOnly reports whether the server refuses every write (no token).
func (s *Server) ReadOnly() bool { return len(s.token) == 0 }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ShutdownGrace is how long Serve lets requests in flight finish once its
// context ends.
const ShutdownGrace = 15 * time.Second

// Serve answers requests on ln until ctx ends, then stops taking new ones
// and waits up to ShutdownGrace for those in flight.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Routes set their own read and write deadlines (long for ingest
		// and export); these bound everything else.
		ReadTimeout:    time.Minute,
		WriteTimeout:   s.limits.Timeout + 10*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:    func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a failed Serve ends the shutdown goroutine too
	done := make(chan error, 1)
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
		defer cancel()
		done <- hs.Shutdown(sctx)
	}()
	s.log.Info("serving", slog.String("addr", "http://"+ln.Addr().String()), slog.Bool("read_only", s.ReadOnly()))
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	if err := <-done; err != nil {
		return fmt.Errorf("stopping: requests still running after %v were cut: %w", ShutdownGrace, err)
	}
	s.log.Info("stopped")
	return nil
}
