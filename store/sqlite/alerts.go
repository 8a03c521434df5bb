package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

var _ whosaid.AlertStore = (*Store)(nil)

// savedQuery is how a saved search's filters are kept (one JSON column,
// so a new filter needs no migration).
type savedQuery struct {
	Text    string `json:"text,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	Outlet  string `json:"outlet,omitempty"`
	Kind    string `json:"kind,omitempty"`
}

// PutSavedSearch adds a saved search.
func (s *Store) PutSavedSearch(ctx context.Context, ss whosaid.SavedSearch) error {
	if strings.TrimSpace(ss.Name) == "" || ss.Notify == "" {
		return whosaid.Errorf(whosaid.EInvalid, "a saved search needs a name and somewhere to notify")
	}
	if ss.On == "" {
		ss.On = whosaid.AlertOnNew
	}
	if ss.On != whosaid.AlertOnNew && ss.On != whosaid.AlertOnCorroborated {
		return whosaid.Errorf(whosaid.EInvalid, "saved search %q: on %q (want %s or %s)", ss.Name, ss.On, whosaid.AlertOnNew, whosaid.AlertOnCorroborated)
	}
	q, _ := json.Marshal(savedQuery{Text: ss.Query.Text, Speaker: ss.Query.Speaker, Outlet: ss.Query.Outlet, Kind: string(ss.Query.Kind)})
	created := ss.Created
	if created.IsZero() {
		created = s.now()
	}
	checked := ss.Checked
	if checked.IsZero() {
		checked = created
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO saved_searches(name, query, independent, fire_on, notify, created, checked) VALUES(?,?,?,?,?,?,?)`,
		ss.Name, string(q), ss.Independent, ss.On, ss.Notify, instantText(created), instantText(checked))
	if whosaid.ErrorCode(dbError("", err)) == whosaid.EConflict {
		return whosaid.Errorf(whosaid.EConflict, "a saved search named %q exists already", ss.Name)
	}
	return dbError("saved search "+ss.Name, err)
}

const savedColumns = `name, query, independent, fire_on, notify, created, checked`

func scanSaved(row interface{ Scan(...any) error }) (whosaid.SavedSearch, error) {
	var ss whosaid.SavedSearch
	var q, created, checked string
	if err := row.Scan(&ss.Name, &q, &ss.Independent, &ss.On, &ss.Notify, &created, &checked); err != nil {
		return ss, err
	}
	var sq savedQuery
	_ = json.Unmarshal([]byte(q), &sq) // written by PutSavedSearch
	ss.Query = whosaid.StatementQuery{Text: sq.Text, Speaker: sq.Speaker, Outlet: sq.Outlet, Kind: whosaid.StatementKind(sq.Kind)}
	ss.Created, ss.Checked = instant(created), instant(checked)
	return ss, nil
}

// SavedSearch returns one saved search.
func (s *Store) SavedSearch(ctx context.Context, name string) (*whosaid.SavedSearch, error) {
	ss, err := scanSaved(s.db.QueryRowContext(ctx, `SELECT `+savedColumns+` FROM saved_searches WHERE name = ?`, name))
	if err == sql.ErrNoRows {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no saved search named %q", name)
	}
	if err != nil {
		return nil, dbError("saved search "+name, err)
	}
	return &ss, nil
}

// RemoveSavedSearch removes a saved search and its alerts.
func (s *Store) RemoveSavedSearch(ctx context.Context, name string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM saved_searches WHERE name = ?`, name)
	if err != nil {
		return dbError("saved search "+name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return whosaid.Errorf(whosaid.ENotFound, "no saved search named %q", name)
	}
	return nil
}

// SavedSearches lists the saved searches with counts and latest alerts.
func (s *Store) SavedSearches(ctx context.Context, hits int) ([]whosaid.SavedSearchSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+savedColumns+`,
		(SELECT COUNT(*) FROM alert_deliveries d WHERE d.search = ss.name),
		(SELECT COUNT(*) FROM alert_deliveries d WHERE d.search = ss.name AND d.delivered IS NULL AND d.gave_up = 0),
		(SELECT COUNT(*) FROM alert_deliveries d WHERE d.search = ss.name AND d.gave_up = 1)
		FROM saved_searches ss ORDER BY name`)
	if err != nil {
		return nil, dbError("saved searches", err)
	}
	var out []whosaid.SavedSearchSummary
	for rows.Next() {
		var sum whosaid.SavedSearchSummary
		var q, created, checked string
		if err := rows.Scan(&sum.Name, &q, &sum.Independent, &sum.On, &sum.Notify, &created, &checked, &sum.Fired, &sum.Pending, &sum.Failed); err != nil {
			rows.Close()
			return nil, dbError("saved searches", err)
		}
		var sq savedQuery
		_ = json.Unmarshal([]byte(q), &sq)
		sum.Query = whosaid.StatementQuery{Text: sq.Text, Speaker: sq.Speaker, Outlet: sq.Outlet, Kind: whosaid.StatementKind(sq.Kind)}
		sum.Created, sum.Checked = instant(created), instant(checked)
		out = append(out, sum)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError("saved searches", err)
	}
	if hits <= 0 {
		return out, nil
	}
	for i := range out {
		if out[i].Latest, err = s.deliveries(ctx, `WHERE search = ? ORDER BY fired DESC, id DESC LIMIT ?`, out[i].Name, hits); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// MarkChecked moves the checked mark of a saved search forward.
func (s *Store) MarkChecked(ctx context.Context, name string, at time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE saved_searches SET checked = MAX(checked, ?) WHERE name = ?`, instantText(at), name)
	if err != nil {
		return dbError("saved search "+name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return whosaid.Errorf(whosaid.ENotFound, "no saved search named %q", name)
	}
	return nil
}

