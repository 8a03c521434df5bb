package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/whosaid/whosaid"
)

// Error codes of the server's own, beside whosaid's (EInvalid, ENotFound…).
const (
	eUnauthorized = "unauthorized" // no or a wrong bearer token
	eReadOnly     = "read_only"    // a write to a server started without a token
	eMethod       = "method"       // a method the route does not take
	eTooLarge     = "too_large"    // a request body over its limit
	eBusy         = "busy"         // an ingest is running already
	eOverloaded   = "overloaded"   // no free request slot in time
	eTimeout      = "timeout"      // the request took longer than its limit
)

// statusOf is the one table from error codes to HTTP statuses.
var statusOf = map[string]int{
	whosaid.EInvalid:     http.StatusBadRequest,
	whosaid.EEmpty:       http.StatusBadRequest,
	whosaid.EUnsupported: http.StatusUnsupportedMediaType,
	whosaid.ENotFound:    http.StatusNotFound,
	whosaid.EConflict:    http.StatusConflict,
	whosaid.EInternal:    http.StatusInternalServerError,
	eUnauthorized:        http.StatusUnauthorized,
	eReadOnly:            http.StatusForbidden,
	eMethod:              http.StatusMethodNotAllowed,
	eTooLarge:            http.StatusRequestEntityTooLarge,
	eBusy:                http.StatusTooManyRequests,
	eOverloaded:          http.StatusServiceUnavailable,
	eTimeout:             http.StatusServiceUnavailable,
}

// errorf is an error with one of the codes above.
func errorf(code, format string, args ...any) error {
	return &whosaid.Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// problem is what a response says about err: its code, status and a
// message fit to show. Internal errors are shown generically (the details
// go to the log); a deadline becomes eTimeout.
func problem(err error) (code string, status int, msg string) {
	code = whosaid.ErrorCode(err)
	if code == whosaid.EInternal && errors.Is(err, context.DeadlineExceeded) {
		code = eTimeout
	}
	status, ok := statusOf[code]
	if !ok {
		code, status = whosaid.EInternal, http.StatusInternalServerError
	}
	switch code {
	case whosaid.EInternal:
		msg = "internal error (logged on the server)"
	case eTimeout:
		msg = "the request took longer than the server allows; narrow it down or try again"
	default:
		msg = err.Error()
	}
	return code, status, msg
}

// errorBody is the JSON of an API error.
type errorBody struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

// writeAPIError answers an API request with err as JSON.
func (s *Server) writeAPIError(w http.ResponseWriter, r *http.Request, err error) {
	code, status, msg := problem(err)
	s.logFailure(r, status, err)
	if status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "2")
	}
	writeJSON(w, status, errorBody{Error: msg, Code: code})
}

// logFailure logs a server-side failure with its details (the client saw
// a generic message).
func (s *Server) logFailure(r *http.Request, status int, err error) {
	if status >= 500 && !errors.Is(err, context.Canceled) {
		s.log.LogAttrs(r.Context(), slog.LevelError, "request failed", slog.String("path", r.URL.Path), slog.Int("status", status), slog.String("error", err.Error()))
	}
}

// writeJSON writes v as the whole response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
