package identity

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// roleWords returns the folded words of the roles and titles the cluster
// of i is described with.
func (r *resolver) roleWords(ms []int) map[string]bool {
	out := map[string]bool{}
	for _, i := range ms {
		m := r.mention(i)
		if m.Kind == whosaid.MentionPronoun {
			continue
		}
		for _, w := range foldWords(m.Role) {
			out[w] = true
		}
		for _, t := range m.Titles {
			for _, w := range foldWords(t) {
				out[skeleton(w)] = true
				out[w] = true
			}
		}
		if m.Kind == whosaid.MentionName && m.Type == whosaid.Organization {
			for _, w := range foldWords(m.Name) {
				out[w] = true
			}
		}
	}
	return out
}

// roleNominals resolves role descriptions that stand alone ("the
// resistance leader", "The leader of X", "the ministry") to the entity
// whose roles, titles or organisation name fit best: a preceding one
// first, else one named soon after (a headline-like opening that names
// the person a sentence later).
func (r *resolver) roleNominals() {
	// Named clusters by the words of their roles: a nominal is compared
	// with the clusters that have its head word, not with every cluster of
	// the article. Entries go stale when clusters merge; find maps them to
	// the cluster they are in now.
	byWord := map[string][]int{}
	index := func(root int) {
		for w := range r.roleWordsOf(root) {
			byWord[w] = append(byWord[w], root)
		}
	}
	for root := range r.named {
		index(root)
	}
	seen := map[int]bool{}
	r.commaAppositions()
	for i := range r.ms {
		m := r.mention(i)
		if m.Kind != whosaid.MentionNominal || m.Apposition >= 0 || m.Plural || r.indefinite(i) || r.isDocument(i) || r.isRelay(i) {
			continue
		}
		if r.named[r.find(i)] {
			continue // already a named entity's description
		}
		head := foldWord(r.doc.Str(m.Head))
		words := foldWords(m.Role)
		best, bestScore, tie := -1, 0.0, false
		clear(seen)
		for _, x := range byWord[head] {
			root := r.find(x)
			if seen[root] || !r.named[root] || root == r.find(i) {
				continue
			}
			seen[root] = true
			ms := r.mem[root]
			rw := r.roleWordsOf(root)
			if !rw[head] || !r.compatible(i, root) {
				continue
			}
			score := 1.0
			for _, w := range words {
				if w != head && rw[w] {
					score++
				}
			}
			first := ms[0]
			if first > i {
				// Named after the nominal: only close by.
				if r.sentOf[first]-r.sentOf[i] > 2 {
					continue
				}
				score -= 0.5
			}
			switch {
			case score > bestScore:
				best, bestScore, tie = root, score, false
			case score == bestScore:
				tie = true
			}
		}
		if best >= 0 && !tie {
			r.union(best, i, "role "+r.doc.Str(m.Head))
			index(r.find(i))
			continue
		}
		if c := r.namedOrgFor(i); c >= 0 {
			r.union(c, i, "organisation noun "+r.doc.Str(m.Head))
			index(r.find(i))
			continue
		}
		if c := r.describedSubject(i); c >= 0 {
			r.union(c, i, "description of the last subject "+r.doc.Str(m.Head))
			index(r.find(i))
			continue
		}
		if m.Type == whosaid.Person && r.speaks[i] > 0 {
			if c := r.mainSpeaker(i); c >= 0 {
				r.union(c, i, "role noun as the article's speaker")
				index(r.find(i))
			}
		}
	}
}

// indefinite reports whether mention i introduces someone new ("a
// spokesperson", "another official"): it refers to nobody named before.
func (r *resolver) indefinite(i int) bool {
	w := strings.ToLower(strings.Fields(r.text(i) + " x")[0])
	switch w {
	case "a", "an", "another", "one", "some", "several", "two", "three", "many", "any":
		return true
	}
	return false
}

// hasName reports whether a cluster contains a proper name.
func (r *resolver) hasName(ms []int) bool {
	for _, i := range ms {
		if r.mention(i).Kind == whosaid.MentionName {
			return true
		}
	}
	return false
}

