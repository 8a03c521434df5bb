package dedup

import (
	"context"
	"sort"
	"time"

	"github.com/whosaid/whosaid"
)

// Add records an article in ix and decides its group: it joins the groups
// of the stored articles it is a near copy of (Similarity at or above
// Threshold), merging them when it bridges several, and the earliest copy
// becomes the original of them all. It returns the original the article
// is a copy of, "" when it is an original itself. Earliest means the
// earlier publication date when both copies have one, else the one
// recorded first (the index returns entries in the order recorded, and the
// new article comes last).
func Add(ctx context.Context, ix whosaid.DuplicateIndex, id, text string, published *time.Time) (string, error) {
	sig := Sign(text)
	if sig == nil {
		return "", nil
	}
	keys := Keys(sig)
	cands, err := ix.DuplicateCandidates(ctx, keys)
	if err != nil {
		return "", err
	}
	var groups []string
	seen := map[string]bool{}
	for _, c := range cands {
		if c.ArticleID == id || Similarity(sig, c.Signature) < Threshold {
			continue
		}
		g := c.ArticleID
		if c.DuplicateOf != "" {
			g = c.DuplicateOf
		}
		if !seen[g] {
			seen[g] = true
			groups = append(groups, g)
		}
	}
	self := whosaid.DuplicateEntry{ArticleID: id, Signature: sig, Published: published}
	if len(groups) == 0 {
		return "", ix.PutDuplicateEntry(ctx, self, keys)
	}
	sort.Strings(groups) // one order whatever the candidates' order
	var originals []whosaid.DuplicateEntry
	var members []string
	for _, g := range groups {
		es, err := ix.DuplicateGroup(ctx, g)
		if err != nil {
			return "", err
		}
		for _, e := range es {
			if e.DuplicateOf == "" {
				originals = append(originals, e)
			}
			members = append(members, e.ArticleID)
		}
	}
	// The candidates came in the order recorded, so sorting the originals
	// stably by that order first keeps "recorded first" for undated ties.
	rank := map[string]int{}
	for i, c := range cands {
		if _, ok := rank[c.ArticleID]; !ok {
			rank[c.ArticleID] = i
		}
	}
	win := self
	winRank := len(cands)
	for _, o := range originals {
		r, ok := rank[o.ArticleID]
		if !ok {
			r = len(cands) - 1 // recorded before the new one, order among them unknown
		}
		if earlier(o, r, win, winRank) {
			win, winRank = o, r
		}
	}
	if win.ArticleID == id {
		if err := ix.PutDuplicateEntry(ctx, self, keys); err != nil {
			return "", err
		}
		return "", ix.SetDuplicateOf(ctx, members, id)
	}
	self.DuplicateOf = win.ArticleID
	if err := ix.PutDuplicateEntry(ctx, self, keys); err != nil {
		return "", err
	}
	if len(groups) > 1 {
		var moved []string
		for _, m := range members {
			if m != win.ArticleID {
				moved = append(moved, m)
			}
		}
		if err := ix.SetDuplicateOf(ctx, moved, win.ArticleID); err != nil {
			return "", err
		}
	}
	return win.ArticleID, nil
}

// earlier reports whether a (recorded at rank ra) is an earlier copy than
// b: by publication date when both have one, else by the order recorded.
func earlier(a whosaid.DuplicateEntry, ra int, b whosaid.DuplicateEntry, rb int) bool {
	if a.Published != nil && b.Published != nil && !a.Published.Equal(*b.Published) {
		return a.Published.Before(*b.Published)
	}
	return ra < rb
}
