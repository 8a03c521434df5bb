package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/internal/smtptest"
	"github.com/whosaid/whosaid/store/sqlite"
	"github.com/whosaid/whosaid/store/storetest"
	"github.com/whosaid/whosaid/wire"
)

// clock is a time the test moves.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func newClock() *clock { return &clock{t: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)} }

func openStore(t *testing.T, path string, c *clock) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path, sqlite.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// store puts fixture articles (annotated already) as an ingest would.
func store(t *testing.T, st whosaid.Store, names ...string) {
	t.Helper()
	all, err := storetest.Docs()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, n := range names {
		d := all[n]
		err := st.Update(ctx, func(tx whosaid.Tx) error {
			if err := (identity.Linker{}).Link(ctx, tx, d); err != nil {
				return err
			}
			_, err := tx.PutArticle(ctx, d)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func addSearch(t *testing.T, st *sqlite.Store, s whosaid.SavedSearch) {
	t.Helper()
	if err := st.PutSavedSearch(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

// TestFiresOnce: a saved search fires for what is stored after it was
// made, once per statement, also after a restart.
func TestFiresOnce(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	path := filepath.Join(t.TempDir(), "w.db")
	st := openStore(t, path, c)
	store(t, st, "a1.txt", "a2.txt") // before the search: never fires
	c.add(time.Minute)
	addSearch(t, st, whosaid.SavedSearch{Name: "contract", Query: whosaid.StatementQuery{Text: "contract"}, Notify: "log"})
	addSearch(t, st, whosaid.SavedSearch{Name: "demirel", Query: whosaid.StatementQuery{Speaker: "Yusuf Demirel"}, Notify: "log"})
	var log bytes.Buffer
	e, err := New(st, Options{Now: c.now, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := e.Check(ctx); n != 0 || err != nil {
		t.Fatalf("nothing new: %d fired (%v)", n, err)
	}
	c.add(time.Minute)
	store(t, st, "a3.txt") // "the port contract"
	c.add(time.Minute)
	if n, err := e.Check(ctx); n != 1 || err != nil {
		t.Fatalf("after a3: %d fired (%v), want 1", n, err)
	}
	if n, _ := e.Check(ctx); n != 0 {
		t.Errorf("a second check fired %d again", n)
	}
	rep, err := e.Deliver(ctx)
	if err != nil || rep.Sent != 1 || !strings.Contains(log.String(), `alert "contract": Marta Kaya: “`) {
		t.Errorf("deliver %+v (%v), log %q", rep, err, log.String())
	}
	// A restart: a new store handle and engine see what fired.
	st.Close()
	st = openStore(t, path, c)
	e, _ = New(st, Options{Now: c.now, Log: &log})
	c.add(time.Minute)
	store(t, st, "a4.txt") // another contract statement
	if n, err := e.Check(ctx); n != 1 || err != nil {
		t.Errorf("after a4 and a restart: %d fired (%v), want 1", n, err)
	}
	if n, _ := e.Check(ctx); n != 0 {
		t.Errorf("checked again after the restart: %d fired", n)
	}
	sums, _ := st.SavedSearches(ctx, 5)
	if len(sums) != 2 || sums[0].Name != "contract" || sums[0].Fired != 2 || sums[1].Fired != 0 {
		t.Errorf("summaries %+v", sums)
	}
	// What fired carries the statement in the wire vocabulary.
	var a wire.Alert
	if err := json.Unmarshal(sums[0].Latest[0].Payload, &a); err != nil || a.Alert != "contract" || a.Statement.Speaker == nil ||
		a.Statement.URL == nil || *a.Statement.URL != "https://news.example/a4.txt" || a.Unit != "statement:"+a.Statement.ID || a.Cluster != nil {
		t.Errorf("payload %s (%v)", sums[0].Latest[0].Payload, err)
	}
}

// TestTest: what a search would have fired, without firing it.
func TestTest(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), c)
	store(t, st, "a1.txt", "a2.txt", "a3.txt", "a4.txt")
	c.add(time.Hour)
	addSearch(t, st, whosaid.SavedSearch{Name: "ports", Query: whosaid.StatementQuery{Text: "port"}, Notify: "log"})
	e, _ := New(st, Options{Now: c.now})
	got, err := e.Test(ctx, "ports", c.now().AddDate(0, 0, -30))
	if err != nil || len(got) < 2 {
		t.Fatalf("test: %d alerts (%v)", len(got), err)
	}
	for _, a := range got {
		if a.Statement.Content == nil || !strings.Contains(strings.ToLower(a.Statement.Content.Text+" "+str(a.Statement.Title)), "port") {
			t.Errorf("%+v does not match", a.Statement)
		}
	}
	if n, _ := e.Check(ctx); n != 0 {
		t.Errorf("test fired: a check then fired %d (all stored before the search)", n)
	}
	if _, err := e.Test(ctx, "nope", c.now()); whosaid.ErrorCode(err) != whosaid.ENotFound {
		t.Errorf("unknown search: %v", err)
	}
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// TestWebhookRetried: a receiver that fails twice, then answers, gets the
// alert once; every attempt carries the same idempotency key.
func TestWebhookRetried(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	var attempts int
	var keys []string
	var got []wire.Alert
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		attempts++
		keys = append(keys, r.Header.Get("Idempotency-Key"))
		if attempts <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		var a wire.Alert
		body, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &a) != nil {
			t.Errorf("webhook got %s %s %q", r.Method, r.Header.Get("Content-Type"), body)
		}
		got = append(got, a)
	}))
	defer hook.Close()
	c := newClock()
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), c)
	addSearch(t, st, whosaid.SavedSearch{Name: "demirel", Query: whosaid.StatementQuery{Speaker: "Yusuf Demirel", Kind: whosaid.Direct},
		Notify: "webhook:" + hook.URL + "/hook"})
	c.add(time.Minute)
	store(t, st, "a1.txt")
	var log bytes.Buffer
	e, _ := New(st, Options{Now: c.now, Log: &log})
	if n, err := e.Check(ctx); n != 1 || err != nil {
		t.Fatalf("%d fired (%v)", n, err)
	}
	var total Report
	for i := 0; i < 6; i++ {
		rep, err := e.Deliver(ctx)
		if err != nil {
			t.Fatal(err)
		}
		total.Sent, total.Failed = total.Sent+rep.Sent, total.Failed+rep.Failed
		if rep.Failed > 0 {
			// Nothing is due again before the backoff is over.
			if again, _ := e.Deliver(ctx); again.Sent+again.Failed != 0 {
				t.Errorf("retried before the backoff: %+v", again)
			}
		}
		c.add(time.Hour)
	}
	if total.Sent != 1 || total.Failed != 2 || attempts != 3 || len(got) != 1 {
		t.Fatalf("sent %d, failed %d, %d attempts, %d received; want 1, 2, 3, 1", total.Sent, total.Failed, attempts, len(got))
	}
	if keys[0] == "" || keys[0] != keys[1] || keys[1] != keys[2] {
		t.Errorf("idempotency keys %q", keys)
	}
	if got[0].Statement.Speaker == nil || got[0].Statement.Speaker.Name != "Yusuf Demirel" || got[0].Statement.Kind != "direct" {
		t.Errorf("alert %+v", got[0].Statement)
	}
	if strings.Count(log.String(), "trying again") != 2 {
		t.Errorf("log %q", log.String())
	}
	sums, _ := st.SavedSearches(ctx, 1)
	if d := sums[0].Latest[0]; d.Delivered == nil || d.Attempts != 3 || d.LastError != "" {
		t.Errorf("delivery %+v", d)
	}
}

// TestDeliveryBounded: a receiver that never answers costs one timeout
// per attempt, and a delivery that keeps failing is given up.
func TestDeliveryBounded(t *testing.T) {
	ctx := context.Background()
	release := make(chan struct{})
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer hook.Close()
	defer close(release)
	c := newClock()
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), c)
	addSearch(t, st, whosaid.SavedSearch{Name: "x", Query: whosaid.StatementQuery{Text: "wages"}, Notify: "webhook:" + hook.URL})
	c.add(time.Minute)
	store(t, st, "a1.txt")
	e, _ := New(st, Options{Now: c.now, Timeout: 100 * time.Millisecond, MaxAttempts: 2})
	e.Check(ctx)
	rep, err := e.Deliver(ctx)
	if err != nil || rep.Failed != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	c.add(time.Hour)
	if rep, _ := e.Deliver(ctx); rep.GaveUp != 1 {
		t.Errorf("second failure with 2 attempts allowed: %+v", rep)
	}
	c.add(24 * time.Hour)
	if rep, _ := e.Deliver(ctx); rep != (Report{}) {
		t.Errorf("a delivery given up on was tried: %+v", rep)
	}
	if sums, _ := st.SavedSearches(ctx, 1); sums[0].Failed != 1 || !strings.Contains(sums[0].Latest[0].LastError, "webhook") {
		t.Errorf("%+v", sums[0])
	}
}

