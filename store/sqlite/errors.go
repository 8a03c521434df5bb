package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/whosaid/whosaid"
)

// dbError is the one place where database errors become whosaid errors:
// no rows → ENotFound, a unique or primary-key violation → EConflict, a
// cancelled context stays itself (wrapped), anything else → EInternal.
// what says what was being done ("search", "store article X").
func dbError(what string, err error) error {
	switch {
	case err == nil:
		return nil
	case whosaid.ErrorCode(err) != whosaid.EInternal:
		return err // already ours
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s: %w", what, err)
	case errors.Is(err, sql.ErrNoRows):
		return &whosaid.Error{Code: whosaid.ENotFound, Message: what + ": not found", Err: err}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return &whosaid.Error{Code: whosaid.EConflict, Message: what + ": already stored", Err: err}
		}
		if se.Code()&0xff == sqlite3.SQLITE_READONLY {
			return &whosaid.Error{Code: whosaid.EInvalid, Message: what + ": the store is open read-only (or the file is read-only for this user)", Err: err}
		}
	}
	return &whosaid.Error{Code: whosaid.EInternal, Message: what + ": " + err.Error(), Err: err}
}
