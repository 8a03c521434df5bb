package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// ParseNotify reads where a saved search notifies: "webhook:URL" (http or
// https), "mail:ADDRESS" or "log". It returns the kind and the address.
func ParseNotify(s string) (kind, addr string, err error) {
	kind, addr, _ = strings.Cut(strings.TrimSpace(s), ":")
	switch kind {
	case "log":
		if addr == "" {
			return kind, "", nil
		}
	case "webhook":
		if u, err := url.Parse(addr); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return kind, addr, nil
		}
		return "", "", whosaid.Errorf(whosaid.EInvalid, "--notify %q: a webhook needs an http or https URL (webhook:https://…)", s)
	case "mail":
		if a, err := mail.ParseAddress(addr); err == nil {
			return kind, a.Address, nil
		}
		return "", "", whosaid.Errorf(whosaid.EInvalid, "--notify %q: not a mail address (mail:name@example.org)", s)
	}
	return "", "", whosaid.Errorf(whosaid.EInvalid, "--notify %q: want webhook:URL, mail:ADDRESS or log", s)
}

// Report counts what Deliver did.
type Report struct {
	Sent, Failed, GaveUp int
}

// Deliver makes each due delivery once: a success is recorded as made, a
// failure is logged and tried again after the backoff (or given up after
// MaxAttempts). It returns when nothing more is due now.
func (e *Engine) Deliver(ctx context.Context) (Report, error) {
	var rep Report
	tried := map[int64]bool{}
	for {
		// Leased for longer than an attempt can take.
		due, err := e.as.ClaimDue(ctx, e.opt.Now(), 2*e.opt.Timeout+time.Minute, 100)
		if err != nil {
			return rep, err
		}
		progress := false
		for _, d := range due {
			if tried[d.ID] {
				continue // due again at once (a zero backoff): next time
			}
			tried[d.ID], progress = true, true
			if ctx.Err() != nil {
				return rep, ctx.Err()
			}
			err := e.send(ctx, d)
			a := whosaid.Attempt{At: e.opt.Now()}
			switch {
			case err == nil:
				rep.Sent++
			case d.Attempts+1 >= e.opt.MaxAttempts:
				a.Err = err.Error()
				rep.GaveUp++
				fmt.Fprintf(e.opt.Log, "whosaid: alert %q: %v; gave up after %d attempts\n", d.Search, err, d.Attempts+1)
			default:
				a.Err = err.Error()
				wait := e.opt.Backoff(d.Attempts + 1)
				a.Retry = a.At.Add(wait)
				rep.Failed++
				fmt.Fprintf(e.opt.Log, "whosaid: alert %q: %v; trying again in %s\n", d.Search, err, wait.Round(time.Millisecond))
			}
			if err := e.as.RecordAttempt(ctx, d.ID, a); err != nil {
				return rep, err
			}
		}
		if !progress {
			return rep, nil
		}
	}
}

// Run delivers what is due every tick until ctx is done: the watcher runs
// it beside its rounds, so a failed webhook is retried between them.
func (e *Engine) Run(ctx context.Context, tick time.Duration) {
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := e.Deliver(ctx); err != nil && ctx.Err() == nil {
				fmt.Fprintf(e.opt.Log, "whosaid: delivering alerts: %v\n", err)
			}
		}
	}
}

// send makes one attempt at a delivery.
func (e *Engine) send(ctx context.Context, d whosaid.Delivery) error {
	kind, addr, err := ParseNotify(d.Notify)
	if err != nil {
		return err
	}
	var a wire.Alert
	if err := json.Unmarshal(d.Payload, &a); err != nil {
		return fmt.Errorf("alert payload: %v", err)
	}
	ctx, cancel := context.WithTimeout(ctx, e.opt.Timeout)
	defer cancel()
	switch kind {
	case "log":
		_, err := fmt.Fprintln(e.opt.Log, "whosaid: alert "+logLine(a))
		return err
	case "webhook":
		return e.post(ctx, addr, d)
	case "mail":
		if e.smtp == nil {
			if e.smtpErr != nil {
				return e.smtpErr
			}
			return fmt.Errorf("mail to %s: no SMTP server (give --smtp or set WHOSAID_SMTP)", addr)
		}
		return e.smtp.send(ctx, addr, mailMessage(e.smtp.from, addr, a, e.opt.Now()))
	}
	return fmt.Errorf("unknown notify kind %q", kind)
}

// post sends the alert to a webhook: a success is any 2xx answer.
func (e *Engine) post(ctx context.Context, u string, d whosaid.Delivery) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(d.Payload))
	if err != nil {
		return fmt.Errorf("webhook %s: %v", u, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "whosaid alerts")
	req.Header.Set("X-Whosaid-Alert", d.Search)
	// The unit lets a receiver drop a repeat (a retry after an answer
	// that was lost on the way back).
	req.Header.Set("Idempotency-Key", d.Search+"/"+d.Unit)
	resp, err := e.opt.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("webhook %s: %v", u, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("webhook %s: answered %s", u, resp.Status)
	}
	return nil
}

// logLine is an alert in one line, safe to print: control characters in
// the (untrusted) article text are shown as spaces.
func logLine(a wire.Alert) string {
	h := a.Statement
	who := "(unnamed)"
	if h.Speaker != nil {
		who = h.Speaker.Name
	}
	content := ""
	if h.Content != nil {
		content = h.Content.Text
	}
	where := []string{}
	for _, p := range []*string{h.Outlet, h.Published, h.URL} {
		if p != nil && *p != "" {
			where = append(where, *p)
		}
	}
	return safe(fmt.Sprintf("%q: %s: “%s” (%s) [%s]", a.Alert, who, wire.Clip(content, 300), strings.Join(where, ", "), a.Unit))
}

// safe replaces control characters (and so terminal escapes) by spaces.
func safe(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}