// TestMail: a mail alert goes through the SMTP server, its article text
// unable to add headers.
func TestMail(t *testing.T) {
	ctx := context.Background()
	srv := smtptest.Start(t)
	c := newClock()
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), c)
	addSearch(t, st, whosaid.SavedSearch{Name: "kaya", Query: whosaid.StatementQuery{Speaker: "Aylin Kaya"}, Notify: "mail:desk@news.example"})
	c.add(time.Minute)
	store(t, st, "a2.txt")
	e, err := New(st, Options{Now: c.now, SMTP: "smtp://" + srv.Addr + "?from=alerts@whosaid.example"})
	if err != nil {
		t.Fatal(err)
	}
	fired, _ := e.Check(ctx)
	rep, err := e.Deliver(ctx)
	if err != nil || fired == 0 || rep.Sent != fired {
		t.Fatalf("fired %d, %+v %v", fired, rep, err)
	}
	msgs := srv.Messages()
	if len(msgs) != fired || msgs[0].From != "alerts@whosaid.example" || len(msgs[0].To) != 1 || msgs[0].To[0] != "desk@news.example" {
		t.Fatalf("messages %+v", msgs)
	}
	head, body, _ := strings.Cut(msgs[0].Data, "\r\n\r\n")
	var subject string
	for _, l := range strings.Split(head, "\r\n") {
		if s, ok := strings.CutPrefix(l, "Subject: "); ok {
			subject, _ = new(mime.WordDecoder).DecodeHeader(s)
		}
	}
	text, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(body)))
	if !strings.HasPrefix(subject, "whosaid kaya: Aylin Kaya: ") || !strings.Contains(string(text), "Outlet:    Evening Ledger") ||
		!strings.Contains(string(text), "URL:       https://news.example/a2.txt") {
		t.Errorf("subject %q, body %q", subject, text)
	}
	// Without a server a mail alert fails, saying why, and waits for a
	// run that has one.
	addSearch(t, st, whosaid.SavedSearch{Name: "kaya2", Query: whosaid.StatementQuery{Speaker: "Aylin Kaya"}, Notify: "mail:desk@news.example"})
	c.add(time.Minute)
	store(t, st, "a4.txt", "a2v2.txt")
	var log bytes.Buffer
	e2, _ := New(st, Options{Now: c.now, Log: &log})
	if e2.MailReady() == nil || e.MailReady() != nil {
		t.Errorf("mail ready without a server")
	}
	if n, _ := e2.Check(ctx); n == 0 {
		t.Fatal("nothing fired for the new version")
	}
	if rep, _ := e2.Deliver(ctx); rep.Failed == 0 || rep.Sent != 0 || !strings.Contains(log.String(), "no SMTP server (give --smtp or set WHOSAID_SMTP)") {
		t.Errorf("%+v, log %q", rep, log.String())
	}
}

