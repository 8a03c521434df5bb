package identity

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity/names"
	"github.com/whosaid/whosaid/lexicon"
)

// Linker is whosaid's one cross-article speaker linker: extract runs it
// over a MemoryIndex, ingest over a store's transaction, so both give the
// same speaker ids for the same inputs in the same order.
//
// For each entity of an article, fullest names first:
//   - a review decision pinning one of its names wins;
//   - a name of two or more words joins the stored speaker whose full
//     names (two or more words) the name matcher takes for it, unless a
//     split took that name away; a stored bare family name never pulls
//     in a full name ("Mehmet Kaya" does not join "Aylin Kaya" because
//     both were once called "Kaya");
//   - a one-word name of a person (a bare family name) names a speaker of
//     its own article only: it is never linked across articles;
//   - a one-word name of an organisation or of unknown type joins a
//     speaker known by the same one-word name that is not a person (a
//     person's one-word names are family names, which link nowhere);
//   - otherwise the entity is a new speaker, with an id derived from its
//     type and folded name (SpeakerID), so two writers that meet the same
//     new person at once create one speaker.
//
// Entities without a proper name ("the ministry", "officials") that make
// statements get a speaker of their own article, kept without name keys
// or variants so nothing links to them: their statements keep their
// source, and stores do not list them as speakers.
type Linker struct {
	// Keys gives the blocking keys of a name and Same confirms a candidate
	// (names.Keys and names.Compare when nil).
	Keys func(string) []string
	Same func(a, b string) (bool, float64)
}

var _ whosaid.Linker = Linker{}

func (l Linker) keys(s string) []string {
	if l.Keys != nil {
		return l.Keys(s)
	}
	return names.Keys(s)
}

func (l Linker) same(a, b string) (bool, float64) {
	if l.Same != nil {
		return l.Same(a, b)
	}
	return names.Compare(a, b)
}

// Link sets Entity.SpeakerID for the article's entities and Doc.Speakers,
// reading and recording speakers in ix.
func (l Linker) Link(ctx context.Context, ix whosaid.SpeakerIndex, doc *whosaid.Doc) error {
	doc.Speakers = doc.Speakers[:0]
	order := make([]int, len(doc.Entities))
	for i := range order {
		order[i] = i
	}
	words := func(i int) int { return len(foldWords(doc.Entities[i].Name)) }
	sort.SliceStable(order, func(a, b int) bool { return words(order[a]) > words(order[b]) })
	for _, ei := range order {
		if err := ctx.Err(); err != nil {
			return err
		}
		e := &doc.Entities[ei]
		if !hasProperName(doc, *e) || len(foldWords(e.Name)) == 0 {
			if !speaks(doc, ei) {
				continue
			}
			if err := l.local(ctx, ix, doc, e); err != nil {
				return err
			}
			continue
		}
		variants, name := unpadded(nameVariants(doc, *e))
		id, err := l.find(ctx, ix, doc, e, variants)
		if err != nil {
			return err
		}
		if id == "" && isBareFamilyName(e) {
			if err := l.local(ctx, ix, doc, e); err != nil {
				return err
			}
			continue
		}
		if id == "" {
			if id, err = l.newID(ctx, ix, e.Type, name); err != nil {
				return err
			}
		}
		// Name keys make the speaker findable by later articles; a bare
		// family name adds none of its own (it pulls no full name in).
		var keys []string
		for _, v := range multiWord(variants) {
			keys = appendNew(keys, l.keys(v)...)
		}
		if len(multiWord(variants)) == 0 && !isBareFamilyName(e) {
			for _, v := range variants {
				keys = appendNew(keys, l.keys(v)...)
			}
		}
		name, err = ix.PutSpeaker(ctx, whosaid.SpeakerNames{ID: id, Name: name, Type: e.Type, Variants: variants, Keys: keys, Roles: e.Roles})
		if err != nil {
			return err
		}
		e.SpeakerID = id
		doc.Speakers = append(doc.Speakers, whosaid.Speaker{ID: id, Name: name, Type: e.Type, Variants: variants, Roles: e.Roles, Why: e.Why})
	}
	// Text order of first mention, so outputs do not depend on the linking
	// order.
	first := map[string]int{}
	for _, e := range doc.Entities {
		if _, ok := first[e.SpeakerID]; !ok && e.SpeakerID != "" && len(e.Mentions) > 0 {
			first[e.SpeakerID] = doc.Mentions[e.Mentions[0]].Start
		}
	}
	sort.SliceStable(doc.Speakers, func(a, b int) bool { return first[doc.Speakers[a].ID] < first[doc.Speakers[b].ID] })
	return nil
}