// mainSpeaker returns the root of the named person who speaks most in the
// article before mention i (or right after it), when that person clearly
// dominates: at least two statements and twice as many as anyone else.
func (r *resolver) mainSpeaker(i int) int {
	count := map[int]int{}
	for _, sm := range r.srcOf {
		if sm < 0 {
			continue
		}
		root := r.find(sm)
		if root == r.find(i) {
			continue
		}
		if !r.named[root] || r.typeOf(root) == whosaid.Organization {
			continue
		}
		if sm < i || r.sentOf[sm]-r.sentOf[i] <= 2 {
			count[root]++
		}
	}
	best, second := -1, 0
	for root, n := range count {
		switch {
		case best < 0 || n > count[best] || n == count[best] && root < best:
			if best >= 0 && count[best] > second {
				second = count[best]
			}
			best = root
		case n > second:
			second = n
		}
	}
	if best < 0 || count[best] < 2 && len(count) > 1 || count[best] < 2*second {
		return -1
	}
	return best
}

// titleKey folds a title to a spelling-insensitive key ("Sheik", "Shaikh"
// and "Sheikh" share one).
func titleKey(t string) string {
	ws := foldWords(t)
	for i, w := range ws {
		ws[i] = skeleton(w)
	}
	return strings.Join(ws, " ")
}

// honorifics resolves "His Eminence", "the Sheikh", a bare "sheik" to the
// titled person they address: the one person of the article bearing that
// title (for a bare title) or any title of rank (for a form of address),
// preferring those named before.
func (r *resolver) honorifics() {
	for i := range r.ms {
		m := r.mention(i)
		if m.Kind != whosaid.MentionHonorific {
			continue
		}
		address := IsAddressForm(r.doc.Str(m.Span))
		want := titleKey(r.doc.Str(m.Head))
		var before, after []int
		for root := range r.named {
			ms := r.mem[root]
			if root == r.find(i) {
				continue
			}
			titles := r.titleKeysOf(root)
			if len(titles) == 0 || !address && !titles[want] || !r.compatible(i, root) {
				continue
			}
			if ms[0] < i {
				before = append(before, root)
			} else {
				after = append(after, root)
			}
		}
		switch {
		case len(before) == 1:
			r.union(before[0], i, "honorific "+r.text(i))
		case len(before) == 0 && len(after) == 1:
			r.union(after[0], i, "honorific "+r.text(i))
		case len(before) > 1:
			if c := r.recentSpeaker(i, before); c >= 0 {
				r.union(c, i, "honorific "+r.text(i)+" (most recent speaker)")
			}
		}
	}
}

// IsAddressForm reports whether s is a form of address ("His Eminence")
// rather than a bare title ("the Sheikh").
func IsAddressForm(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "his ") || strings.HasPrefix(l, "her ") || strings.HasPrefix(l, "your ")
}

// recentSpeaker returns, among cluster roots, the one whose statement
// source comes last before mention i, or -1.
func (r *resolver) recentSpeaker(i int, roots []int) int {
	want := map[int]bool{}
	for _, c := range roots {
		want[c] = true
	}
	best, bestPos := -1, -1
	for _, sm := range r.srcOf {
		if sm < 0 || sm >= i {
			continue
		}
		if c := r.find(sm); want[c] && sm > bestPos {
			best, bestPos = c, sm
		}
	}
	return best
}

// genericOrgNouns name an organisation by its kind alone ("the company",
// "the department"): general English.
var genericOrgNouns = wordSet(`company firm business corporation group organization organisation
	association agency department ministry`)

