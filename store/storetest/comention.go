package storetest

import (
	"context"
	"testing"

	"github.com/whosaid/whosaid"
)

// coMentions checks whosaid.CoMentioner on a store that implements it:
// who is named alongside whom, versions of one URL counted once, limits,
// merged ids, unknown speakers.
func coMentions(t *testing.T, s whosaid.Store, put func(names ...string)) {
	ctx := context.Background()
	cm, ok := s.(whosaid.CoMentioner)
	if !ok {
		t.Skip("the store does not implement whosaid.CoMentioner")
	}
	put("a1.txt", "a2.txt", "a3.txt", "a4.txt", "a2v2.txt")
	find := func(name string) string {
		sp, err := s.Speaker(ctx, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return sp.ID
	}
	demirel, aylin, marta, mehmet := find("Yusuf Demirel"), find("Aylin Kaya"), find("Marta Kaya"), find("Mehmet Kaya")
	list := func(id string, limit int) []whosaid.CoMention {
		out, err := cm.CoMentioned(ctx, id, limit)
		if err != nil {
			t.Fatalf("CoMentioned(%s): %v", id, err)
		}
		return out
	}
	has := func(l []whosaid.CoMention, id string) *whosaid.CoMention {
		for i := range l {
			if l[i].Speaker.ID == id {
				return &l[i]
			}
		}
		return nil
	}
	// a2 and its second version name the minister and the union leader.
	got := list(demirel, 0)
	if c := has(got, aylin); c == nil || c.Articles != 1 || c.Mentions < 1 || c.Speaker.Name != "Aylin Kaya" {
		t.Errorf("Demirel's co-mentions %+v: want Aylin Kaya in 1 story (two versions of a2 count once)", got)
	}
	if has(got, demirel) != nil || has(got, marta) != nil {
		t.Errorf("Demirel's co-mentions %+v hold himself or someone never named with him", got)
	}
	if has(list(aylin, 0), demirel) == nil {
		t.Errorf("co-mention is not mutual: Aylin Kaya's list %+v lacks Demirel", list(aylin, 0))
	}
	if l := list(marta, 0); len(l) != 0 {
		t.Errorf("Marta Kaya is named alone, yet has co-mentions %+v", l)
	}
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if a.Articles < b.Articles || a.Articles == b.Articles && (a.Mentions < b.Mentions || a.Mentions == b.Mentions && a.Speaker.ID > b.Speaker.ID) {
			t.Errorf("not ordered by articles, mentions, id: %+v", got)
		}
	}
	if l := list(demirel, 1); len(got) > 1 && (len(l) != 1 || l[0] != got[0]) {
		t.Errorf("limit 1 gave %+v, want the first of %+v", l, got)
	}
	if _, err := cm.CoMentioned(ctx, "spk_nosuch", 0); whosaid.ErrorCode(err) != whosaid.ENotFound {
		t.Errorf("an unknown speaker: %v, want ENotFound", err)
	}
	// After a merge the merged id answers for the kept speaker, and only
	// live speakers are listed.
	mehmetBefore := list(mehmet, 0)
	if len(mehmetBefore) == 0 {
		t.Fatalf("the fixture names someone beside Mehmet Kaya in a4; the store lists nobody")
	}
	if err := s.MergeSpeakers(ctx, whosaid.Merge{Into: aylin, From: mehmet, Why: "test"}); err != nil {
		t.Fatal(err)
	}
	byOld, byNew := list(mehmet, 0), list(aylin, 0)
	if len(byOld) != len(byNew) || has(byNew, demirel) == nil {
		t.Errorf("after merging Mehmet into Aylin: by the old id %+v, by the kept id %+v", byOld, byNew)
	}
	for _, c := range mehmetBefore {
		if has(byNew, c.Speaker.ID) == nil {
			t.Errorf("after the merge Aylin Kaya's list %+v lacks %s, named with Mehmet Kaya", byNew, c.Speaker.Name)
		}
	}
	if has(list(demirel, 0), mehmet) != nil {
		t.Errorf("a merged-away speaker is listed: %+v", list(demirel, 0))
	}
}
