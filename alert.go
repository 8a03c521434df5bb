package whosaid

import (
	"context"
	"time"
)

// AlertStore keeps saved searches and the alerts they fired: the outbox
// the alert package fills and delivers from. store/sqlite implements it
// beside Store.
//
// "Once" is kept by the store: Fire records a (search, unit) pair at most
// once, whoever asks and however often, so two processes checking the
// same search at once, or one restarted, never alert twice.
//
// Errors as for Store: ENotFound for an unknown name, EConflict for a name
// taken, EInvalid for a malformed saved search, EInternal for the database.
type AlertStore interface {
	// PutSavedSearch adds a saved search (EConflict when its name exists).
	PutSavedSearch(ctx context.Context, s SavedSearch) error
	// SavedSearch returns one saved search by name (ENotFound).
	SavedSearch(ctx context.Context, name string) (*SavedSearch, error)
	// RemoveSavedSearch removes a saved search with what it fired
	// (ENotFound).
	RemoveSavedSearch(ctx context.Context, name string) error
	// SavedSearches lists the saved searches by name, each with its
	// counts and its latest hits (at most hits of them, newest first):
	// what `alerts list` and the web UI show.
	SavedSearches(ctx context.Context, hits int) ([]SavedSearchSummary, error)
	// MarkChecked records that the statements stored before at were
	// looked at for search name; it never moves the mark back.
	MarkChecked(ctx context.Context, name string, at time.Time) error

	// Fire records that search d.Search fired for d.Unit, with the
	// delivery to make, and reports true; when that search already fired
	// for that unit it records nothing and reports false.
	Fire(ctx context.Context, d Delivery) (bool, error)
	// ClaimDue returns up to limit deliveries neither made nor given up
	// whose next attempt is at or before now, oldest first, and in the
	// same transaction moves their next attempt to now+lease: another
	// process (or a crash) cannot have them sent twice at once, and one
	// whose attempt was never recorded is due again when the lease ends.
	ClaimDue(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]Delivery, error)
	// RecordAttempt records one attempt at delivery id: made when a.Err is
	// "", else failed and tried again at a.Retry (given up when zero).
	RecordAttempt(ctx context.Context, id int64, a Attempt) error
}

// What makes a saved search fire (SavedSearch.On).
const (
	// AlertOnNew fires once for each new statement (once per cluster
	// where statements are clustered).
	AlertOnNew = "new"
	// AlertOnCorroborated fires also when another outlet carries a
	// statement that fired before (needs statement clusters).
	AlertOnCorroborated = "corroborated"
)

// SavedSearch is a statement search kept under a name: when new
// statements match it, it fires an alert to Notify.
type SavedSearch struct {
	Name string
	// Query holds the filters: Text, Speaker, Outlet, Kind (dates and
	// paging are the checker's).
	Query StatementQuery
	// Independent asks for statements carried by at least this many
	// independent outlets (0 or 1: any statement; needs clusters above 1).
	Independent int
	On          string // AlertOnNew (default) or AlertOnCorroborated
	// Notify is where alerts go: "webhook:URL", "mail:ADDRESS" or "log".
	Notify  string
	Created time.Time
	// Checked: statements stored before it were looked at.
	Checked time.Time
}

// SavedSearchSummary is a saved search with what it did.
type SavedSearchSummary struct {
	SavedSearch
	// Fired counts its alerts; Pending those not delivered yet, Failed
	// those given up on.
	Fired, Pending, Failed int
	// Latest are its latest alerts, newest first.
	Latest []Delivery
}

// Delivery is one alert fired by a saved search, and its delivery.
type Delivery struct {
	ID     int64
	Search string
	// Unit is what the search fired once for: "statement:ID" (or
	// "cluster:ID" where statements are clustered).
	Unit        string
	StatementID string
	Notify      string
	// Payload is the alert as sent (JSON in the wire vocabulary), fixed
	// when it fired.
	Payload []byte
	Fired   time.Time
	// Attempts counts the attempts so far; NextAttempt is when the next
	// is due. Delivered is set once one succeeded; GaveUp once the
	// attempts ran out. LastError is the last failure.
	Attempts    int
	NextAttempt time.Time
	Delivered   *time.Time
	GaveUp      bool
	LastError   string
}

// Attempt is the outcome of one delivery attempt.
type Attempt struct {
	At    time.Time
	Err   string    // "" when delivered
	Retry time.Time // when to try again after a failure; zero: give up
}