// find returns the stored speaker the entity is, or "".
func (l Linker) find(ctx context.Context, ix whosaid.SpeakerIndex, doc *whosaid.Doc, e *whosaid.Entity, variants []string) (string, error) {
	for _, v := range variants {
		id, err := ix.Pinned(ctx, v)
		if err != nil || id != "" {
			return id, err
		}
	}
	if isBareFamilyName(e) {
		return l.findBare(ctx, ix, e)
	}
	full := multiWord(variants)
	single := len(full) == 0 // an organisation or a name of unknown type known by one word
	probe := full
	if single {
		probe = variants
	}
	var keys []string
	for _, v := range probe {
		keys = appendNew(keys, l.keys(v)...)
	}
	if len(keys) == 0 {
		return "", nil
	}
	cands, err := ix.SpeakersByKey(ctx, keys)
	if err != nil {
		return "", err
	}
	best, bestScore := "", 0.0
	for _, c := range cands {
		if e.Type != whosaid.UnknownType && c.Type != whosaid.UnknownType && c.Type != e.Type {
			continue
		}
		// A one-word name of unknown type may be a family name: it never
		// joins a person, whose one-word names are family names of this
		// or that article.
		if single && c.Type == whosaid.Person {
			continue
		}
		theirs := multiWord(c.Variants)
		if single {
			theirs = oneWord(c.Variants)
		}
		score, ok := l.agree(probe, theirs)
		// An organisation's name, or any name of one word, is its words:
		// one spelling, not a similar one ("Corvana" is not "Caravan").
		if ok && (single || e.Type == whosaid.Organization || c.Type == whosaid.Organization) {
			ok = orgAgree(probe, theirs)
		}
		if !ok || score <= bestScore {
			continue
		}
		blocked := false
		for _, v := range variants {
			if b, err := ix.Blocked(ctx, c.ID, v); err != nil {
				return "", err
			} else if b {
				blocked = true
				break
			}
		}
		if !blocked {
			best, bestScore = c.ID, score
		}
	}
	return best, nil
}

// findBare links a person named by one word ("Hadidi") across articles
// only when the article says who he is in words the stored speaker is
// known by too — an organisation or place in a role or title ("the Harbour
// Union leader" for the stored "leader of the Harbour Union"), not a
// generic office ("the minister") — and exactly one stored person of that
// family name fits.
func (l Linker) findBare(ctx context.Context, ix whosaid.SpeakerIndex, e *whosaid.Entity) (string, error) {
	ours := distinctiveWords(append(append([]string(nil), e.Roles...), e.Titles...))
	if len(ours) == 0 {
		return "", nil
	}
	cands, err := ix.SpeakersByKey(ctx, l.keys(e.Name))
	if err != nil {
		return "", err
	}
	found := ""
	for _, c := range cands {
		if c.Type != whosaid.Person {
			continue
		}
		family := false
		for _, v := range multiWord(c.Variants) {
			if same, _ := l.same(e.Name, v); same {
				family = true
				break
			}
		}
		if !family || !overlaps(ours, distinctiveWords(c.Roles)) {
			continue
		}
		if blocked, err := ix.Blocked(ctx, c.ID, e.Name); err != nil {
			return "", err
		} else if blocked {
			continue
		}
		if found != "" {
			return "", nil // two people fit: it could be either
		}
		found = c.ID
	}
	return found, nil
}

// distinctiveWords are the folded words of roles and titles that name
// something particular (an organisation, a place, a field): not function
// words, not offices, ranks or forms of address any person may hold.
func distinctiveWords(phrases []string) map[string]bool {
	out := map[string]bool{}
	for _, p := range phrases {
		for _, w := range foldWords(p) {
			if len(w) < 3 || genericRoleWord(w) {
				continue
			}
			out[w] = true
		}
	}
	return out
}

