package storetest

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/dedup"
)

// duplicates checks the store's duplicate index (whosaid.DuplicateIndex):
// entries come back in the order recorded with their signatures and dates,
// groups move, the grouping dedup.Add makes over the store is the one it
// makes in memory, and articles and hits say what they copy.
func duplicates(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	s := open(t)
	day := func(d int) *time.Time { x := time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC); return &x }
	sig := func(v uint32) []uint32 {
		out := make([]uint32, dedup.Hashes)
		for i := range out {
			out[i] = v + uint32(i)
		}
		return out
	}
	update := func(fn func(tx whosaid.Tx) error) {
		t.Helper()
		if err := s.Update(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(es []whosaid.DuplicateEntry) (out []string) {
		for _, e := range es {
			out = append(out, e.ArticleID+">"+e.DuplicateOf)
		}
		return out
	}
	update(func(tx whosaid.Tx) error {
		for _, e := range []struct {
			e    whosaid.DuplicateEntry
			keys []uint64
		}{
			{whosaid.DuplicateEntry{ArticleID: "x1", Signature: sig(7), Published: day(4)}, []uint64{1, 2, 3}},
			{whosaid.DuplicateEntry{ArticleID: "x2", Signature: sig(9), DuplicateOf: "x1"}, []uint64{3, 4}},
			{whosaid.DuplicateEntry{ArticleID: "x3", Signature: sig(11)}, []uint64{5, 1 << 62}},
		} {
			if err := tx.PutDuplicateEntry(ctx, e.e, e.keys); err != nil {
				return err
			}
		}
		return nil
	})
	update(func(tx whosaid.Tx) error {
		got, err := tx.DuplicateCandidates(ctx, []uint64{4, 3, 99})
		if err != nil {
			return err
		}
		if w := []string{"x1>", "x2>x1"}; !reflect.DeepEqual(ids(got), w) {
			t.Errorf("candidates %v, want %v", ids(got), w)
		} else if !reflect.DeepEqual(got[0].Signature, sig(7)) || got[0].Published == nil || !got[0].Published.Equal(*day(4)) || got[1].Published != nil {
			t.Errorf("entry x1 came back as %+v", got[0])
		}
		if got, _ := tx.DuplicateCandidates(ctx, []uint64{1 << 62}); len(got) != 1 || got[0].ArticleID != "x3" {
			t.Errorf("a key with the top bits set finds %v", ids(got))
		}
		if err := tx.SetDuplicateOf(ctx, []string{"x1", "x2", "x3"}, "x2"); err != nil {
			return err
		}
		group, err := tx.DuplicateGroup(ctx, "x2")
		if err != nil {
			return err
		}
		if w := []string{"x1>x2", "x2>", "x3>x2"}; !reflect.DeepEqual(ids(group), w) {
			t.Errorf("group after the move %v, want %v", ids(group), w)
		}
		// Recording an entry again changes its group, not its signature.
		if err := tx.PutDuplicateEntry(ctx, whosaid.DuplicateEntry{ArticleID: "x3", Signature: sig(1)}, []uint64{77}); err != nil {
			return err
		}
		got, err = tx.DuplicateCandidates(ctx, []uint64{5})
		if err != nil {
			return err
		}
		if w := []string{"x3>"}; !reflect.DeepEqual(ids(got), w) || !reflect.DeepEqual(got[0].Signature, sig(11)) {
			t.Errorf("x3 recorded again: %v", ids(got))
		}
		return nil
	})

	// dedup.Add over the store groups as over memory: a copy read
	// first gives way to the earlier original read later.
	story := strings.Repeat("The harbour board of Teswick voted on Friday to dredge the north channel before the autumn storms arrive. ", 1) +
		"Board chair Olga Fenn said the channel had silted up faster than any survey predicted and that larger ships now waited for high tide. " +
		"Shipping agents welcomed the vote but asked for the work to be done at night so that the ferries keep their timetable. " +
		"The dredging will cost four million crowns and take nine weeks, the board said in a statement after the meeting."
	other := "Teswick's football club sacked its manager on Sunday after a run of six defeats that left the team bottom of the league. " +
		"The club's owner thanked him for three seasons of work and said a successor would be named before the next home game."
	adds := []struct {
		id, text  string
		published *time.Time
	}{
		{"copy", "Dredging vote for Teswick. " + story + " Follow the Teswick Ledger for more.", day(6)},
		{"club", other, day(5)},
		{"orig", story + " All rights reserved.", day(5)},
	}
	mem := dedup.NewMemoryIndex()
	for _, a := range adds {
		var inStore string
		update(func(tx whosaid.Tx) error {
			var err error
			inStore, err = dedup.Add(ctx, tx, a.id, a.text, a.published)
			return err
		})
		inMem, err := dedup.Add(ctx, mem, a.id, a.text, a.published)
		if err != nil {
			t.Fatal(err)
		}
		if inStore != inMem {
			t.Errorf("Add(%s): store says %q, memory %q", a.id, inStore, inMem)
		}
	}
	update(func(tx whosaid.Tx) error {
		group, err := tx.DuplicateGroup(ctx, "orig")
		if err != nil {
			return err
		}
		if w := []string{"copy>orig", "orig>"}; !reflect.DeepEqual(ids(group), w) {
			t.Errorf("group of the original %v, want %v", ids(group), w)
		}
		return nil
	})

	// Articles and their statements say what they copy.
	d1, d2 := docsNamed(t, "a1.txt")[0], docsNamed(t, "a2.txt")[0]
	put(t, s, d1, d2)
	update(func(tx whosaid.Tx) error {
		if err := tx.PutDuplicateEntry(ctx, whosaid.DuplicateEntry{ArticleID: d1.ID, Signature: sig(3)}, []uint64{1000}); err != nil {
			return err
		}
		return tx.PutDuplicateEntry(ctx, whosaid.DuplicateEntry{ArticleID: d2.ID, Signature: sig(3), DuplicateOf: d1.ID}, []uint64{1000})
	})
	for _, c := range []struct{ id, want string }{{d1.ID, ""}, {d2.ID, d1.ID}} {
		a, err := s.Article(ctx, c.id)
		if err != nil {
			t.Fatal(err)
		}
		if a.DuplicateOf != c.want {
			t.Errorf("article %s: duplicate of %q, want %q", c.id, a.DuplicateOf, c.want)
		}
		for _, h := range a.Statements {
			if h.DuplicateOf != c.want {
				t.Errorf("statement %s of article %s: duplicate of %q, want %q", h.ID, c.id, h.DuplicateOf, c.want)
			}
		}
	}
	page, err := s.Search(ctx, whosaid.StatementQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, h := range page.Items {
		if h.ArticleID == d2.ID {
			n++
			if h.DuplicateOf != d1.ID {
				t.Errorf("hit %s: duplicate of %q, want %q", h.ID, h.DuplicateOf, d1.ID)
			}
		}
	}
	if n == 0 {
		t.Errorf("no hit of the copy")
	}
}
