package provenance

import (
	"context"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid"
)

// Carriers marks the statements whose source is a carrier of someone
// else's words (Statement.Intermediary), before identity links sources
// to speakers.
type Carriers struct{}

func (Carriers) Name() string { return "carriers" }
func (Carriers) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerStatements}
}
func (Carriers) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerCarriers} }

func (Carriers) Process(_ context.Context, doc *whosaid.Doc) error {
	for i := range doc.Statements {
		s := &doc.Statements[i]
		s.Intermediary = carrier(doc, s) != ""
	}
	return nil
}

// carrier returns the carrier an "according to" statement's source names
// ("the Harbour channel"), "" when the source is a speaker.
func carrier(doc *whosaid.Doc, s *whosaid.Statement) string {
	if s.Source == nil || s.Cue == nil {
		return ""
	}
	cue := strings.ToLower(doc.Str(*s.Cue))
	if !strings.HasPrefix(cue, "according to") && !strings.Contains(cue, "reported") && !strings.Contains(cue, "quoted") {
		return ""
	}
	src := doc.Str(*s.Source)
	if m := reCarrier.FindString(src); m != "" {
		return trimName(m)
	}
	return ""
}

// Stage sets Statement.Medium and Via.
type Stage struct{}

func (Stage) Name() string { return "provenance" }
func (Stage) Requires() []whosaid.Layer {
	return []whosaid.Layer{whosaid.LayerSentences, whosaid.LayerStatements, whosaid.LayerEntities, whosaid.LayerCarriers}
}
func (Stage) Assigns() []whosaid.Layer { return []whosaid.Layer{whosaid.LayerProvenance} }

// prov is what a stretch of text says about how words reached it.
type prov struct{ medium, via string }

func (p prov) empty() bool { return p.medium == "" && p.via == "" }

func (Stage) Process(_ context.Context, doc *whosaid.Doc) error {
	n := len(doc.Statements)
	if n == 0 {
		return nil
	}
	sentOf := make([]int, n)
	for i := range doc.Statements {
		sentOf[i] = sentenceOf(doc, &doc.Statements[i])
	}
	// What each statement's own sentence says, with the contents of the
	// statements in it blanked out: what the speaker says about media is
	// not how the words reached the article. A carrier's content is the
	// frame itself ("This statement came during a forum on X").
	own := make([]prov, n)
	masked := map[int]string{}
	maskedText := func(si int) string {
		if t, ok := masked[si]; ok {
			return t
		}
		t := sentenceText(doc, si, sentOf)
		masked[si] = t
		return t
	}
	for i := range doc.Statements {
		s := &doc.Statements[i]
		if sentOf[i] < 0 {
			continue
		}
		own[i] = find(maskedText(sentOf[i]))
		if v := carrier(doc, s); s.Intermediary && own[i].via == "" && strings.ToLower(v) != v {
			own[i].via = v
		}
	}
	// Frames: a sentence that tells the medium gives it to the speaker it
	// concerns, for that speaker's statements elsewhere in the article.
	frames := map[int][]frame{} // entity → frames in text order
	for si := range doc.Sentences {
		p := find(maskedText(si))
		if p.empty() {
			continue
		}
		for _, e := range frameEntities(doc, si, sentOf) {
			frames[e] = append(frames[e], frame{si, p})
		}
	}
	for i := range doc.Statements {
		s := &doc.Statements[i]
		p := own[i]
		if !s.Intermediary && s.Entity >= 0 {
			p = p.fill(frames[s.Entity], sentOf[i])
		}
		s.Medium, s.Via = p.medium, p.via
	}
	return nil
}

// fill completes what a statement's own sentence says from its speaker's
// frames: the medium of the nearest frame that tells one (before the
// statement, else after it), and the intermediary of the nearest frame
// that names one for that medium.
func (p prov) fill(fs []frame, si int) prov {
	if p.medium == "" {
		if f, ok := nearest(fs, si, func(f frame) bool { return f.medium != "" }); ok {
			p.medium = f.medium
		}
	}
	if p.via == "" {
		if f, ok := nearest(fs, si, func(f frame) bool { return f.via != "" && (f.medium == "" || f.medium == p.medium) }); ok {
			p.via = f.via
		}
	}
	return p
}

type frame struct {
	sentence int
	prov
}

// nearest is the frame closest before sentence si that ok takes, else
// the first after.
func nearest(fs []frame, si int, ok func(frame) bool) (prov, bool) {
	best := -1
	for k, f := range fs {
		if !ok(f) {
			continue
		}
		if f.sentence <= si || best < 0 {
			best = k
		}
		if f.sentence > si {
			break
		}
	}
	if best < 0 {
		return prov{}, false
	}
	return fs[best].prov, true
}

