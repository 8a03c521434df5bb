package whosaid

import (
	"errors"
	"fmt"
)

// Error codes shared by every package. Callers branch on the code (see
// ErrorCode), never on the message text.
const (
	EInvalid     = "invalid"     // the input is malformed: binary, truncated, undecodable
	ENotFound    = "not_found"   // the thing asked for does not exist
	EConflict    = "conflict"    // the change contradicts what is stored
	EUnsupported = "unsupported" // the input format is not one whosaid reads
	EEmpty       = "empty"       // the input holds no article text
	EUnavailable = "unavailable" // a remote source did not answer or failed (timeout, 5xx): trying later may work
	EForbidden   = "forbidden"   // the source does not allow it (robots.txt)
	EInternal    = "internal"    // a bug or an environment failure
)

// Error is whosaid's error type: a machine code, a message fit for users,
// and the input or operation it concerns.
type Error struct {
	Code    string
	Input   string // the file, URL or record the error is about, if any
	Message string
	Err     error // the underlying cause, if any
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Input != "" {
		return e.Input + ": " + msg
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// InputError returns an *Error about one input.
func InputError(code, input, format string, args ...any) *Error {
	return &Error{Code: code, Input: input, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}
