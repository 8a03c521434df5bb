package mention

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/lexicon"
)

// names finds runs of capitalised words and classifies each as a person's
// name (with its titles), an organisation, a role nominal ("Secretary-General
// of X") or a place (dropped).
func (s *sentence) names() []whosaid.Mention {
	var out []whosaid.Mention
	for i := 0; i < len(s.toks); {
		if s.taken[i] || s.reportingVerb(i) || !(s.nameToken(i) || s.lowerTitleBeforeName(i)) {
			i++
			continue
		}
		j := s.runEnd(i)
		if j == i+1 && (s.ordinaryAtStart(i) || isInitial(s.words[i])) {
			i = j
			continue
		}
		out = append(out, s.classifyRun(i, j)...)
		i = j
	}
	return out
}

// lowerTitleBeforeName accepts a title written in lower case right before a
// name ("sheik Al-Hadidi").
func (s *sentence) lowerTitleBeforeName(i int) bool {
	if i+1 >= len(s.toks) {
		return false
	}
	_, ok := lexicon.Title(s.lower[i])
	return ok && s.nameToken(i+1) && !s.taken[i+1]
}

// runEnd extends a name run from i over name tokens, name particles ("bin",
// "de"), and "of" between an institutional word or title and a name
// ("Ministry of Foreign Affairs", "Secretary-General of the Movement").
func (s *sentence) runEnd(i int) int {
	j := i + 1
	for j < len(s.toks) && !s.taken[j] {
		switch {
		case s.reportingVerb(j):
			// "Ana Pereira Says …", "… Calls Out …": a headline's verb
			// ends the name before it.
			return j
		case s.nameToken(j):
			j++
		case nameConnectors[s.lower[j]] && j+1 < len(s.toks) && s.nameToken(j+1):
			j += 2
		case s.lower[j] == "of" && j+1 < len(s.toks) && s.institutional(s.words[j-1]):
			k := j + 1
			if s.lower[k] == "the" && k+1 < len(s.toks) {
				k++
			}
			if !s.nameToken(k) || IsPlace(s.words[k]) && !(k+1 < len(s.toks) && s.nameToken(k+1)) && !isOrgHead(s.words[j-1]) {
				return j
			}
			j = k + 1
		default:
			return j
		}
	}
	return j
}

// institutional reports whether w is an institutional word or a title,
// which may be followed by "of X" inside one name.
func (s *sentence) institutional(w string) bool {
	if isOrgHead(w) {
		return true
	}
	_, ok := lexicon.Title(w)
	return ok
}

func isOrgHead(w string) bool { return lexicon.IsOrgHead(w) }

// titleAt returns the length in tokens of the longest title starting at
// token i of [i, j), or 0.
func (s *sentence) titleAt(i, j int) int {
	for n := lexicon.MaxTitleWords(); n >= 1; n-- {
		if i+n > j {
			continue
		}
		if _, ok := lexicon.Title(strings.Join(s.lower[i:i+n], " ")); ok {
			return n
		}
	}
	return 0
}

func (s *sentence) text(i, j int) string {
	if i >= j {
		return ""
	}
	return s.doc.Text[s.toks[i].Start:s.toks[j-1].End]
}

