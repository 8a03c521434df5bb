package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// Unit says what a saved search fires once for.
type Unit interface {
	// Of returns the unit a matching statement counts toward ("" not to
	// fire for it) and the cluster it belongs to ("" where there is none).
	Of(h whosaid.StatementHit) (unit, cluster string)
}

// ByStatement fires once per statement: the unit while statements are
// not clustered.
type ByStatement struct{}

// Of is "statement:" and the statement's id.
func (ByStatement) Of(h whosaid.StatementHit) (string, string) { return "statement:" + h.ID, "" }

// DefaultUnits is the unit of a saved search in this build: the statement.
// Searches that need clusters (on corroborated, independent above 1) are
// refused with EUnsupported until statements are clustered.
func DefaultUnits(s whosaid.SavedSearch) (Unit, error) {
	if s.On == whosaid.AlertOnCorroborated {
		return nil, whosaid.Errorf(whosaid.EUnsupported, "saved search %q: --on corroborated needs statement clusters, which this whosaid does not have yet", s.Name)
	}
	if s.Independent > 1 {
		return nil, whosaid.Errorf(whosaid.EUnsupported, "saved search %q: --independent %d needs statement clusters, which this whosaid does not have yet", s.Name, s.Independent)
	}
	return ByStatement{}, nil
}

// Options configure an Engine. Zero values take the defaults.
type Options struct {
	// Now is the clock (time.Now).
	Now func() time.Time
	// Log receives "log" alerts and a line per failed delivery (nil: discarded).
	Log io.Writer
	// SMTP is the mail server for "mail:" alerts: host:port,
	// smtp://[user:password@]host[:port][?from=ADDRESS] (STARTTLS when
	// offered) or smtps://… (TLS from the start).
	SMTP string
	// HTTP is the client of webhooks (a 10 s timeout, no redirects).
	HTTP *http.Client
	// Timeout bounds one delivery attempt (10 s).
	Timeout time.Duration
	// Backoff is the pause after the n-th failed attempt (30 s doubling
	// to at most an hour); MaxAttempts the attempts before giving up (12).
	Backoff     func(n int) time.Duration
	MaxAttempts int
	// Margin is how far before its last look a search looks again, for
	// articles whose storing was under way then (2 min). What fired
	// already does not fire again.
	Margin time.Duration
	// Units chooses the unit of each saved search (DefaultUnits).
	Units func(whosaid.SavedSearch) (Unit, error)
}

// Engine checks saved searches against a store and delivers their alerts.
type Engine struct {
	st   whosaid.Store
	as   whosaid.AlertStore
	opt  Options
	smtp *smtpConfig
	// smtpErr is why opt.SMTP could not be read; mail alerts fail with it.
	smtpErr error
}