func genericRoleWord(w string) bool {
	if _, ok := lexicon.Role(w); ok {
		return true
	}
	if _, ok := lexicon.Title(w); ok {
		return true
	}
	switch w {
	case "for", "and", "with", "from", "former", "head", "chief", "deputy", "acting", "senior", "new", "top",
		"group", "movement", "party", "faction", "organisation", "organization", "state", "national", "general":
		return true
	}
	return false
}

func overlaps(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

// agree tells whether two sets of names are one speaker's: some pair
// matches, and no pair has the same family name with different given
// names (a namesake). It returns the best pair's score.
func (l Linker) agree(ours, theirs []string) (float64, bool) {
	best := 0.0
	for _, a := range ours {
		for _, b := range theirs {
			same, score := l.same(a, b)
			if !same {
				if sameFamily(a, b) {
					return 0, false
				}
				continue
			}
			best = max(best, score)
		}
	}
	return best, best > 0
}

// orgAgree tells whether an organisation's names may be another's: the
// name matcher reads the words of a personal name (a title dropped, a
// given name compared apart), which in an organisation's name are its
// identity ("Justice Department" is not "State Department", though
// "Justice" is a title). Some pair must have the same words, each
// sounding alike ("Jama'at Nur al-Bahr", "Jamaat Nur Al-Bahr"), or be an
// acronym and its name.
func orgAgree(ours, theirs []string) bool {
	for _, a := range ours {
		for _, b := range theirs {
			x, y := foldWords(a), foldWords(b)
			if len(x) == 1 && len(y) > 1 || len(y) == 1 && len(x) > 1 {
				if same, _ := names.Compare(a, b); same && (names.Parse(a).Acronym != "" || names.Parse(b).Acronym != "") {
					return true
				}
				continue
			}
			if len(x) == len(y) && soundAlike(x, y) {
				return true
			}
		}
	}
	return false
}

// soundAlike reports whether two names' folded words are, pair by pair,
// one spelling of one sound sequence (the name matcher's top score:
// "Hadidi" and "Hadiidi"), not merely similar ("Varento",
// "Varenta").
func soundAlike(x, y []string) bool {
	for i := range x {
		if x[i] == y[i] {
			continue
		}
		if _, score := names.Compare(x[i], y[i]); score < 0.97 {
			return false
		}
	}
	return true
}

// Matches tells whether a name someone asks for (a query, not a mention)
// names a speaker known by variants: a full name must match one of the
// speaker's full names and no namesake's ("Marta Kaya" is not the
// speaker called "Aylin Kaya" and "Kaya"); a single word matches any
// variant it is the name or the family name of.
func Matches(name string, variants []string) bool {
	var l Linker
	if len(foldWords(name)) >= 2 {
		_, ok := l.agree([]string{name}, multiWord(variants))
		return ok
	}
	for _, v := range variants {
		if same, _ := l.same(name, v); same {
			return true
		}
	}
	return false
}

// sameFamily reports whether two full names end in the same family name.
func sameFamily(a, b string) bool {
	x, y := names.Parse(a), names.Parse(b)
	if len(x.Parts) < 2 || len(y.Parts) < 2 {
		return false
	}
	_, score := names.Compare(x.Parts[len(x.Parts)-1], y.Parts[len(y.Parts)-1])
	return score >= names.Threshold
}

// newID is the id of a new speaker: derived from type and name, and
// suffixed when a split has taken this name away from the speaker that
// id already names.
func (l Linker) newID(ctx context.Context, ix whosaid.SpeakerIndex, t whosaid.EntityType, name string) (string, error) {
	for n := 1; ; n++ {
		key := name
		if n > 1 {
			key = name + "#" + strconv.Itoa(n)
		}
		id := SpeakerID(t, key)
		blocked, err := ix.Blocked(ctx, id, name)
		if err != nil || !blocked {
			return id, err
		}
	}
}

// local gives the entity a speaker of this article only, under no name
// key, so no other article links to it.
func (l Linker) local(ctx context.Context, ix whosaid.SpeakerIndex, doc *whosaid.Doc, e *whosaid.Entity) error {
	id := SpeakerID(e.Type, doc.ID+"/"+e.Name)
	var variants []string
	if hasProperName(doc, *e) {
		variants = nameVariants(doc, *e)
	}
	name, err := ix.PutSpeaker(ctx, whosaid.SpeakerNames{ID: id, Name: e.Name, Type: e.Type, Variants: variants, Roles: e.Roles})
	if err != nil {
		return err
	}
	e.SpeakerID = id
	doc.Speakers = append(doc.Speakers, whosaid.Speaker{ID: id, Name: name, Type: e.Type, Variants: variants, Roles: e.Roles, Why: e.Why})
	return nil
}

// SpeakerID derives a speaker id from its type and name: the same folded
// name (case, diacritics and articles aside) gives the same id in every
// run and on every machine.
func SpeakerID(t whosaid.EntityType, name string) string {
	key := string(t) + "|" + strings.Join(foldWords(name), " ")
	sum := sha1.Sum([]byte(key))
	return "spk_" + hex.EncodeToString(sum[:6])
}

// isBareFamilyName: a person named by one word only ("Kaya", "Hadidi").
func isBareFamilyName(e *whosaid.Entity) bool {
	return e.Type == whosaid.Person && len(foldWords(e.Name)) == 1
}

// hasProperName reports whether one of the entity's mentions is a name.
func hasProperName(d *whosaid.Doc, e whosaid.Entity) bool {
	for _, mi := range e.Mentions {
		if d.Mentions[mi].Kind == whosaid.MentionName {
			return true
		}
	}
	return false
}

// speaks reports whether a statement of the article has entity ei as its
// speaker.
func speaks(d *whosaid.Doc, ei int) bool {
	for _, s := range d.Statements {
		if s.Entity == ei {
			return true
		}
	}
	return false
}

// nameVariants are the names the entity is called by in the article
// (titles and roles removed), the fullest first.
func nameVariants(d *whosaid.Doc, e whosaid.Entity) []string {
	out := []string{e.Name}
	for _, mi := range e.Mentions {
		m := d.Mentions[mi]
		if m.Kind != whosaid.MentionName {
			continue
		}
		v := strings.Join(strings.Fields(m.Name), " ")
		if v == "" {
			v = strings.Join(strings.Fields(d.Str(m.Span)), " ")
		}
		out = appendNew(out, v)
	}
	return out
}

// unpadded drops the variants that are another full name of the entity
// with words around it ("Calls Out Ana Pereira", "Ana Pereira Lisbon" beside
// "Ana Pereira": a headline's or a title's words taken into the name), and
// returns what is left with the name to go by: the first variant, or the
// fullest left when the first was dropped. Generational suffixes ("Jr.",
// "III") are part of a name.
func unpadded(vs []string) ([]string, string) {
	folded := make([][]string, len(vs))
	for i, v := range vs {
		folded[i] = foldWords(v)
	}
	var out []string
	dropped := false
	for i, v := range vs {
		padded := false
		for j := range vs {
			if i != j && len(folded[j]) >= 2 && len(folded[j]) < len(folded[i]) && paddedBy(folded[i], folded[j]) {
				padded = true
				break
			}
		}
		if padded {
			dropped = dropped || i == 0
			continue
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return vs, vs[0]
	}
	name := out[0]
	if dropped {
		for _, v := range out {
			if len(foldWords(v)) > len(foldWords(name)) {
				name = v
			}
		}
	}
	return out, name
}

// paddedBy reports whether long holds short as a run of words with words
// before or after it that are not a generational suffix.
func paddedBy(long, short []string) bool {
	for off := 0; off+len(short) <= len(long); off++ {
		match := true
		for k, w := range short {
			if long[off+k] != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		for k, w := range long {
			if (k < off || k >= off+len(short)) && !suffixes[w] {
				return true
			}
		}
	}
	return false
}

var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

func multiWord(vs []string) []string {
	var out []string
	for _, v := range vs {
		if len(foldWords(v)) >= 2 {
			out = append(out, v)
		}
	}
	return out
}

func oneWord(vs []string) []string {
	var out []string
	for _, v := range vs {
		if len(foldWords(v)) == 1 {
			out = append(out, v)
		}
	}
	return out
}

func appendNew(dst []string, src ...string) []string {
	for _, s := range src {
		dup := false
		for _, d := range dst {
			if d == s {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, s)
		}
	}
	return dst
}
