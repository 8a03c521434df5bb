package identity

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// pronouns resolves third-person subject pronouns to the entity they most
// likely refer to: among compatible mentions in the last three sentences
// (outside quotations), one that speaks, opens its sentence or is a name,
// the nearest first.
func (r *resolver) pronouns() {
	for i := range r.ms {
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
		best := r.antecedent(i)
		if best < 0 && r.speaks[i] > 0 {
			best = r.lastSpeaker(i)
		}
		if best >= 0 {
			r.union(best, i, "pronoun "+r.text(i))
		}
	}
}

// antecedent returns the mention that pronoun-like mention i most likely
// refers to: among compatible mentions in the last three sentences
// (outside quotations), one that speaks, opens its sentence or is a
// name, the nearest first; -1 if none fits.
func (r *resolver) antecedent(i int) int {
	m := r.mention(i)
	best, bestScore := -1, -1e9
	for j := i - 1; j >= 0; j-- {
		p := r.mention(j)
		dist := r.sentOf[i] - r.sentOf[j]
		if dist > 3 {
			break
		}
		if p.Kind == whosaid.MentionPronoun && (r.find(j) == j || p.Relative) || r.inQuote(p.Start) || p.End > m.Start {
			continue
		}
		if !r.agrees(i, j) {
			continue
		}
		// Recency counts most; a subject, a speaker and a name are the
		// likely antecedents of a reporting clause's pronoun.
		score := -float64(dist)
		if r.isSubject(j) {
			score += 2
		}
		// A speaker so far in the article, not one who speaks only
		// later, continues the passage; a name inside what someone
		// reports ("Harris said Vickers would run. She …") is
		// talked about, not talking.
		if r.spokeBefore(j, i) {
			score += 1.5
		}
		if r.speaks[j] > 0 {
			score += 0.5
		} else if r.inContent(p.Start) {
			score -= 1.5
		}
		if p.Kind == whosaid.MentionName {
			score++
		}
		// A known gender that matches beats an unknown one.
		if g := r.genderOf(r.find(j)); g != whosaid.NoGender && g == m.Gender {
			score++
		}
		// A name earlier in the pronoun's own sentence is the most
		// likely antecedent ("X has been meeting …, as he attempts …").
		// A name in a phrase of place or time ("in Sackville, N.B., he
		// said") is no subject and gets no such bonus.
		if dist == 0 && p.Kind == whosaid.MentionName && r.isSubject(j) {
			score += 2
		}
		if score > bestScore {
			best, bestScore = j, score
		}
	}
	return best
}

// agrees checks gender, number and type between pronoun i and the cluster
// of mention j.
func (r *resolver) agrees(i, j int) bool {
	m := r.mention(i)
	root := r.find(j)
	p := r.mention(j)
	typ := r.typeOf(root)
	switch {
	case m.Plural:
		return p.Plural || typ == whosaid.Organization && p.Kind != whosaid.MentionName
	case m.Gender == whosaid.Neuter:
		return typ == whosaid.Organization && !p.Plural
	}
	if p.Plural || typ == whosaid.Organization || r.notAPerson(root) || r.familyName(j) {
		return false
	}
	// "he" is a person: a name, or a description of a person, not a
	// phrase of unknown kind ("an investigation of the shooting").
	if p.Kind == whosaid.MentionNominal && (p.Type != whosaid.Person || r.isDocument(j)) {
		return false
	}
	// A name of unknown kind ("Muqawama") is a person only if it acts
	// like one: it speaks or is a subject.
	// A given name of known gender makes a person of it.
	if typ == whosaid.UnknownType && !r.clusterSpeaks(j) && (!r.isSubject(j) || r.oneWordNames(root)) && r.genderOf(root) == whosaid.NoGender {
		return false
	}
	g := r.genderOf(root)
	return g == whosaid.NoGender || g == m.Gender
}

func (r *resolver) clusterSpeaks(j int) bool { return r.rootSpeaks[r.find(j)] > 0 }

// spokeBefore reports whether the cluster of mention j is the source of a
// statement before mention i.
func (r *resolver) spokeBefore(j, i int) bool {
	if r.rootSpeaks[r.find(j)] == 0 {
		return false
	}
	for _, m := range r.mem[r.find(j)] {
		if m >= i {
			break
		}
		if r.speaks[m] > 0 {
			return true
		}
	}
	return false
}

// isSubject reports whether mention j is the source of a statement or
// stands before a verb: a subject.
func (r *resolver) isSubject(j int) bool {
	return r.speaks[j] > 0 || r.parsedSubject(j) || r.beforeVerb(j)
}

// parsedSubject reads the dependency parse, when there is one: a word of
// the mention is a clause's subject, or stands in apposition to one ("the
// leader of the coalition, Shia cleric X, has been meeting …").
func (r *resolver) parsedSubject(j int) bool {
	m := r.mention(j)
	toks := r.doc.Tokens
	for k := r.doc.TokenAt(m.Start); k >= 0 && k < len(toks) && toks[k].Start < m.End; k++ {
		// Up through the name's own structure (compound, appos, flat) to
		// the word that carries the clause relation.
		for h, steps := k, 0; h >= 0 && steps < 4; h, steps = toks[h].Head, steps+1 {
			dep := toks[h].Dep
			if strings.HasPrefix(dep, "nsubj") {
				return true
			}
			if dep != "compound" && dep != "appos" && dep != "flat" && dep != "name" {
				break
			}
		}
	}
	return false
}

