package storetest

import (
	"context"
	"testing"

	"github.com/whosaid/whosaid"
)

// speechOnly checks that searches and exports answer with speech by
// default and with every attribution when asked (StatementQuery.All),
// and that a statement keeps its class and source type.
func speechOnly(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	s := open(t)
	d := docsNamed(t, "a2.txt")[0]
	if len(d.Statements) < 2 {
		t.Fatalf("fixture a2.txt has %d statements, want 2 or more", len(d.Statements))
	}
	// The fixture's second statement becomes a thought ("believes"), its
	// third an action named by a thing: neither is speech.
	stmts := append([]whosaid.Statement(nil), d.Statements...)
	stmts[1].Class, stmts[1].ClassConfidence = whosaid.ClassThought, 0.8
	nonSpeech := map[string]bool{d.StatementID(1): true}
	if len(stmts) > 2 {
		stmts[2].Class, stmts[2].SourceType = whosaid.ClassOther, whosaid.SourceThing
		nonSpeech[d.StatementID(2)] = true
	}
	for i := range stmts {
		stmts[i].Confidence = []float64{0.95, 0.4, 0.7}[i%3]
	}
	d.Statements = stmts
	put(t, s, d)

	collect := func(q whosaid.StatementQuery) (search, export map[string]bool) {
		t.Helper()
		search, export = map[string]bool{}, map[string]bool{}
		q.Limit = 100
		page, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range page.Items {
			search[h.ID] = true
		}
		if err := s.Export(ctx, q, func(h whosaid.StatementHit) error { export[h.ID] = true; return nil }); err != nil {
			t.Fatal(err)
		}
		return search, export
	}
	// Both non-speech statements say "ports"; the speech one does not.
	for _, q := range []whosaid.StatementQuery{{}, {Text: "ports"}} {
		search, export := collect(q)
		for id := range nonSpeech {
			if search[id] || export[id] {
				t.Errorf("%+v: non-speech statement %s answered without All", q, id)
			}
		}
		if q.Text == "" && (!search[d.StatementID(0)] || !export[d.StatementID(0)]) {
			t.Errorf("%+v: the speech statement %s is missing", q, d.StatementID(0))
		}
		q.All = true
		search, export = collect(q)
		for id := range nonSpeech {
			if !search[id] || !export[id] {
				t.Errorf("%+v with All: statement %s missing", q, id)
			}
		}
	}
	// MinConfidence: a threshold between the statements' confidences
	// keeps those at or above it.
	lo, hi := 1.0, 0.0
	for _, st := range stmts {
		lo, hi = min(lo, st.Confidence), max(hi, st.Confidence)
	}
	if lo < hi {
		cut := (lo + hi) / 2
		search, export := collect(whosaid.StatementQuery{All: true, MinConfidence: cut})
		for i, st := range stmts {
			id := d.StatementID(i)
			if want := st.Confidence >= cut; search[id] != want || export[id] != want {
				t.Errorf("MinConfidence %v: statement %s (confidence %v) answered %v/%v, want %v", cut, id, st.Confidence, search[id], export[id], want)
			}
		}
	} else {
		t.Errorf("the fixture's statements all have confidence %v: the calibration does not tell them apart", lo)
	}
	h, err := s.Statement(ctx, d.StatementID(1))
	if err != nil {
		t.Fatal(err)
	}
	if h.Class != whosaid.ClassThought || h.ClassConfidence != 0.8 || h.SourceType != stmts[1].SourceType {
		t.Errorf("stored class %q (%v), source %q; want thought (0.8), %q", h.Class, h.ClassConfidence, h.SourceType, stmts[1].SourceType)
	}
}
