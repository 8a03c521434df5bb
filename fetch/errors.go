package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"syscall"

	"github.com/whosaid/whosaid"
)

// Why a fetch failed (Error.Reason).
const (
	ReasonURL       = "bad URL"
	ReasonDNS       = "DNS"
	ReasonConnect   = "connection"
	ReasonTimeout   = "timeout"
	ReasonStatus    = "status"
	ReasonRedirects = "redirects"
	ReasonTooLarge  = "too large"
	ReasonNotHTML   = "not HTML"
	ReasonRobots    = "robots.txt"
)

// Error is why one URL could not be fetched. Fetcher methods return it
// inside a *whosaid.Error whose Input is the URL and whose code tells
// whether trying later may help (EUnavailable) or not.
type Error struct {
	URL    string
	Reason string // one of the Reason constants
	Status int    // the HTTP status, for ReasonStatus
	Detail string
	Err    error
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return e.Reason
	}
	return e.Reason + ": " + e.Detail
}

func (e *Error) Unwrap() error { return e.Err }

// ReasonOf returns the reason of a fetch error in err's chain, or "".
func ReasonOf(err error) string {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Reason
	}
	return ""
}

// Transient reports whether err is a failure that trying later may mend:
// a timeout, a connection or DNS failure, a 5xx or 429 answer.
func Transient(err error) bool { return whosaid.ErrorCode(err) == whosaid.EUnavailable }

// fail wraps a fetch error for url with its code.
func fail(code, u, reason string, status int, cause error, format string, args ...any) error {
	fe := &Error{URL: u, Reason: reason, Status: status, Detail: fmt.Sprintf(format, args...), Err: cause}
	return &whosaid.Error{Code: code, Input: u, Message: fe.Error(), Err: fe}
}

// statusError is the error of an HTTP answer that is not a success.
func statusError(u string, status int, text string) error {
	code := whosaid.EInvalid
	switch {
	case status == 404 || status == 410:
		code = whosaid.ENotFound
	case status == 429 || status == 408 || status >= 500:
		code = whosaid.EUnavailable
	}
	return fail(code, u, ReasonStatus, status, nil, "the server answered %d %s", status, text)
}

// netError classifies a transport failure of a request to u.
func netError(ctx context.Context, u string, err error, timeout string) error {
	var dns *net.DNSError
	var ue *url.Error
	switch {
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return err // the caller stopped: not the URL's fault
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return fail(whosaid.ENotFound, u, ReasonDNS, 0, err, "no such host %q", dns.Name)
		}
		return fail(whosaid.EUnavailable, u, ReasonDNS, 0, err, "cannot resolve %q: %v", dns.Name, dns.Err)
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) || isTimeout(err):
		return fail(whosaid.EUnavailable, u, ReasonTimeout, 0, err, "no complete answer within %s", timeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		return fail(whosaid.EUnavailable, u, ReasonConnect, 0, err, "connection refused")
	case errors.Is(err, syscall.ECONNRESET):
		return fail(whosaid.EUnavailable, u, ReasonConnect, 0, err, "connection reset by the server")
	case errors.As(err, &ue):
		return fail(whosaid.EUnavailable, u, ReasonConnect, 0, err, "%v", ue.Err)
	}
	return fail(whosaid.EUnavailable, u, ReasonConnect, 0, err, "%v", err)
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