// classifyRun turns the name run [i, j) into mentions.
func (s *sentence) classifyRun(i, j int) []whosaid.Mention {
	// Places and nationalities alone name no speaker.
	allPlaces := true
	for k := i; k < j; k++ {
		// "New" begins a place name before a place word ("New Hampshire").
		newPlace := s.words[k] == "New" && k+1 < j && IsPlace(s.words[k+1])
		if !IsPlace(s.words[k]) && !nameConnectors[s.lower[k]] && !newPlace {
			allPlaces = false
		}
	}
	if allPlaces {
		return nil
	}
	if g := s.groupRun(i, j); g != nil {
		return g
	}
	// A title at the end of a run belongs to no name ("… Pereira Miss").
	for j-i > 2 && s.titleAt(j-1, j) == 1 && s.titleAt(i, j) == 0 {
		j--
	}
	// "Secretary-General of the X Movement John Doe": a role in an
	// organisation, then the holder's name.
	if n := s.titleAt(i, j); n > 0 && i+n < j && s.lower[i+n] == "of" {
		if h := s.lastOrgHead(i+n+1, j); h > 0 && h+1 < j {
			k := i + n + 1
			if s.lower[k] == "the" {
				k++
			}
			org := s.orgMention(k, h+1)
			m := newMention(s.span(i, j), whosaid.MentionName)
			m.Type = whosaid.Person
			m.Role = s.text(i, h+1)
			m.Head = s.span(h+1, j)
			m.Name = s.text(h+1, j)
			if g, _ := IsTitle(s.text(i, i+n)); g != "" {
				m.Gender = g
			}
			s.take(i, j)
			return append([]whosaid.Mention{m}, org...)
		}
	}
	// "Secretary-General of X": a role held in an organisation.
	if n := s.titleAt(i, j); n > 0 && i+n < j && s.lower[i+n] == "of" {
		m := newMention(s.span(i, j), whosaid.MentionNominal)
		m.Type = whosaid.Person
		m.Role = s.text(i, j)
		m.Head = s.span(i, i+n)
		if g, _ := IsTitle(s.text(i, i+n)); g != "" {
			m.Gender = g
		}
		k := i + n + 1
		if k < j && s.lower[k] == "the" {
			k++
		}
		out := []whosaid.Mention{m}
		if k < j {
			org := s.orgMention(k, j)
			// The role ends where its organisation's name does ("…
			// movement").
			m.Span.End = org[0].End
			m.Role = s.doc.Text[m.Start:m.End]
			out[0] = m
			out = append(out, org...)
		}
		s.take(i, j)
		return out
	}
	// An institutional word inside the titles before a name describes the
	// person ("Secretary of State Ana Pereira", "Senate Majority Leader Ana
	// Pereira"); after them it makes the name an organisation's.
	for k := s.titlesEnd(i, j); k < j; k++ {
		if isOrgHead(s.words[k]) {
			if m, ok := s.holderAfterOrgTitle(i, j); ok {
				return []whosaid.Mention{m}
			}
			return s.orgMention(i, j)
		}
	}
	if s.orgNounAfter(j) > j {
		return s.orgMention(i, j)
	}
	// Titles, and words before the last title ("Iraqi Prime Minister X",
	// "Transport Minister X"), describe the name that follows them.
	k := i
	for k < j-1 && (IsPlace(s.words[k]) || s.modifierAt(k, j)) {
		k++
	}
	// "American Legion", "USA Today": a place before one common word is
	// the name of the thing, not a description of it.
	if k > i && k == j-1 && lexicon.CommonWord(s.lower[k]) {
		k = i
	}
	described := false
	if k > i {
		described, _ = lexicon.NameModifier(s.words[i])
	}
	var ts []string
	var gender whosaid.Gender
	if last := s.lastTitle(k, j); last > k {
		n := s.titleAt(last, j)
		ts = append(ts, s.text(k, last+n))
		if g, _ := IsTitle(s.text(last, last+n)); g != "" {
			gender = g
		}
		k = last + n
	}
	for k < j {
		n := s.titleAt(k, j)
		if n == 0 {
			break
		}
		t := s.text(k, k+n)
		ts = append(ts, t)
		if g, _ := IsTitle(t); g != "" {
			gender = g
		}
		k += n
	}
	if k == j {
		// Titles only: "the Sheikh", "President".
		if len(ts) == 0 {
			return nil
		}
		start := i
		if i > 0 && s.lower[i-1] == "the" && !s.taken[i-1] {
			start = i - 1
		}
		m := newMention(s.span(start, j), whosaid.MentionHonorific)
		m.Type, m.Gender, m.Titles = whosaid.Person, gender, ts
		m.Head = s.span(i, j)
		s.take(start, j)
		return []whosaid.Mention{m}
	}
	start := i
	// A title in lower case is a role noun with its modifiers before it:
	// "the farm union chief Ana Ruiz".
	if len(ts) > 0 && !capitalised(s.words[i]) {
		start = s.modifiersStart(i)
		if start > 0 && determiners[s.lower[start-1]] && !s.taken[start-1] {
			start--
		}
	}
	m := newMention(s.span(start, j), whosaid.MentionName)
	m.Head = s.span(k, j)
	m.Name = s.text(k, j)
	m.Titles, m.Gender = ts, gender
	if len(ts) > 0 {
		m.Type = whosaid.Person
		if start < i || i < k-len(ts) || k > i && IsPlace(s.words[i]) || !capitalised(s.words[i]) {
			m.Role = s.text(nonDet(s, start), k)
		}
	} else if described {
		// "Republican Ana Pereira": the words before the name describe
		// a person.
		m.Type = whosaid.Person
		m.Role = s.text(i, k)
	}
	s.take(start, j)
	return []whosaid.Mention{m}
}

