package cluster

import "testing"

func TestSame(t *testing.T) {
	const quote = "The harbour will stay closed until every worker has been paid in full"
	cases := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", quote, quote, true},
		{"punctuated otherwise", quote, `"The harbour will stay closed — until every worker has been paid, in full."`, true},
		{"cut at the end", quote, "The harbour will stay closed until every worker has been paid", true},
		{"cut at the start", quote, "until every worker has been paid in full", true},
		{"words added", quote, "The harbour, he said, will certainly stay closed until every single worker has been paid in full", true},
		{"indirect paraphrase", "We will keep the harbour closed until every worker is paid in full",
			"the union would keep the harbour closed until every worker was paid in full", true},
		{"denial", "The union ordered the blockade of the harbour", "The union never ordered the blockade of the harbour", false},
		{"denial with n't", "I ordered the blockade of the harbour", "I didn't order the blockade of the harbour", false},
		{"a negated sentence beside the shared one", quote + ". We will not sign any deal before that", quote, true},
		{"another statement the same day", quote, "The ferry company has lost two million in fares this month", false},
		{"sharing one topic word", quote, "The harbour authority must publish its accounts", false},
		{"too short to tell", "No comment", "No comment at this time", false},
	}
	for _, c := range cases {
		if got := same(wordingOf(c.a), wordingOf(c.b)); got != c.want {
			t.Errorf("%s: same(%q, %q) = %v, want %v", c.name, c.a, c.b, got, c.want)
		}
	}
}

// TestKeysFindTruncated: a truncated copy looks up at least one key of
// the full wording, and the full wording one of the copy's.
func TestKeysFindTruncated(t *testing.T) {
	full := wordingOf("The harbour will stay closed until every worker has been paid in full and the authority publishes the contract")
	cut := wordingOf("until every worker has been paid in full")
	has := func(keys, words []string) bool {
		for _, k := range keys {
			for _, w := range words {
				if k == w {
					return true
				}
			}
		}
		return false
	}
	if !has(full.keys(), cut.words()) || !has(cut.keys(), full.words()) {
		t.Errorf("keys %v / %v do not meet words %v / %v", full.keys(), cut.keys(), cut.words(), full.words())
	}
	if n := len(full.keys()); n != keysPerStatement {
		t.Errorf("%d keys, want %d", n, keysPerStatement)
	}
}

func TestDenies(t *testing.T) {
	for cue, want := range map[string]bool{"said": false, "denied": true, "flatly denies": true, "rejected claims": true,
		"did not say": true, "didn’t say": true, "told": false, "confided": false, "dismissed reports": true} {
		if got := denies(cue); got != want {
			t.Errorf("denies(%q) = %v, want %v", cue, got, want)
		}
	}
}
