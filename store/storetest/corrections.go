package storetest

import (
	"context"
	"testing"

	"github.com/whosaid/whosaid"
)

// corrections checks whosaid.Corrector: one statement given another
// speaker, or none, kept as a decision with its reason, and still so
// after re-ingest, a new version of the article and a split.
func corrections(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	s := open(t)
	c, ok := s.(whosaid.Corrector)
	if !ok {
		t.Skip("this store does not correct single statements (whosaid.Corrector)")
	}
	put(t, s, docsNamed(t, "a1.txt", "a2.txt", "a3.txt", "a4.txt")...)
	find := func(q whosaid.StatementQuery, content string) *whosaid.StatementHit {
		t.Helper()
		q.Limit = 50
		page, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range page.Items {
			if h.Content.Text == content {
				return &h
			}
		}
		return nil
	}
	const closed = "that the ports would stay closed" // a2: said by the union leader
	h := find(whosaid.StatementQuery{Text: "closed"}, closed)
	if h == nil || h.Speaker == nil {
		t.Fatalf("fixture statement %q not found with a speaker", closed)
	}
	for _, bad := range []struct {
		c    whosaid.Correction
		code string
	}{
		{whosaid.Correction{Statement: h.ID, Speaker: "Aylin Kaya"}, whosaid.EInvalid},
		{whosaid.Correction{Statement: h.ID, Speaker: "Aylin Kaya", NoSpeaker: true, Why: "x"}, whosaid.EInvalid},
		{whosaid.Correction{Statement: "nope-1", Speaker: "Aylin Kaya", Why: "x"}, whosaid.ENotFound},
		{whosaid.Correction{Statement: h.ID, Speaker: "Nobody Atall", Why: "x"}, whosaid.ENotFound},
		{whosaid.Correction{Statement: h.ID, Speaker: "Kaya", Why: "x"}, whosaid.EConflict},
	} {
		if _, err := c.CorrectStatement(ctx, bad.c); whosaid.ErrorCode(err) != bad.code {
			t.Errorf("%+v: %v, want %s", bad.c, err, bad.code)
		}
	}
	aylin, err := s.Speaker(ctx, "Aylin Kaya")
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.CorrectStatement(ctx, whosaid.Correction{Statement: h.ID, Speaker: "Aylin Kaya", Why: "test: the minister said it"})
	if err != nil || got.Speaker == nil || got.Speaker.ID != aylin.ID {
		t.Fatalf("corrected statement: %+v, %v", got, err)
	}
	if f := find(whosaid.StatementQuery{Speaker: aylin.ID, Text: "closed"}, closed); f == nil {
		t.Errorf("the corrected statement is not found under its new speaker")
	}
	if f := find(whosaid.StatementQuery{Speaker: h.Speaker.ID, Text: "closed"}, closed); f != nil {
		t.Errorf("the corrected statement is still found under its old speaker")
	}
	decisions, err := s.Decisions(ctx)
	if err != nil || len(decisions) != 1 {
		t.Fatalf("decisions: %+v, %v", decisions, err)
	}
	if d := decisions[0]; d.Kind != whosaid.DecisionCorrect || d.Statement != h.ID || d.Speaker != aylin.ID || d.Other != h.Speaker.ID || d.Why == "" {
		t.Errorf("decision %+v", d)
	}
	// Re-ingest, a new version at the same URL, and a split leave it.
	put(t, s, docsNamed(t, "a2.txt")...)
	put(t, s, docsNamed(t, "a2v2.txt")...)
	v2 := docsNamed(t, "a2v2.txt")[0].ID
	for _, all := range []bool{false, true} {
		page, _ := s.Search(ctx, whosaid.StatementQuery{Text: "closed", AllVersions: all, Limit: 50})
		for _, x := range page.Items {
			if x.Content.Text == closed && (x.Speaker == nil || x.Speaker.ID != aylin.ID) {
				t.Errorf("in %s (all versions %v) the corrected statement has speaker %+v", x.ArticleID, all, x.Speaker)
			}
		}
	}
	if f := find(whosaid.StatementQuery{Speaker: aylin.ID, Text: "closed"}, closed); f == nil || f.ArticleID != v2 {
		t.Errorf("the new version's statement did not take the correction: %+v", f)
	}
	// The statement still goes by the name its article gave ("Yusuf
	// Demirell"): a split of that name off its corrected speaker leaves it.
	if _, err := s.SplitSpeaker(ctx, whosaid.Split{ID: aylin.ID, Variants: []string{h.Speaker.Name, "Yusuf Demirell"}, Why: "test"}); err != nil {
		t.Fatal(err)
	}
	if f := find(whosaid.StatementQuery{Speaker: aylin.ID, Text: "closed"}, closed); f == nil {
		t.Errorf("a split moved the corrected statement away from its speaker")
	}
	none, err := c.CorrectStatement(ctx, whosaid.Correction{Statement: h.ID, NoSpeaker: true, Why: "test: nobody can say"})
	if err != nil || none.Speaker != nil {
		t.Errorf("a correction to nobody: %+v, %v", none, err)
	}
}
