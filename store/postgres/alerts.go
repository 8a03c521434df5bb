package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
)

// savedQuery is how a saved search's filters are kept (one JSON column,
// as in the SQLite store).
type savedQuery struct {
	Text    string `json:"text,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	Outlet  string `json:"outlet,omitempty"`
	Kind    string `json:"kind,omitempty"`
}

func (sq savedQuery) query() whosaid.StatementQuery {
	return whosaid.StatementQuery{Text: sq.Text, Speaker: sq.Speaker, Outlet: sq.Outlet, Kind: whosaid.StatementKind(sq.Kind)}
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
	_, err := s.pool.Exec(ctx, `INSERT INTO saved_searches(name, query, independent, fire_on, notify, created, checked) VALUES($1,$2,$3,$4,$5,$6,$7)`,
		ss.Name, string(q), ss.Independent, ss.On, ss.Notify, instantText(created), instantText(checked))
	if whosaid.ErrorCode(dbError("", err)) == whosaid.EConflict {
		return whosaid.Errorf(whosaid.EConflict, "a saved search named %q exists already", ss.Name)
	}
	return dbError("saved search "+ss.Name, err)
}

const savedColumns = `name, query, independent, fire_on, notify, created, checked`

// SavedSearch returns one saved search.
func (s *Store) SavedSearch(ctx context.Context, name string) (*whosaid.SavedSearch, error) {
	var ss whosaid.SavedSearch
	var q, created, checked string
	err := s.pool.QueryRow(ctx, `SELECT `+savedColumns+` FROM saved_searches WHERE name = $1`, name).
		Scan(&ss.Name, &q, &ss.Independent, &ss.On, &ss.Notify, &created, &checked)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no saved search named %q", name)
	}
	if err != nil {
		return nil, dbError("saved search "+name, err)
	}
	var sq savedQuery
	_ = json.Unmarshal([]byte(q), &sq) // written by PutSavedSearch
	ss.Query = sq.query()
	ss.Created, ss.Checked = instant(created), instant(checked)
	return &ss, nil
}

// RemoveSavedSearch removes a saved search and its alerts.
func (s *Store) RemoveSavedSearch(ctx context.Context, name string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM saved_searches WHERE name = $1`, name)
	if err != nil {
		return dbError("saved search "+name, err)
	}
	if tag.RowsAffected() == 0 {
		return whosaid.Errorf(whosaid.ENotFound, "no saved search named %q", name)
	}
	return nil
}

// SavedSearches lists the saved searches with counts and latest alerts.
func (s *Store) SavedSearches(ctx context.Context, hits int) ([]whosaid.SavedSearchSummary, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+savedColumns+`,
		(SELECT count(*) FROM alert_deliveries d WHERE d.search = ss.name),
		(SELECT count(*) FROM alert_deliveries d WHERE d.search = ss.name AND d.delivered IS NULL AND NOT d.gave_up),
		(SELECT count(*) FROM alert_deliveries d WHERE d.search = ss.name AND d.gave_up)
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
		sum.Query = sq.query()
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
		if out[i].Latest, err = deliveries(ctx, s.pool, `WHERE search = $1 ORDER BY fired DESC, id DESC LIMIT $2`, out[i].Name, hits); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// MarkChecked moves the checked mark of a saved search forward.
func (s *Store) MarkChecked(ctx context.Context, name string, at time.Time) error {
	tag, err := s.pool.Exec(ctx, `UPDATE saved_searches SET checked = GREATEST(checked, $1) WHERE name = $2`, instantText(at), name)
	if err != nil {
		return dbError("saved search "+name, err)
	}
	if tag.RowsAffected() == 0 {
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
	tag, err := s.pool.Exec(ctx, `INSERT INTO alert_deliveries(search, unit, statement_id, notify, payload, fired, next_attempt)
		SELECT $1,$2,$3,$4,$5,$6,$7 WHERE EXISTS (SELECT 1 FROM saved_searches WHERE name = $1)
		ON CONFLICT(search, unit) DO NOTHING`,
		d.Search, d.Unit, null(d.StatementID), d.Notify, d.Payload, instantText(fired), instantText(next))
	if err != nil {
		return false, dbError("alert of "+d.Search, err)
	}
	return tag.RowsAffected() == 1, nil
}

// ClaimDue returns the deliveries to attempt now, leased to the caller:
// rows another process is claiming are skipped, not waited for.
func (s *Store) ClaimDue(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]whosaid.Delivery, error) {
	if limit <= 0 {
		limit = 100
	}
	t, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, dbError("claim alerts", err)
	}
	defer t.Rollback(ctx)
	out, err := deliveries(ctx, t, `WHERE delivered IS NULL AND NOT gave_up AND next_attempt <= $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
		instantText(now), limit)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(out))
	for i, d := range out {
		ids[i] = d.ID
	}
	if len(ids) > 0 {
		if _, err := t.Exec(ctx, `UPDATE alert_deliveries SET next_attempt = $1 WHERE id = ANY($2)`, instantText(now.Add(lease)), ids); err != nil {
			return nil, dbError("claim alerts", err)
		}
	}
	return out, dbError("claim alerts", t.Commit(ctx))
}

func deliveries(ctx context.Context, q querier, where string, args ...any) ([]whosaid.Delivery, error) {
	rows, err := q.Query(ctx, `SELECT id, search, unit, COALESCE(statement_id, ''), notify, payload, fired, attempts,
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
		_, err = s.pool.Exec(ctx, `UPDATE alert_deliveries SET attempts = attempts + 1, delivered = $1, last_error = NULL WHERE id = $2`,
			instantText(a.At), id)
	case a.Retry.IsZero():
		_, err = s.pool.Exec(ctx, `UPDATE alert_deliveries SET attempts = attempts + 1, gave_up = true, last_error = $1 WHERE id = $2`, a.Err, id)
	default:
		_, err = s.pool.Exec(ctx, `UPDATE alert_deliveries SET attempts = attempts + 1, next_attempt = $1, last_error = $2 WHERE id = $3`,
			instantText(a.Retry), a.Err, id)
	}
	return dbError("alert delivery", err)
}