// orgNounAfter returns the end of a lower-case institutional noun that
// follows a name at j, with up to two modifiers ("… movement", "…
// resistance group"), or j when there is none.
func (s *sentence) orgNounAfter(j int) int {
	for k := j; k < len(s.toks) && k < j+3 && !s.taken[k] && !capitalised(s.words[k]) && !isPunct(s.words[k]); k++ {
		if r, ok := lexicon.Role(s.lower[k]); ok && r.Org {
			return k + 1
		}
		// "Lenk told union workers": a verb ends the noun phrase.
		if _, verb := lexicon.Lookup(s.lower[k]); verb || notNames[s.lower[k]] || determiners[s.lower[k]] {
			break
		}
	}
	return j
}

// lastTitle returns the index of the last title in [i, j) that is
// followed by a name and preceded only by capitalised words, or -1.
func (s *sentence) lastTitle(i, j int) int {
	last := -1
	for k := i + 1; k < j-1; k++ {
		if n := s.titleAt(k, j); n > 0 && k+n < j && s.titleAt(k+n, j) == 0 && !isOrgHead(s.words[k-1]) {
			last = k
		}
	}
	return last
}

// lastOrgHead returns the index of the last institutional word in [i, j)
// that is followed by more name words, or -1.
func (s *sentence) lastOrgHead(i, j int) int {
	for k := j - 2; k >= i; k-- {
		if isOrgHead(s.words[k]) {
			return k
		}
	}
	return -1
}

// orgMention makes an organisation mention of [i, j), taking a following
// lower-case institutional noun ("… movement", "… channel") with it.
func (s *sentence) orgMention(i, j int) []whosaid.Mention {
	end := s.orgNounAfter(j)
	m := newMention(s.span(i, end), whosaid.MentionName)
	m.Type = whosaid.Organization
	m.Gender = whosaid.Neuter
	m.Name = s.text(i, j)
	m.Head = s.span(i, j)
	if s.bodyOf(j, end) {
		// "Ruiz's office", "the Ruiz government": a body that serves the
		// person named, not the person; its name is the whole phrase.
		m.Name = s.text(i, end)
		m.Head = m.Span
	}
	s.take(i, end)
	return []whosaid.Mention{m}
}

// personalBodies are institutional nouns that, after a person's name,
// name a body serving that person ("the Ruiz government").
var personalBodies = map[string]bool{"government": true, "administration": true, "office": true,
	"cabinet": true, "campaign": true, "team": true, "camp": true, "family": true, "staff": true,
	"presidency": true, "regime": true}

// bodyOf reports whether the institutional noun phrase in [j, end) after a
// name is possessive ("Ruiz's movement") or a personal body ("Ruiz
// government").
func (s *sentence) bodyOf(j, end int) bool {
	for k := j; k < end; k++ {
		if s.lower[k] == "'s" || s.lower[k] == "’s" || personalBodies[s.lower[k]] {
			return true
		}
	}
	return false
}

// reportingVerb reports whether token j, inside a run of capitalised
// words, is an inflected reporting verb ("Says", "Calls", "Warned"): in a
// headline written in title case it ends the name before it. "Said" is
// left out: it is a family name as often.
func (s *sentence) reportingVerb(j int) bool {
	if j == 0 || !capitalised(s.words[j]) || s.lower[j] == "said" {
		return false
	}
	e, ok := lexicon.Lookup(s.lower[j])
	return ok && (e.Tag == "VBZ" || e.Tag == "VBD") && e.Class != lexicon.None
}