// namedOrgFor resolves a definite generic organisation noun ("the
// department said") to the named organisation it stands for: among
// named organisations of the last six sentences, one that has spoken
// before it first, then the nearest; -1 when none.
func (r *resolver) namedOrgFor(i int) int {
	m := r.mention(i)
	head := foldWord(r.doc.Str(m.Head))
	if m.Type != whosaid.Organization || !genericOrgNouns[head] {
		return -1
	}
	if w := strings.ToLower(strings.Fields(r.text(i) + " x")[0]); w != "the" && w != "this" && w != "that" {
		return -1
	}
	// "the adoption agency" names a kind of agency, not the one before.
	for k := r.doc.TokenAt(m.Start); k >= 0 && k < len(r.doc.Tokens) && r.doc.Tokens[k].End <= m.Head.Start; k++ {
		if strings.HasPrefix(r.doc.Tokens[k].POS, "NN") {
			return -1
		}
	}
	best, bestScore := -1, -1e9
	for j := i - 1; j >= 0; j-- {
		dist := r.sentOf[i] - r.sentOf[j]
		if dist > 6 {
			break
		}
		p := r.mention(j)
		root := r.find(j)
		if p.Kind != whosaid.MentionName || root == r.find(i) || r.inQuote(p.Start) {
			continue
		}
		// An acronym of unknown kind ("the NRC") is an organisation's; a
		// dotted one ("B.C.") is a place's.
		typ := r.typeOf(root)
		if typ != whosaid.Organization && !(typ == whosaid.UnknownType && acronym(p.Name)) ||
			strings.Contains(p.Name, ".") && acronym(p.Name) || r.isRelay(j) || placeName(p.Name) || r.genderOf(root) == whosaid.Male || r.genderOf(root) == whosaid.Female {
			continue
		}
		// The organisation that was just speaking is the likeliest.
		score := -0.3 * float64(dist)
		if r.speaks[j] > 0 {
			score += 2
		} else if r.spokeBefore(j, i) {
			score++
		}
		if r.roleWordsOf(root)[head] {
			score++
		}
		if score > bestScore {
			best, bestScore = root, score
		}
	}
	return best
}

// commaAppositions joins a definite description right after a name and a
// comma to that name ("Rally North, the group that organised the march,
// said"), which the detector leaves unpaired when no second comma closes
// it: the description then gives its role word ("the group said") to
// the name.
func (r *resolver) commaAppositions() {
	for i := 1; i < len(r.ms); i++ {
		m := r.mention(i)
		if m.Kind != whosaid.MentionNominal || m.Apposition >= 0 || m.Plural || r.isDocument(i) || r.isRelay(i) {
			continue
		}
		if w := strings.ToLower(strings.Fields(r.text(i) + " x")[0]); w != "the" {
			continue
		}
		j := i - 1
		p := r.mention(j)
		if p.Kind != whosaid.MentionName || p.End > m.Start || strings.TrimSpace(r.doc.Text[p.End:m.Start]) != "," {
			continue
		}
		if r.typeOf(r.find(j)) != m.Type && r.typeOf(r.find(j)) != whosaid.UnknownType || !r.compatible(j, i) {
			continue
		}
		// The description must close as an apposition does; "According
		// to Rally North, the group has …" makes it a subject.
		after := strings.TrimLeft(r.doc.Text[m.End:min(len(r.doc.Text), m.End+8)], " ")
		if !strings.HasPrefix(after, ",") && !strings.HasPrefix(after, "who ") && !strings.HasPrefix(after, "that ") && !strings.HasPrefix(after, "which ") {
			continue
		}
		r.union(j, i, "apposition after a comma")
	}
}

// describedSubject resolves a definite description of a person that
// speaks ("X has four goals this week. The 26-year-old winger said …")
// to the named person who is the subject of the sentence before it or
// earlier in its own; -1 when there is none or the description names a
// role someone else holds.
func (r *resolver) describedSubject(i int) int {
	m := r.mention(i)
	// A description with an age ("the 26-year-old winger") is a person's
	// even when its noun is not a known role.
	person := m.Type == whosaid.Person || m.Type == whosaid.UnknownType && strings.Contains(r.text(i), "-year-old")
	if !person || m.Plural || r.speaks[i] == 0 {
		return -1
	}
	if w := strings.ToLower(strings.Fields(r.text(i) + " x")[0]); w != "the" {
		return -1
	}
	for j := i - 1; j >= 0; j-- {
		if r.sentOf[i]-r.sentOf[j] > 1 {
			break
		}
		p := r.mention(j)
		root := r.find(j)
		if p.Kind != whosaid.MentionName || r.inQuote(p.Start) || !r.isSubject(j) {
			continue
		}
		if typ := r.typeOf(root); typ == whosaid.Organization || r.notAPerson(root) || typ == whosaid.UnknownType && r.oneWordNames(root) && !r.clusterSpeaks(j) {
			continue
		}
		if !r.compatible(j, i) {
			continue
		}
		return root
	}
	return -1
}
