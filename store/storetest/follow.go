package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
)

// RunFollow is the suite of what following sources keeps in a store: the
// article's medium and via, statements by ingest time, the WatchStore
// and the AlertStore. The store cfg.Open returns must implement both.
func RunFollow(t *testing.T, cfg Config) {
	ctx := context.Background()
	// A clock the subtests move.
	var now time.Time
	clock := func() time.Time { return now }
	open := func(t *testing.T) whosaid.Store {
		now = Clock()
		return cfg.Open(t, clock)
	}
	doc := func(t *testing.T, name string) *whosaid.Doc {
		all, err := Docs()
		if err != nil {
			t.Fatal(err)
		}
		return all[name]
	}

	t.Run("MediumVia", func(t *testing.T) {
		s := open(t)
		d := atURL(doc(t, "a1.txt"), "https://t.me/c/100/7")
		d.Medium, d.Via = whosaid.MediumTelegram, "Harbour Wire"
		put(t, s, d, doc(t, "a2.txt"))
		a, err := s.Article(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Medium != whosaid.MediumTelegram || a.Via != "Harbour Wire" {
			t.Errorf("medium %q via %q, want what the doc said", a.Medium, a.Via)
		}
		b, err := s.Article(ctx, doc(t, "a2.txt").ID)
		if err != nil || b.Medium != "" || b.Via != "" {
			t.Errorf("an article without them: medium %q via %q (%v)", b.Medium, b.Via, err)
		}
	})

	t.Run("IngestedSince", func(t *testing.T) {
		s := open(t)
		put(t, s, doc(t, "a1.txt"))
		now = now.Add(time.Hour)
		mark := now
		put(t, s, doc(t, "a2.txt"))
		later := doc(t, "a2.txt").ID
		var ids []string
		err := s.Export(ctx, whosaid.StatementQuery{IngestedSince: &mark}, func(h whosaid.StatementHit) error {
			if h.ArticleID != later {
				t.Errorf("statement %s of an article stored before the mark", h.ID)
			}
			ids = append(ids, h.ID)
			return nil
		})
		if err != nil || len(ids) == 0 {
			t.Fatalf("export since the mark: %d statements, %v", len(ids), err)
		}
		page, err := s.Search(ctx, whosaid.StatementQuery{IngestedSince: &mark, Limit: 100})
		if err != nil || len(page.Items) != len(ids) {
			t.Errorf("search since the mark: %d statements, export %d (%v)", len(page.Items), len(ids), err)
		}
		after := now.Add(time.Minute)
		page, err = s.Search(ctx, whosaid.StatementQuery{IngestedSince: &after})
		if err != nil || len(page.Items) != 0 {
			t.Errorf("search after the last ingest: %d statements (%v)", len(page.Items), err)
		}
	})

	t.Run("Watch", func(t *testing.T) {
		s := open(t)
		w, ok := s.(whosaid.WatchStore)
		if !ok {
			t.Fatal("the store does not implement whosaid.WatchStore")
		}
		const feed = "https://coast.example/rss"
		if _, err := w.SourceState(ctx, feed); whosaid.ErrorCode(err) != whosaid.ENotFound {
			t.Errorf("an unknown source: %v, want ENotFound", err)
		}
		st := whosaid.SourceState{URL: feed, ETag: `"v1"`, LastModified: "Fri, 03 Mar 2023 08:15:00 GMT",
			LastPoll: now, LastOK: now, NextPoll: now.Add(15 * time.Minute)}
		if err := w.PutSourceState(ctx, st); err != nil {
			t.Fatal(err)
		}
		st.Failures, st.LastError, st.NextPoll = 2, "timed out", now.Add(time.Hour+time.Nanosecond)
		if err := w.PutSourceState(ctx, st); err != nil {
			t.Fatal(err)
		}
		got, err := w.SourceState(ctx, feed)
		if err != nil || got.ETag != st.ETag || got.LastModified != st.LastModified || got.Failures != 2 ||
			got.LastError != "timed out" || !got.NextPoll.Equal(st.NextPoll) || !got.LastOK.Equal(now) {
			t.Errorf("source state %+v (%v), want %+v", got, err, st)
		}
		for _, it := range []whosaid.SeenItem{
			{Source: feed, Key: "guid-1", URL: "https://coast.example/1", ArticleID: "a1"},
			{Source: feed, Key: "guid-2", Error: "status 404"},
			{Source: feed, Key: "guid-1", ArticleID: "other"}, // marking again keeps the first
			{Source: "https://other.example/rss", Key: "guid-3"},
		} {
			if err := w.MarkSeen(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		seen, err := w.Seen(ctx, feed, []string{"guid-1", "guid-2", "guid-3", "guid-4"})
		if err != nil || len(seen) != 2 || !seen["guid-1"] || !seen["guid-2"] {
			t.Errorf("seen %v (%v), want guid-1 and guid-2 (guid-3 is another feed's)", seen, err)
		}
	})

	t.Run("Alerts", func(t *testing.T) {
		s := open(t)
		a, ok := s.(whosaid.AlertStore)
		if !ok {
			t.Fatal("the store does not implement whosaid.AlertStore")
		}
		ss := whosaid.SavedSearch{Name: "port", Query: whosaid.StatementQuery{Text: "strike", Speaker: "Yusuf Demirel", Kind: whosaid.Direct},
			Notify: "webhook:http://127.0.0.1:1/hook"}
		if err := a.PutSavedSearch(ctx, ss); err != nil {
			t.Fatal(err)
		}
		if err := a.PutSavedSearch(ctx, ss); whosaid.ErrorCode(err) != whosaid.EConflict {
			t.Errorf("a second search named port: %v, want EConflict", err)
		}
		if err := a.PutSavedSearch(ctx, whosaid.SavedSearch{Name: "x", Notify: "log", On: "sometimes"}); whosaid.ErrorCode(err) != whosaid.EInvalid {
			t.Errorf("on sometimes: %v, want EInvalid", err)
		}
		got, err := a.SavedSearch(ctx, "port")
		if err != nil || got.Query.Text != "strike" || got.Query.Speaker != "Yusuf Demirel" || got.Query.Kind != whosaid.Direct ||
			got.On != whosaid.AlertOnNew || !got.Created.Equal(now) || !got.Checked.Equal(now) {
			t.Fatalf("saved search %+v (%v)", got, err)
		}
		if _, err := a.SavedSearch(ctx, "nope"); whosaid.ErrorCode(err) != whosaid.ENotFound {
			t.Errorf("unknown name: %v", err)
		}
		// The checked mark only moves forward.
		if err := a.MarkChecked(ctx, "port", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := a.MarkChecked(ctx, "port", now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got, _ := a.SavedSearch(ctx, "port"); !got.Checked.Equal(now.Add(time.Hour)) {
			t.Errorf("checked %v, want an hour on", got.Checked)
		}

		// Once per unit.
		d := whosaid.Delivery{Search: "port", Unit: "statement:s1", StatementID: "s1", Notify: ss.Notify, Payload: []byte(`{"a":1}`), Fired: now}
		for i, want := range []bool{true, false} {
			fired, err := a.Fire(ctx, d)
			if err != nil || fired != want {
				t.Errorf("fire #%d: %v (%v), want %v", i+1, fired, err, want)
			}
		}
		d2 := d
		d2.Unit, d2.StatementID, d2.Fired = "statement:s2", "s2", now.Add(time.Second)
		if fired, err := a.Fire(ctx, d2); !fired || err != nil {
			t.Fatalf("fire s2: %v %v", fired, err)
		}
		if fired, err := a.Fire(ctx, whosaid.Delivery{Search: "nope", Unit: "statement:s1", Notify: "log"}); fired || err != nil {
			t.Errorf("an unknown search fired: %v %v", fired, err)
		}
		due, err := a.ClaimDue(ctx, now, time.Second, 10)
		if err != nil || len(due) != 1 || due[0].Unit != "statement:s1" || string(due[0].Payload) != `{"a":1}` {
			t.Fatalf("due now: %+v (%v), want s1 only (s2 fires a second later)", due, err)
		}
		if again, err := a.ClaimDue(ctx, now, time.Second, 10); err != nil || len(again) != 0 {
			t.Errorf("a claimed delivery claimed again during its lease: %+v (%v)", again, err)
		}
		// s1 fails and is due again in a minute; s2 is delivered.
		if err := a.RecordAttempt(ctx, due[0].ID, whosaid.Attempt{At: now, Err: "status 500", Retry: now.Add(time.Minute)}); err != nil {
			t.Fatal(err)
		}
		due, _ = a.ClaimDue(ctx, now.Add(2*time.Second), time.Second, 10)
		if len(due) != 1 || due[0].Unit != "statement:s2" {
			t.Fatalf("due after the failure: %+v, want s2", due)
		}
		if err := a.RecordAttempt(ctx, due[0].ID, whosaid.Attempt{At: now.Add(2 * time.Second)}); err != nil {
			t.Fatal(err)
		}
		due, _ = a.ClaimDue(ctx, now.Add(time.Minute), time.Second, 10)
		if len(due) != 1 || due[0].Unit != "statement:s1" || due[0].Attempts != 1 || due[0].LastError != "status 500" {
			t.Fatalf("due a minute on: %+v, want s1 again", due)
		}
		if err := a.RecordAttempt(ctx, due[0].ID, whosaid.Attempt{At: now.Add(time.Minute), Err: "status 500"}); err != nil {
			t.Fatal(err)
		}
		if due, _ := a.ClaimDue(ctx, now.Add(time.Hour), time.Second, 10); len(due) != 0 {
			t.Errorf("a delivery given up on is still due: %+v", due)
		}

		sums, err := a.SavedSearches(ctx, 1)
		if err != nil || len(sums) != 1 {
			t.Fatalf("summaries %+v (%v)", sums, err)
		}
		sum := sums[0]
		if sum.Name != "port" || sum.Fired != 2 || sum.Pending != 0 || sum.Failed != 1 || len(sum.Latest) != 1 ||
			sum.Latest[0].Unit != "statement:s2" || sum.Latest[0].Delivered == nil {
			t.Errorf("summary %+v, want 2 fired, 1 failed, the latest s2 delivered", sum)
		}

		// Removing a search removes what it fired: the name starts afresh.
		if err := a.RemoveSavedSearch(ctx, "port"); err != nil {
			t.Fatal(err)
		}
		if err := a.RemoveSavedSearch(ctx, "port"); whosaid.ErrorCode(err) != whosaid.ENotFound {
			t.Errorf("removing it twice: %v", err)
		}
		if err := a.PutSavedSearch(ctx, ss); err != nil {
			t.Fatal(err)
		}
		if fired, err := a.Fire(ctx, d); !fired || err != nil {
			t.Errorf("the re-added search does not fire for s1: %v %v", fired, err)
		}
	})
}
