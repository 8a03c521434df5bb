package identity

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity/names"
)

func (r *resolver) mention(i int) *whosaid.Mention { return &r.ms[i] }

// nameWords returns the folded words of a name mention, nil for others.
func (r *resolver) nameWords(i int) []string { return r.words[i] }

// exactNames merges name mentions that spell the same name once folded
// ("Karim al-Hadidi" and "Karim Hadidi").
// A name whose type is unknown joins a typed one of the same spelling;
// compatible keeps a person and an organisation of one name apart.
func (r *resolver) exactNames() {
	seen := map[string][]int{}
	for i := range r.ms {
		w := r.nameWords(i)
		if len(w) == 0 {
			continue
		}
		key := strings.Join(skeletons(w), " ")
		merged := false
		for _, j := range seen[key] {
			if sameSpelling(r.nameWords(j), w) && r.compatible(j, i) {
				r.union(j, i, "same name")
				merged = true
				break
			}
		}
		if !merged {
			seen[key] = append(seen[key], i)
		}
	}
}

// appositions merges "X, the leader of Y," pairs.
func (r *resolver) appositions() {
	for i := range r.ms {
		if j := r.mention(i).Apposition; j > i && r.compatible(i, j) && !r.twoNames(i, j) {
			r.union(i, j, "apposition")
		}
	}
}

// shortNames merges a shorter name ("Hadidi", "President Al-Nouri") into
// the one longer name of the article it is the family-name end of; when
// two longer names fit, the short one is ambiguous and stays apart.
func (r *resolver) shortNames() {
	// Longer names by the skeleton of their last word: the only ones a
	// short name can end.
	byLast := map[string][]int{}
	for j := range r.ms {
		if v := r.skels[j]; len(v) >= 2 {
			k := v[len(v)-1]
			byLast[k] = append(byLast[k], j)
		}
	}
	checked := map[int]bool{}
	for i := range r.ms {
		w := r.nameWords(i)
		if len(w) == 0 {
			continue
		}
		cands := map[int]bool{}
		clear(checked)
		ws := r.skels[i]
		for _, j := range byLast[ws[len(ws)-1]] {
			if v := r.skels[j]; len(v) <= len(ws) || !endsWith(v, ws) || !endsWithWords(r.nameWords(j), w) {
				continue
			}
			// compatible is a question about clusters: ask it once per
			// cluster.
			root := r.find(j)
			if checked[root] {
				continue
			}
			checked[root] = true
			if r.compatible(i, j) {
				cands[root] = true
			}
		}
		if len(cands) == 1 {
			for c := range cands {
				r.union(c, i, "short form of the name")
			}
		} else if c := r.dominant(cands); c >= 0 {
			r.union(c, i, "short form of the name the article is about")
		}
	}
}

// dominant returns, of clusters that a short name could be the short form
// of, the one the article names far more often than the others (three
// times as many names, three at least): "Kaya" in an article naming Aylin
// Kaya ten times and Mehmet Kaya once is Aylin. Otherwise -1: the short
// name stays apart. The short name joins only its cluster; the two full
// names stay two people.
func (r *resolver) dominant(cands map[int]bool) int {
	best, first, second := -1, 0, 0
	for c := range cands {
		n := 0
		for _, m := range r.mem[c] {
			if len(r.nameWords(m)) > 0 {
				n++
			}
		}
		switch {
		case n > first || n == first && c < best:
			best, first, second = c, n, max(first, second)
		case n > second:
			second = n
		}
	}
	if first >= 3 && first >= 3*second {
		return best
	}
	return -1
}

// endsWith reports whether the skeleton words short end long.
func endsWith(long, short []string) bool {
	off := len(long) - len(short)
	for k, w := range short {
		if long[off+k] != w {
			return false
		}
	}
	return true
}

// Skeletons only find candidates: within one article a name is written
// one way, and words that share a skeleton are often different words
// ("Police" and "Pollak", "Tune" and "Tenney", "Fallon" and "Fallin").
// The checks below confirm a candidate.

