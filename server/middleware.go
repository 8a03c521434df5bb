package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

// Security headers of every response. Article text and titles come from
// the open web: even if something slipped past the template engine's
// escaping, no inline script, no foreign resource and no framing could
// run.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
		"form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options":       "nosniff",
	"Referrer-Policy":              "no-referrer",
	"X-Frame-Options":              "DENY",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

// recorder remembers the status and size of a response, for the log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (deadlines,
// flushing).
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// common wraps every request: security headers, a log line, and a 500
// instead of a dropped connection when a handler panics.
func (s *Server) common(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		for k, v := range securityHeaders {
			w.Header().Set(k, v)
		}
		rec := &recorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", slog.String("path", r.URL.Path), slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
				if rec.status == 0 {
					http.Error(rec, "internal error", http.StatusInternalServerError)
				}
			}
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("query_bytes", len(r.URL.RawQuery)),
				slog.Int("status", rec.status), slog.Int64("bytes", rec.bytes),
				slog.Float64("ms", float64(time.Since(start).Microseconds())/1000), slog.String("remote", r.RemoteAddr))
		}()
		next.ServeHTTP(rec, r)
	})
}

// wrap gives a route its slot, deadline, authorisation and error
// rendering.
func (s *Server) wrap(rt route) http.Handler {
	timeout := s.limits.Timeout
	if rt.timeout != nil {
		timeout = rt.timeout(s.limits)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rt.kind != kindAsset {
			release, err := s.acquire(r.Context())
			if err != nil {
				s.fail(w, r, rt.kind, err)
				return
			}
			defer release()
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		// The connection's deadlines follow the route's limit (the
		// server's defaults are shorter than an ingest or export needs).
		rc := http.NewResponseController(w)
		rc.SetReadDeadline(time.Now().Add(timeout))
		rc.SetWriteDeadline(time.Now().Add(timeout + 5*time.Second))
		if rt.write {
			if err := s.authorize(r); err != nil {
				if whosaid.ErrorCode(err) == eUnauthorized {
					w.Header().Set("WWW-Authenticate", `Bearer realm="whosaid"`)
				}
				s.fail(w, r, rt.kind, err)
				return
			}
		}
		if err := rt.handle(w, r); err != nil {
			if rec, ok := w.(*recorder); ok && rec.status != 0 {
				// Too late for an error response (a stream was cut):
				// the log has it.
				s.log.Warn("response cut", slog.String("path", r.URL.Path), slog.String("error", err.Error()))
				return
			}
			s.fail(w, r, rt.kind, err)
		}
	})
}

// acquire takes a request slot, waiting up to QueueWait for one.
func (s *Server) acquire(ctx context.Context) (func(), error) {
	release := func() { <-s.slots }
	select {
	case s.slots <- struct{}{}:
		return release, nil
	default:
	}
	t := time.NewTimer(s.limits.QueueWait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return release, nil
	case <-t.C:
		return nil, errorf(eOverloaded, "the server is busy (%d requests in flight); try again shortly", cap(s.slots))
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// authorize lets a write through only with the server's token.
func (s *Server) authorize(r *http.Request) error {
	if s.ReadOnly() {
		return errorf(eReadOnly, "this server is read-only: it was started without --token (or WHOSAID_TOKEN), so it takes no writes")
	}
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if h == "" || !ok || !strings.EqualFold(scheme, "Bearer") {
		return errorf(eUnauthorized, `this route writes: send the server's token as "Authorization: Bearer TOKEN"`)
	}
	// Hashes of equal length, compared in constant time: neither the
	// token's bytes nor its length leak through timing.
	given, want := sha256.Sum256([]byte(strings.TrimSpace(token))), sha256.Sum256(s.token)
	if subtle.ConstantTimeCompare(given[:], want[:]) != 1 {
		return errorf(eUnauthorized, "wrong token")
	}
	return nil
}
