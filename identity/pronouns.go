package identity

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// pronouns resolves third-person subject pronouns to the entity they most
// likely refer to: among compatible mentions in the last three sentences
// (outside quotations), one that speaks, opens its sentence or is a name,
// the nearest first.
func (r *resolver) pronouns() {
	for i := range r.doc.Mentions {
		m := r.mention(i)
		if m.Kind != whosaid.MentionPronoun || m.Person != 3 || m.Relative {
			continue
		}
		l := strings.ToLower(r.text(i))
		if l != "he" && l != "she" && l != "they" && l != "it" {
			continue
		}
		if r.inQuote(m.Start) {
			continue
		}
		best, bestScore := -1, -1e9
		for j := i - 1; j >= 0; j-- {
			p := r.mention(j)
			dist := r.sentOf[i] - r.sentOf[j]
			if dist > 3 {
				break
			}
			if p.Kind == whosaid.MentionPronoun && r.find(j) == j || r.inQuote(p.Start) || p.End > m.Start {
				continue
			}
			if !r.agrees(i, j) {
				continue
			}
			score := -0.6 * float64(dist)
			if r.clusterSpeaks(j) {
				score += 3
			}
			if r.opensSentence(j) {
				score += 2
			}
			if p.Kind == whosaid.MentionName {
				score++
			}
			if score > bestScore {
				best, bestScore = j, score
			}
		}
		if best >= 0 {
			r.union(best, i, "pronoun "+r.text(i))
		}
	}
}

// agrees checks gender, number and type between pronoun i and the cluster
// of mention j.
func (r *resolver) agrees(i, j int) bool {
	m := r.mention(i)
	ms := r.clusterOf(j)
	p := r.mention(j)
	typ := r.clusterType(ms)
	switch {
	case m.Plural:
		return p.Plural || typ == whosaid.Organization && p.Kind != whosaid.MentionName
	case m.Gender == whosaid.Neuter:
		return typ == whosaid.Organization && !p.Plural
	}
	if p.Plural || typ == whosaid.Organization {
		return false
	}
	g := r.clusterGender(ms)
	return g == whosaid.NoGender || g == m.Gender
}

func (r *resolver) clusterSpeaks(j int) bool {
	root := r.find(j)
	for k, n := range r.speaks {
		if n > 0 && r.find(k) == root {
			return true
		}
	}
	return false
}

// opensSentence reports whether mention j is the first mention of its
// sentence (a subject, usually).
func (r *resolver) opensSentence(j int) bool {
	return j == 0 || r.sentOf[j-1] != r.sentOf[j] || r.mention(j-1).End <= r.mention(j).Start && r.sentOf[j-1] != r.sentOf[j]
}

func (r *resolver) inQuote(pos int) bool {
	for _, q := range r.doc.Quotes {
		if q.Open && q.Span.Start <= pos && pos < q.Span.End {
			return true
		}
	}
	return false
}