// endsWithWords reports whether the folded words short end long, spelled
// the same: a short form ("Kaya") repeats the family name of the full one.
func endsWithWords(long, short []string) bool {
	off := len(long) - len(short)
	if off < 0 {
		return false
	}
	for k, w := range short {
		if long[off+k] != w {
			return false
		}
	}
	return true
}

// sameSpelling reports whether two names with one skeleton are one name:
// spelled the same once folded, or both full names (two words or more)
// that the name matcher takes for one, given names included ("Karim
// al-Hadidi" and "Karim Hadiidi"). A one-word name spelled differently is
// another word.
func sameSpelling(a, b []string) bool {
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return true
	}
	if len(a) < 2 || len(b) < 2 {
		return false
	}
	same, _ := names.Compare(strings.Join(a, " "), strings.Join(b, " "))
	return same
}

// twoNames reports whether the clusters of mentions i and j both have
// proper names and no name word in common (also through a role between
// them): "in the Observer, her adviser, Ana Pereira," puts a newspaper
// and a person side by side, and an apposition of two names is rarely one
// entity named twice.
func (r *resolver) twoNames(i, j int) bool {
	a, b := r.factsOf(r.find(i)).names, r.factsOf(r.find(j)).names
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			for _, wx := range x {
				for _, wy := range y {
					if wx == wy {
						return false
					}
				}
			}
		}
	}
	return true
}

// relatives resolves "who" to the noun phrase right before it.
func (r *resolver) relatives() {
	for i := range r.ms {
		m := r.mention(i)
		if !m.Relative {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			p := r.mention(j)
			if p.End > m.Start || p.Kind == whosaid.MentionPronoun {
				continue
			}
			between := strings.TrimSpace(r.doc.Text[p.End:m.Start])
			if between == "" || between == "," {
				r.union(j, i, "relative pronoun")
			}
			break
		}
	}
}

// compatible reports whether the clusters of a and b may be one entity:
// same type (or unknown), no gender conflict, no different given names.
func (r *resolver) compatible(a, b int) bool {
	ra, rb := r.find(a), r.find(b)
	ta, tb := r.typeOf(ra), r.typeOf(rb)
	if ta != whosaid.UnknownType && tb != whosaid.UnknownType && ta != tb {
		return false
	}
	ga, gb := r.genderOf(ra), r.genderOf(rb)
	if ga != whosaid.NoGender && gb != whosaid.NoGender && ga != gb {
		return false
	}
	for _, x := range r.factsOf(ra).names {
		for _, y := range r.factsOf(rb).names {
			if namesConflict(x, y) {
				return false
			}
		}
	}
	return true
}

// namesConflict: two full names with different given names are two
// people, whatever their family names.
func namesConflict(a, b []string) bool {
	if len(a) < 2 || len(b) < 2 {
		return false
	}
	if skeleton(a[0]) == skeleton(b[0]) {
		return false
	}
	// "Abu Mahdi X" vs "Mahdi X": a kunya or honorific part may be missing.
	for _, w := range b {
		if skeleton(w) == skeleton(a[0]) {
			return false
		}
	}
	for _, w := range a {
		if skeleton(w) == skeleton(b[0]) {
			return false
		}
	}
	return true
}

// clusterOf returns the members of i's cluster in text order (the
// resolver's list: read it, never change it).
func (r *resolver) clusterOf(i int) []int { return r.mem[r.find(i)] }

func (r *resolver) clusterType(ms []int) whosaid.EntityType {
	t := whosaid.UnknownType
	for _, i := range ms {
		m := r.mention(i)
		switch m.Type {
		case whosaid.Organization:
			if m.Kind != whosaid.MentionPronoun {
				return whosaid.Organization
			}
		case whosaid.Person:
			t = whosaid.Person
		}
	}
	return t
}

func (r *resolver) clusterGender(ms []int) whosaid.Gender {
	for _, i := range ms {
		if g := r.mention(i).Gender; g == whosaid.Male || g == whosaid.Female {
			return g
		}
	}
	return whosaid.NoGender
}