// modifierAt reports whether the capitalised word k, at the start of what
// is left of the run [k, end), describes the person named after it rather
// than being part of the name: an affiliation or description
// ("Republican", "Rival", "Actress"), or a word the article writes in
// lower case elsewhere or a common English word ("Year" of "the Year Ana
// Pereira"). A full name
// must follow (two name words, the first not an initial), so given names
// that are also words stay ("Bill Lenk", "Mark J. Lenk").
func (s *sentence) modifierAt(k, end int) bool {
	if nameConnectors[s.lower[k]] {
		return false
	}
	if _, ok := lexicon.Title(s.lower[k]); ok {
		return false
	}
	rest := 0
	for x := k + 1; x < end; x++ {
		if !nameConnectors[s.lower[x]] {
			rest++
		}
	}
	if rest < 2 || nameConnectors[s.lower[k+1]] || isInitial(s.words[k+1]) {
		return false
	}
	if ok, _ := lexicon.NameModifier(s.words[k]); ok {
		return true
	}
	return s.lowerInDoc(s.lower[k]) || lexicon.CommonWord(s.lower[k])
}

// isInitial: "J." or "J".
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len([]rune(w)) == 1
}

// groupRun makes a run of affiliation and place words ("Republicans",
// "Senate Democrats" is an organisation's) a nominal for a group of
// people: a source, but no one's name.
func (s *sentence) groupRun(i, j int) []whosaid.Mention {
	group := false
	for k := i; k < j; k++ {
		ok, g := lexicon.NameModifier(s.words[k])
		switch {
		case ok && g:
			group = true
		case IsPlace(s.words[k]) || nameConnectors[s.lower[k]]:
		default:
			return nil
		}
	}
	if !group {
		return nil
	}
	m := newMention(s.span(i, j), whosaid.MentionNominal)
	m.Role = s.text(i, j)
	m.Plural = strings.HasSuffix(s.lower[j-1], "s")
	s.take(i, j)
	return []whosaid.Mention{m}
}

// titlesEnd returns where the titles at the start of the run [i, j) end —
// after the last title followed by a name word, words before it included
// ("Senate Majority Leader") — or i when the run starts with none. A run
// that is all titles ends at i too.
func (s *sentence) titlesEnd(i, j int) int {
	end := i
	for end < j {
		n := s.titleAt(end, j)
		if n == 0 {
			break
		}
		end += n
	}
	if last := s.lastTitle(i, j); last > i {
		end = max(end, last+s.titleAt(last, j))
	}
	if end >= j {
		return i
	}
	return end
}

// ordinaryAtStart reports whether the one capitalised word i is an
// ordinary word capitalised by its place: it starts the sentence (or a
// quotation) and the article writes it in lower case elsewhere, or it is a
// common English word the article never capitalises inside a sentence
// ("Police said", "Footage shows"); or it is a day or a month.
func (s *sentence) ordinaryAtStart(i int) bool {
	if dateWords[strings.TrimSuffix(s.lower[i], ".")] {
		return true
	}
	if i > 0 && !isOpener(s.words[i-1]) {
		return false
	}
	return s.lowerInDoc(s.lower[i]) || lexicon.CommonWord(s.lower[i]) && !s.capsInside[s.lower[i]]
}

var dateWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`) {
		m[w] = true
	}
	return m
}()

// holderAfterOrgTitle reads "Press Secretary Ana Pereira", "House Rep. Ana
// Pereira", "Harbour News Correspondent Ana Pereira", "Senate Republican Ana
// Pereira" — an organisation's words, a title (or role noun or
// affiliation), then a name with no institutional word — as the person
// named last, the words before the name her role.
func (s *sentence) holderAfterOrgTitle(i, j int) (whosaid.Mention, bool) {
	for k := j - 2; k > i; k-- {
		n := s.titleAt(k, j)
		if n == 0 {
			_, role := lexicon.Role(s.lower[k])
			modifier, _ := lexicon.NameModifier(s.words[k])
			if !role && !modifier || lexicon.IsOrgHead(s.words[k]) {
				continue
			}
			// A capitalised role noun or affiliation ("Correspondent",
			// "House Republican") acts as a title.
			n = 1
		}
		if k+n >= j || s.titleAt(k+n, j) > 0 {
			continue
		}
		for x := k + n; x < j; x++ {
			if isOrgHead(s.words[x]) {
				return whosaid.Mention{}, false
			}
		}
		m := newMention(s.span(i, j), whosaid.MentionName)
		m.Type = whosaid.Person
		m.Head = s.span(k+n, j)
		m.Name = s.text(k+n, j)
		m.Role = s.text(i, k+n)
		m.Titles = []string{s.text(k, k+n)}
		if g, _ := IsTitle(s.text(k, k+n)); g != "" {
			m.Gender = g
		}
		s.take(i, j)
		return m, true
	}
	return whosaid.Mention{}, false
}