// beforeVerb reports whether a verb follows mention j (skipping adverbs):
// the mention is a subject.
func (r *resolver) beforeVerb(j int) bool {
	m := r.mention(j)
	end := m.End
	// "Demirel, the union's leader, welcomed …" and "the union's leader,
	// Demirel, welcomed …": skip the apposition and its closing comma.
	if p := m.Apposition; p >= 0 {
		if r.mention(p).Start > m.Start {
			end = r.mention(p).End
		}
		if k := r.doc.TokenAt(end); k >= 0 && r.doc.Str(r.doc.Tokens[k].Span) == "," {
			end = r.doc.Tokens[k].End
		}
	}
	k := r.doc.TokenAt(end - 1)
	if k < 0 {
		return false
	}
	for k++; k < len(r.doc.Tokens); k++ {
		t := r.doc.Tokens[k]
		w := strings.ToLower(r.doc.Str(t.Span))
		if t.POS != "" {
			if strings.HasPrefix(t.POS, "RB") {
				continue
			}
			// A finite verb: a participle after a noun modifies it
			// ("the resistance in X moving to Y").
			return t.POS == "VBD" || t.POS == "VBZ" || t.POS == "VBP" || t.POS == "MD"
		}
		if strings.HasSuffix(w, "ly") || w == "also" || w == "then" || w == "further" {
			continue
		}
		if _, ok := lexicon.Lookup(w); ok {
			return true
		}
		return strings.HasSuffix(w, "ed") || w == "has" || w == "had" || w == "was" || w == "is" || w == "will" || w == "would"
	}
	return false
}

// notAPerson reports whether the cluster with this root is named like a
// place ("Kelby", "Ont.") or an acronym ("NRC", "N.B."): "he" and "she"
// never refer to it.
func (r *resolver) notAPerson(root int) bool {
	for _, i := range r.mem[root] {
		m := r.mention(i)
		if m.Kind != whosaid.MentionName {
			continue
		}
		if m.Type == whosaid.Person {
			return false
		}
		if placeName(m.Name) || acronym(m.Name) {
			return true
		}
	}
	return false
}

// placeName reports whether every word of name is a known place word.
func placeName(name string) bool {
	ws := strings.Fields(name)
	for _, w := range ws {
		if !lexicon.IsPlace(strings.Trim(w, ".,")) {
			return false
		}
	}
	return len(ws) > 0
}

// acronym reports whether name is one word of capitals, with or without
// dots ("NRC", "N.B.").
func acronym(name string) bool {
	if strings.ContainsAny(name, " \t") {
		return false
	}
	letters := 0
	for _, c := range name {
		switch {
		case c == '.' || c == '-' || c == '&':
		case c >= 'A' && c <= 'Z':
			letters++
		default:
			return false
		}
	}
	return letters >= 2
}

// inFragment reports whether mention j stands in a short paragraph that
// ends without a full stop: a caption, a header or boilerplate ("Story
// continues below advertisement"), whose capitalised words are no
// person a later pronoun picks up.
func (r *resolver) inFragment(j int) bool {
	si := r.sentOf[j]
	if si < 0 {
		return false
	}
	par := r.doc.Sentences[si].Paragraph
	if par < 0 || par >= len(r.doc.Paragraphs) {
		return false
	}
	text := strings.TrimSpace(r.doc.Str(r.doc.Paragraphs[par]))
	if len(strings.Fields(text)) > 8 {
		return false
	}
	return !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "\"") && !strings.HasSuffix(text, "”")
}

// oneWordNames reports whether every name of the cluster is one word
// ("Story", "Motors"): of unknown kind and silent, it is no person a
// pronoun would pick up.
func (r *resolver) oneWordNames(root int) bool {
	for _, w := range r.factsOf(root).names {
		if len(w) > 1 {
			return false
		}
	}
	return true
}

// lastSpeaker is the fallback for a reporting pronoun with no antecedent
// in the last three sentences ("he said" after a long quotation or a
// quoted post): the source of the latest statement of the last twelve
// sentences whose cluster agrees with it — the passage's current speaker
// of that gender — or -1.
func (r *resolver) lastSpeaker(i int) int {
	best := -1
	for _, sm := range r.srcOf {
		if sm < 0 || sm >= i || sm <= best || r.sentOf[i]-r.sentOf[sm] > 12 || r.inQuote(r.ms[sm].Start) {
			continue
		}
		p := r.mention(sm)
		if p.Kind == whosaid.MentionPronoun && r.find(sm) == sm || r.find(sm) == r.find(i) || !r.agrees(i, sm) {
			continue
		}
		best = sm
	}
	return best
}

// familyName reports whether name mention j names a family ("the
// Morenos"): a one-word name ending in -s after "the".
func (r *resolver) familyName(j int) bool {
	m := r.mention(j)
	if m.Kind != whosaid.MentionName || strings.Contains(m.Name, " ") || !strings.HasSuffix(m.Name, "s") {
		return false
	}
	before := strings.ToLower(strings.TrimRight(r.doc.Text[max(0, m.Start-4):m.Start], " "))
	return strings.HasSuffix(before, "the")
}