// frameEntities are the speakers a sentence's provenance concerns: those
// of the statements in it; else the people it names; else, for "This
// statement came …", the speaker of the statement before it.
func frameEntities(doc *whosaid.Doc, si int, sentOf []int) []int {
	var out []int
	seen := map[int]bool{}
	add := func(e int) {
		if e >= 0 && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	carriers := false
	for i, s := range doc.Statements {
		if sentOf[i] == si {
			if s.Intermediary {
				carriers = true
				continue
			}
			add(s.Entity)
		}
	}
	if len(out) > 0 {
		return out
	}
	// The people it names who speak in the article.
	speaks := map[int]bool{}
	for _, s := range doc.Statements {
		speaks[s.Entity] = true
	}
	sent := doc.Sentences[si]
	for _, m := range doc.Mentions {
		if m.Start >= sent.Start && m.End <= sent.End && m.Type == whosaid.Person && speaks[m.Entity] && m.Entity >= 0 {
			add(m.Entity)
		}
	}
	if len(out) > 0 {
		return out
	}
	if carriers || reAnaphor.MatchString(doc.Str(sent.Span)) {
		for i := len(doc.Statements) - 1; i >= 0; i-- {
			s := doc.Statements[i]
			if sentOf[i] >= 0 && sentOf[i] < si && !s.Intermediary && s.Entity >= 0 {
				add(s.Entity)
				break
			}
		}
	}
	return out
}

// sentenceOf is the sentence of a statement's cue (else its source, else
// its content), -1 when none.
func sentenceOf(doc *whosaid.Doc, s *whosaid.Statement) int {
	switch {
	case s.Cue != nil:
		return doc.SentenceAt(s.Cue.Start)
	case s.Source != nil:
		return doc.SentenceAt(s.Source.Start)
	case len(s.Content) > 0:
		return doc.SentenceAt(s.Content[0].Start)
	}
	return -1
}

// sentenceText is sentence si with the contents of the speakers'
// statements in it blanked out.
func sentenceText(doc *whosaid.Doc, si int, sentOf []int) string {
	sent := doc.Sentences[si]
	b := []byte(doc.Str(sent.Span))
	for i, s := range doc.Statements {
		if s.Intermediary {
			continue
		}
		for _, c := range s.Content {
			lo, hi := max(c.Start, sent.Start), min(c.End, sent.End)
			for k := lo; k < hi; k++ {
				b[k-sent.Start] = ' '
			}
		}
		_ = i
	}
	return string(b)
}

// find reads the medium and the intermediary a text names.
func find(s string) prov {
	var p prov
	for _, m := range mediums {
		if m.re.MatchString(s) {
			p.medium = m.medium
			break
		}
	}
	if p.medium == "" && reToldInterviewer.MatchString(s) {
		p.medium = "interview"
	}
	if m := rePlatform.FindStringSubmatch(s); m != nil {
		platform := m[1] + m[2]
		if p.medium == "" || p.medium == "broadcast" {
			p.medium = "post"
		}
		p.medium += " on " + strings.Join(strings.Fields(platform), " ")
	}
	for _, c := range []struct {
		re     interface{ FindAllStringSubmatch(string, int) [][]string }
		outlet bool // the name must look like an outlet's
	}{{reInterviewWith, false}, {reTold, true}, {reAiredOn, true}, {reAccording, true}} {
		for _, m := range c.re.FindAllStringSubmatch(s, -1) {
			v := trimName(m[1])
			// An intermediary is named: "the message" names none.
			if v == "" || isPlatform(v) || strings.ToLower(v) == v {
				continue
			}
			if c.outlet && !outletLike(v) {
				continue
			}
			p.via = v
			break
		}
		if p.via != "" {
			break
		}
	}
	return p
}

// outletLike tells whether a name names an outlet or a carrier: it holds
// a media word ("Coast Radio", "the state channel") or opens with an
// acronym ("KTV", "WZX News").
func outletLike(v string) bool {
	if reOutletWord.MatchString(v) || reCarrier.MatchString(v) && strings.HasSuffix(strings.ToLower(reCarrier.FindString(v)), lastWord(v)) {
		return true
	}
	first := strings.Fields(v)[0]
	caps := 0
	for _, r := range first {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		caps++
	}
	return caps >= 2
}

func lastWord(v string) string {
	f := strings.Fields(strings.ToLower(v))
	return f[len(f)-1]
}

func isPlatform(v string) bool {
	return rePlatformName.MatchString(v)
}

// dateWords end a name: "told Coast Radio Friday" names Coast Radio.
var dateWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"today": true, "yesterday": true, "tonight": true}

// trimName drops a leading article, the words from a day or month name
// on, and trailing small words.
func trimName(v string) string {
	v = strings.TrimSpace(v)
	w := strings.Fields(v)
	for k, x := range w {
		if dateWords[strings.ToLower(strings.TrimRight(x, ".,;:"))] {
			v = strings.Join(w[:k], " ")
			break
		}
	}
	for _, p := range []string{"the ", "The "} {
		v = strings.TrimPrefix(v, p)
	}
	for {
		w := strings.Fields(v)
		if len(w) == 0 {
			return ""
		}
		switch strings.ToLower(w[len(w)-1]) {
		case "of", "the", "for", "al", "de", "la", "el":
			v = strings.Join(w[:len(w)-1], " ")
			continue
		}
		return strings.TrimRight(v, ".,;:")
	}
}