// New returns the Engine of st, which must implement whosaid.AlertStore
// (EUnsupported otherwise).
func New(st whosaid.Store, opt Options) (*Engine, error) {
	as, ok := st.(whosaid.AlertStore)
	if !ok {
		return nil, whosaid.Errorf(whosaid.EUnsupported, "this store keeps no saved searches")
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 10 * time.Second
	}
	if opt.HTTP == nil {
		opt.HTTP = &http.Client{Timeout: opt.Timeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if opt.Backoff == nil {
		opt.Backoff = DefaultBackoff
	}
	if opt.MaxAttempts <= 0 {
		opt.MaxAttempts = 12
	}
	if opt.Margin == 0 {
		opt.Margin = 2 * time.Minute
	}
	if opt.Units == nil {
		opt.Units = DefaultUnits
	}
	e := &Engine{st: st, as: as, opt: opt}
	if opt.SMTP != "" {
		e.smtp, e.smtpErr = parseSMTP(opt.SMTP)
	}
	return e, nil
}

// DefaultBackoff waits 30 s after the first failure, doubling each time,
// at most an hour.
func DefaultBackoff(n int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < n && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// Validate checks a saved search before it is kept: where it notifies,
// and that this build can fire it (its unit). A mail alert is valid
// without an SMTP server (the server may be given where alerts are
// delivered); MailReady tells whether this engine has one.
func (e *Engine) Validate(s whosaid.SavedSearch) error {
	if _, _, err := ParseNotify(s.Notify); err != nil {
		return err
	}
	_, err := e.opt.Units(s)
	return err
}

// MailReady reports why mail alerts cannot be sent by this engine (no
// SMTP server, or one that cannot be read), or nil.
func (e *Engine) MailReady() error {
	if e.smtp != nil {
		return nil
	}
	if e.smtpErr != nil {
		return e.smtpErr
	}
	return whosaid.Errorf(whosaid.EInvalid, "mail alerts need an SMTP server: give --smtp or set WHOSAID_SMTP")
}

// Check looks at the statements stored since each saved search last
// looked and fires it once per new unit; it returns how many alerts
// fired. A search that cannot run is reported and the others go on.
func (e *Engine) Check(ctx context.Context) (int, error) {
	list, err := e.as.SavedSearches(ctx, 0)
	if err != nil {
		return 0, err
	}
	fired := 0
	var errs []error
	for _, s := range list {
		n, err := e.check(ctx, s.SavedSearch)
		fired += n
		if err != nil {
			if ctx.Err() != nil {
				return fired, ctx.Err()
			}
			errs = append(errs, err)
		}
	}
	return fired, errors.Join(errs...)
}

func (e *Engine) check(ctx context.Context, s whosaid.SavedSearch) (int, error) {
	unit, err := e.opt.Units(s)
	if err != nil {
		return 0, err
	}
	start := e.opt.Now()
	since := s.Checked
	if s.Checked.After(s.Created) {
		since = since.Add(-e.opt.Margin)
	}
	fired := 0
	err = e.matches(ctx, s, unit, since, func(h whosaid.StatementHit, key, cluster string) error {
		payload, err := json.Marshal(e.payload(s.Name, key, cluster, start, h))
		if err != nil {
			return err
		}
		ok, err := e.as.Fire(ctx, whosaid.Delivery{Search: s.Name, Unit: key, StatementID: h.ID, Notify: s.Notify, Payload: payload, Fired: start})
		if ok {
			fired++
		}
		return err
	})
	if err != nil {
		return fired, fmt.Errorf("saved search %q: %w", s.Name, err)
	}
	return fired, e.as.MarkChecked(ctx, s.Name, start)
}

// matches calls fn with the first statement of each unit among the
// statements matching s stored since since.
func (e *Engine) matches(ctx context.Context, s whosaid.SavedSearch, unit Unit, since time.Time, fn func(h whosaid.StatementHit, unit, cluster string) error) error {
	q := s.Query
	q.IngestedSince, q.Limit, q.Cursor, q.Since, q.Until = &since, 0, "", nil, nil
	seen := map[string]bool{}
	return e.st.Export(ctx, q, func(h whosaid.StatementHit) error {
		key, cluster := unit.Of(h)
		if key == "" || seen[key] {
			return nil
		}
		seen[key] = true
		return fn(h, key, cluster)
	})
}

func (e *Engine) payload(name, unit, cluster string, at time.Time, h whosaid.StatementHit) wire.Alert {
	a := wire.Alert{Alert: name, Unit: unit, FiredAt: at.UTC().Format(time.RFC3339), Statement: wire.FromHit(h)}
	if cluster != "" {
		a.Cluster = &cluster
	}
	return a
}

// Test returns what saved search name would have fired for the
// statements stored since since (nothing is recorded or sent).
func (e *Engine) Test(ctx context.Context, name string, since time.Time) ([]wire.Alert, error) {
	s, err := e.as.SavedSearch(ctx, name)
	if err != nil {
		return nil, err
	}
	unit, err := e.opt.Units(*s)
	if err != nil {
		return nil, err
	}
	now := e.opt.Now()
	var out []wire.Alert
	err = e.matches(ctx, *s, unit, since, func(h whosaid.StatementHit, key, cluster string) error {
		out = append(out, e.payload(s.Name, key, cluster, now, h))
		return nil
	})
	return out, err
}