// Fire records an alert unless its search fired for its unit before.
func (s *Store) Fire(ctx context.Context, d whosaid.Delivery) (bool, error) {
	fired := d.Fired
	if fired.IsZero() {
		fired = s.now()
	}
	next := d.NextAttempt
	if next.IsZero() {
		next = fired
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO alert_deliveries(search, unit, statement_id, notify, payload, fired, next_attempt)
		SELECT ?,?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM saved_searches WHERE name = ?)
		ON CONFLICT(search, unit) DO NOTHING`,
		d.Search, d.Unit, null(d.StatementID), d.Notify, d.Payload, instantText(fired), instantText(next), d.Search)
	if err != nil {
		return false, dbError("alert of "+d.Search, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// ClaimDue returns the deliveries to attempt now, leased to the caller.
func (s *Store) ClaimDue(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]whosaid.Delivery, error) {
	if limit <= 0 {
		limit = 100
	}
	tx, err := s.db.BeginTx(ctx, nil) // immediate: claims do not interleave
	if err != nil {
		return nil, dbError("claim alerts", err)
	}
	defer tx.Rollback()
	out, err := deliveriesOf(ctx, tx, `WHERE delivered IS NULL AND gave_up = 0 AND next_attempt <= ? ORDER BY id LIMIT ?`, instantText(now), limit)
	if err != nil {
		return nil, err
	}
	for _, d := range out {
		if _, err := tx.ExecContext(ctx, `UPDATE alert_deliveries SET next_attempt = ? WHERE id = ?`, instantText(now.Add(lease)), d.ID); err != nil {
			return nil, dbError("claim alerts", err)
		}
	}
	return out, dbError("claim alerts", tx.Commit())
}

func (s *Store) deliveries(ctx context.Context, where string, args ...any) ([]whosaid.Delivery, error) {
	return deliveriesOf(ctx, s.db, where, args...)
}

func deliveriesOf(ctx context.Context, q queryer, where string, args ...any) ([]whosaid.Delivery, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, search, unit, COALESCE(statement_id, ''), notify, payload, fired, attempts,
		next_attempt, COALESCE(delivered, ''), gave_up, COALESCE(last_error, '') FROM alert_deliveries `+where, args...)
	if err != nil {
		return nil, dbError("alerts", err)
	}
	defer rows.Close()
	var out []whosaid.Delivery
	for rows.Next() {
		var d whosaid.Delivery
		var fired, next, delivered string
		if err := rows.Scan(&d.ID, &d.Search, &d.Unit, &d.StatementID, &d.Notify, &d.Payload, &fired, &d.Attempts,
			&next, &delivered, &d.GaveUp, &d.LastError); err != nil {
			return nil, dbError("alerts", err)
		}
		d.Fired, d.NextAttempt = instant(fired), instant(next)
		if delivered != "" {
			t := instant(delivered)
			d.Delivered = &t
		}
		out = append(out, d)
	}
	return out, dbError("alerts", rows.Err())
}

// RecordAttempt records one delivery attempt.
func (s *Store) RecordAttempt(ctx context.Context, id int64, a whosaid.Attempt) error {
	var err error
	switch {
	case a.Err == "":
		_, err = s.db.ExecContext(ctx, `UPDATE alert_deliveries SET attempts = attempts + 1, delivered = ?, last_error = NULL WHERE id = ?`,
			instantText(a.At), id)
	case a.Retry.IsZero():
		_, err = s.db.ExecContext(ctx, `UPDATE alert_deliveries SET attempts = attempts + 1, gave_up = 1, last_error = ? WHERE id = ?`, a.Err, id)
	default:
		_, err = s.db.ExecContext(ctx, `UPDATE alert_deliveries SET attempts = attempts + 1, next_attempt = ?, last_error = ? WHERE id = ?`,
			instantText(a.Retry), a.Err, id)
	}
	return dbError("alert delivery", err)
}
