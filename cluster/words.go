package cluster

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid/textquery"
)

// wording is a statement's content as the comparison sees it: the stems
// of its content words, a negated one marked with "!" ("will not sign" →
// "!sign"), and whether its cue denies it ("denied that …").
type wording struct {
	stems  map[string]bool
	denied bool
}

// stopWords carry no content: a paraphrase changes them freely ("I" →
// "he", "will" → "would", "my" → "his").
var stopWords = set(`a an the and or but if then so of to in on at by for with from as into onto about over
	under after before since than that this these those there here which who whom whose what when where why how
	i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
	is am are was were be been being do does did have has had will would shall should can could may might must
	also just only very too more most much many some any all each every both either neither such own same other
	said says say told tell added adding according`)

// negations make the word after them say the opposite.
var negations = set(`not no never nor none nobody nothing neither cannot deny denies denied denying`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// denials begin the words of cues that report the opposite of their
// content ("denied that the union ordered it", "rejected claims that").
var denials = []string{"deni", "deny", "reject", "dismiss", "refut", "rebut", "contradict"}

// denies reports whether a cue reports its content as denied or not
// said ("did not say that").
func denies(cue string) bool {
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(cue, "’", "'"))) {
		if negations[w] || strings.HasSuffix(w, "n't") {
			return true // "did not say that"
		}
		for _, d := range denials {
			if strings.HasPrefix(w, d) {
				return true
			}
		}
	}
	return false
}

// wordingOf reads text's content words: a negation marks the content
// word after it.
func wordingOf(text string) wording {
	w := wording{stems: map[string]bool{}}
	negate := false
	for _, tok := range strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(text, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		tok = strings.Trim(tok, "'")
		if strings.HasSuffix(tok, "n't") || negations[tok] {
			negate = true
			continue
		}
		tok = strings.TrimSuffix(tok, "'s")
		if tok == "" || stopWords[tok] {
			continue
		}
		st := textquery.Porter(tok)
		if negate {
			st, negate = "!"+st, false
		}
		w.stems[st] = true
	}
	return w
}

// same reports whether two wordings say the same thing: both denied or
// neither, no word negated in one and affirmed in the other, and the
// shorter shares at least 70 % of its content words (three at least)
// with the longer.
func same(a, b wording) bool {
	if a.denied != b.denied {
		return false
	}
	for s := range a.stems {
		if strings.HasPrefix(s, "!") && b.stems[s[1:]] || b.stems["!"+s] {
			return false
		}
	}
	small, large := a.stems, b.stems
	if len(small) > len(large) {
		small, large = large, small
	}
	if len(small) == 0 {
		return false
	}
	shared := 0
	for s := range small {
		if large[s] {
			shared++
		}
	}
	if len(small) < 3 {
		return shared == len(small) && len(large) == len(small)
	}
	return shared >= 3 && float64(shared) >= 0.7*float64(len(small))
}

// keysPerStatement is how many of a statement's words index it: a
// truncated copy holding half of them misses all with odds of 1 in 2^6.
const keysPerStatement = 6

// keys are the words that index a statement: the keysPerStatement stems
// with the lowest hashes (a MinHash sketch), so two wordings sharing
// most words share most keys.
func (w wording) keys() []string {
	all := w.words()
	sort.Slice(all, func(i, j int) bool { return hash(all[i]) < hash(all[j]) })
	if len(all) > keysPerStatement {
		all = all[:keysPerStatement]
	}
	return all
}

// words are all its stems, sorted: what a new statement looks up.
func (w wording) words() []string {
	out := make([]string, 0, len(w.stems))
	for s := range w.stems {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
