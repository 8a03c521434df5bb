package model

import (
	"strconv"

	"github.com/whosaid/whosaid/lexicon"
)

// syntax returns the dependency features of token i of sentence [a, b):
// its relation, its head, and — most telling for attribution — the
// relation by which it hangs below the nearest reporting verb above it
// (a token under the verb's clausal complement is content; under its
// subject, source).
func (f *featurizer) syntax(i, a, b int) []uint64 {
	toks := f.doc.Tokens
	t := toks[i]
	if t.Dep == "" {
		return nil
	}
	var fs []uint64
	add := func(parts ...string) { fs = append(fs, hash(parts...)) }
	add("dep", t.Dep)
	h := t.Head
	if h >= a && h < b {
		add("hdep", t.Dep, toks[h].POS)
		add("hw", t.Dep, f.lower[h])
		if e, ok := lexicon.Lookup(f.lower[h]); ok {
			add("hcue", t.Dep, e.Class.String())
		}
		add("hhdep", t.Dep, toks[h].Dep)
	} else {
		add("root")
	}
	// Walk up to the nearest reporting verb.
	child, depth := i, 0
	for k := h; k >= a && k < b && depth < 12; k = toks[k].Head {
		depth++
		if e, ok := lexicon.Lookup(f.lower[k]); ok && e.Class >= lexicon.Cognition {
			rel := toks[child].Dep
			add("anc", rel)
			add("ancd", rel, distBucket(depth))
			add("ancc", rel, e.Class.String())
			if k < i {
				add("ancside", rel, "after")
			} else {
				add("ancside", rel, "before")
			}
			break
		}
		child = k
	}
	if depth == 0 || h < a || h >= b {
		add("noanc")
	}
	// A reporting verb's own dependents.
	if e, ok := lexicon.Lookup(f.lower[i]); ok && e.Class >= lexicon.Communication {
		for k := a; k < b; k++ {
			if toks[k].Head == i {
				add("cuechild", toks[k].Dep)
			}
		}
	}
	add("deppos", t.Dep, t.POS)
	_ = strconv.Itoa
	return fs
}
