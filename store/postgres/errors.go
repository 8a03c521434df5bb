package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/whosaid/whosaid"
)

// PostgreSQL error codes the store branches on.
const (
	codeUnique        = "23505"
	codeSerialization = "40001"
	codeDeadlock      = "40P01"
	codeReadOnly      = "25006"
)

// dbError is the one place where database errors become whosaid errors:
// no rows → ENotFound, a unique violation → EConflict, a write to a
// read-only store → EInvalid, a cancelled context stays itself (wrapped),
// anything else → EInternal. what says what was being done.
func dbError(what string, err error) error {
	switch {
	case err == nil:
		return nil
	case whosaid.ErrorCode(err) != whosaid.EInternal:
		return err // already ours
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s: %w", what, err)
	case errors.Is(err, pgx.ErrNoRows):
		return &whosaid.Error{Code: whosaid.ENotFound, Message: what + ": not found", Err: err}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case codeUnique:
			return &whosaid.Error{Code: whosaid.EConflict, Message: what + ": already stored", Err: err}
		case codeReadOnly:
			return &whosaid.Error{Code: whosaid.EInvalid, Message: what + ": the store is open read-only", Err: err}
		}
	}
	return &whosaid.Error{Code: whosaid.EInternal, Message: what + ": " + err.Error(), Err: err}
}

// retryable reports a transaction PostgreSQL aborted to resolve a
// conflict with another one (a deadlock between two writers' key locks, a
// serialization failure): running it again succeeds.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == codeDeadlock || pe.Code == codeSerialization)
}