func TestMailHeadersSafe(t *testing.T) {
	content := "ports stay shut\r\nBcc: everyone@example.org"
	a := wire.Alert{Alert: "x", Unit: "statement:1", Statement: wire.Hit{Statement: wire.Statement{Content: &wire.Span{Text: content}}}}
	msg := string(mailMessage("a@b.example", "c@d.example", a, time.Now()))
	head, _, _ := strings.Cut(msg, "\r\n\r\n")
	if strings.Contains(head, "\r\nBcc:") {
		t.Errorf("article text added a header:\n%s", head)
	}
}

func TestValidate(t *testing.T) {
	st := openStore(t, filepath.Join(t.TempDir(), "w.db"), newClock())
	e, _ := New(st, Options{})
	for _, c := range []struct {
		s    whosaid.SavedSearch
		code string
	}{
		{whosaid.SavedSearch{Name: "a", Notify: "log"}, ""},
		{whosaid.SavedSearch{Name: "a", Notify: "webhook:https://hooks.example/x"}, ""},
		{whosaid.SavedSearch{Name: "a", Notify: "webhook:ftp://x"}, whosaid.EInvalid},
		{whosaid.SavedSearch{Name: "a", Notify: "mail:not an address"}, whosaid.EInvalid},
		{whosaid.SavedSearch{Name: "a", Notify: "pager:123"}, whosaid.EInvalid},
		{whosaid.SavedSearch{Name: "a", Notify: "log", On: whosaid.AlertOnCorroborated}, whosaid.EUnsupported},
		{whosaid.SavedSearch{Name: "a", Notify: "log", Independent: 3}, whosaid.EUnsupported},
	} {
		if got := whosaid.ErrorCode(e.Validate(c.s)); got != c.code {
			t.Errorf("%+v: %q, want %q", c.s, got, c.code)
		}
	}
}

func TestLogLineSafe(t *testing.T) {
	out := "\x1b[31mred\x1b[0m\nnext"
	a := wire.Alert{Alert: "x", Unit: "statement:1", Statement: wire.Hit{Statement: wire.Statement{Content: &wire.Span{Text: out}}}}
	if l := logLine(a); strings.ContainsAny(l, "\x1b\n") {
		t.Errorf("log line %q", l)
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute}
	for i, w := range want {
		if got := DefaultBackoff(i + 1); got != w {
			t.Errorf("after %d failures: %v, want %v", i+1, got, w)
		}
	}
	if DefaultBackoff(40) != time.Hour {
		t.Errorf("no cap")
	}
}
