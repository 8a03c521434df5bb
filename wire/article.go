package wire

import (
	"math"
	"time"

	"github.com/whosaid/whosaid"
)

// Article is an article: `extract` prints one per input article, `article`
// and the API one stored article.
type Article struct {
	Source string  `json:"source"`
	ID     string  `json:"id"`
	URL    *string `json:"url"`
	Title  *string `json:"title"`
	Outlet *string `json:"outlet"`
	Medium *string `json:"medium"` // "telegram" for a channel post
	Via    *string `json:"via"`    // the outlet it was taken from (a forward's origin)
	Byline *string `json:"byline"`
	// TitleFrom, OutletFrom and BylineFrom say where each was found
	// ("input record", "feed", "html", "text"); extract only (not stored).
	TitleFrom     string  `json:"title_from,omitempty"`
	OutletFrom    string  `json:"outlet_from,omitempty"`
	BylineFrom    string  `json:"byline_from,omitempty"`
	Published     *string `json:"published"`
	PublishedFrom *string `json:"published_from"`
	Charset       *string `json:"charset"`      // the input's character encoding ("utf-8", "windows-1252")
	CharsetFrom   *string `json:"charset_from"` // how it was known: valid UTF-8, declared, guessed, damaged bytes replaced
	Version       int     `json:"version,omitempty"`
	// DuplicateOf is the id of the earlier article this one is a reprint
	// or near copy of; null for an original.
	DuplicateOf *string     `json:"duplicate_of"`
	Text        string      `json:"text"`
	Statements  []Statement `json:"statements"`
	Speakers    []Speaker   `json:"speakers"`
	Errors      []string    `json:"errors,omitempty"`
}

// Statement is one statement: who (speaker, named in the text by source)
// said (cue) what (content), when.
type Statement struct {
	ID         string      `json:"id"`
	Article    string      `json:"article"`
	Kind       string      `json:"kind"`
	Speaker    *SpeakerRef `json:"speaker"`
	Source     *Span       `json:"source"`
	Cue        *Span       `json:"cue"`
	Content    *Span       `json:"content"`
	SaidOn     *string     `json:"said_on"`
	SaidOnFrom *string     `json:"said_on_from"`
	Confidence float64     `json:"confidence"`
	// Class is what the attribution reports (speech, thought, evidence,
	// intent, other), SourceType what kind of source it names; speech by
	// people and organisations is what outputs show unless asked for all.
	Class           string  `json:"class"`
	ClassConfidence float64 `json:"class_confidence"`
	SourceType      string  `json:"source_type"`
	// Cluster is the id of the statement's cluster across articles
	// (`whosaid cluster ID`), null when it is in none.
	Cluster *string `json:"cluster"`
	// Medium is how the statement was made or carried (interview, post,
	// statement, …), Via the intermediary the text names; null when the
	// text does not tell.
	Medium *string `json:"medium"`
	Via    *string `json:"via"`
}

// IsSpeech reports whether the statement is speech by a person or an
// organisation (whosaid.IsSpeech).
func (s *Statement) IsSpeech() bool {
	return whosaid.IsSpeech(whosaid.StatementClass(s.Class), whosaid.SourceType(s.SourceType))
}

// Confident is the article with only the statements whose confidence is
// at least min, and the speakers who still have one.
func (a Article) Confident(min float64) Article {
	return a.keep(func(st *Statement) bool { return st.Confidence >= min })
}

// SpeechOnly is the article with only its speech statements, and only
// the speakers who still have one: what extract shows without --all.
func (a Article) SpeechOnly() Article {
	return a.keep((*Statement).IsSpeech)
}

// keep is the article with the statements ok accepts and the speakers
// who still have one.
func (a Article) keep(ok func(*Statement) bool) Article {
	keep := a.Statements[:0:0]
	speaks := map[string]bool{}
	for _, st := range a.Statements {
		if !ok(&st) {
			continue
		}
		keep = append(keep, st)
		if st.Speaker != nil {
			speaks[st.Speaker.ID] = true
		}
	}
	a.Statements = keep
	speakers := a.Speakers[:0:0]
	for _, sp := range a.Speakers {
		if speaks[sp.ID] {
			speakers = append(speakers, sp)
		}
	}
	a.Speakers = speakers
	return a
}

// Hit is a statement outside its article (search results, export): the
// statement and its article's date, outlet, title, address and input.
type Hit struct {
	Statement
	Published *string `json:"published"`
	Outlet    *string `json:"outlet"`
	Title     *string `json:"title"`
	URL       *string `json:"url"`
	Input     *string `json:"input"`
	// DuplicateOf is the original its article copies; null for none.
	DuplicateOf *string  `json:"duplicate_of"`
	Score       *float64 `json:"score"`
}

// SpeakerRef names a statement's speaker.
type SpeakerRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// Span is a span of the article text: its text and code-point offsets.
// Fragments, on a content, are the pieces of a content interrupted by its
// reporting clause ("…," she said, "…").
type Span struct {
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Fragments [][2]int `json:"fragments,omitempty"`
}

// Speaker is one speaker of an article, with the words that name it there.
type Speaker struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Mentions []string `json:"mentions"`
	Roles    []string `json:"roles"`
}

// FromDoc is the Article of an annotated Doc.
func FromDoc(doc *whosaid.Doc) Article {
	a := Article{
		Source:        doc.Source,
		ID:            doc.ID,
		URL:           optional(doc.URL),
		Title:         optional(doc.Meta.Title),
		Outlet:        optional(doc.Meta.Outlet),
		Medium:        optional(doc.Medium),
		Via:           optional(doc.Via),
		Byline:        optional(doc.Meta.Byline),
		TitleFrom:     doc.Meta.TitleFrom,
		OutletFrom:    doc.Meta.OutletFrom,
		BylineFrom:    doc.Meta.BylineFrom,
		DuplicateOf:   optional(doc.DuplicateOf),
		PublishedFrom: optional(doc.Meta.PublishedFrom),
		Charset:       optional(doc.Meta.Charset),
		CharsetFrom:   optional(doc.Meta.CharsetFrom),
		Text:          doc.Text,
		Statements:    []Statement{},
		Speakers:      []Speaker{},
	}
	a.Published = formatTime(doc.Meta.Published, doc.Meta.PublishedClock)
	for i := range doc.Statements {
		a.Statements = append(a.Statements, statementOfDoc(doc, i))
	}
	for _, sp := range doc.Speakers {
		if !speaksIn(doc, sp.ID) {
			continue
		}
		out := Speaker{ID: sp.ID, Name: sp.Name, Type: string(sp.Type), Mentions: []string{}, Roles: nonNil(sp.Roles)}
		for _, e := range doc.Entities {
			if e.SpeakerID != sp.ID {
				continue
			}
			for _, m := range e.Mentions {
				out.Mentions = appendNew(out.Mentions, doc.Str(doc.Mentions[m].Span))
			}
			for _, src := range e.Sources {
				out.Mentions = appendNew(out.Mentions, doc.Str(src))
			}
		}
		a.Speakers = append(a.Speakers, out)
	}
	for _, e := range doc.Errors {
		a.Errors = append(a.Errors, e.Stage+": "+e.Err.Error())
	}
	return a
}

// speaksIn reports whether a statement of doc is by speaker id.
func speaksIn(doc *whosaid.Doc, id string) bool {
	for i := range doc.Statements {
		if sp := doc.SpeakerOf(i); sp != nil && sp.ID == id {
			return true
		}
	}
	return false
}

func statementOfDoc(doc *whosaid.Doc, i int) Statement {
	s := &doc.Statements[i]
	out := Statement{
		ID:         doc.StatementID(i),
		Article:    doc.ID,
		Kind:       string(s.Kind),
		Source:     spanOfDoc(doc, s.Source),
		Cue:        spanOfDoc(doc, s.Cue),
		SaidOnFrom: optional(s.SaidOnFrom),
		Confidence: round3(s.Confidence),
		SaidOn:     formatTime(s.SaidOn, false),

		Class:           string(s.Class),
		ClassConfidence: round3(s.ClassConfidence),
		SourceType:      string(s.SourceType),
		Cluster:         optional(s.Cluster),
		Medium:          optional(s.Medium),
		Via:             optional(s.Via),
	}
	if len(s.Content) > 0 {
		whole := s.ContentSpan()
		out.Content = spanOfDoc(doc, &whole)
		for _, f := range s.Content {
			out.Content.Fragments = append(out.Content.Fragments, [2]int{doc.Char(f.Start), doc.Char(f.End)})
		}
	}
	if sp := doc.SpeakerOf(i); sp != nil {
		out.Speaker = &SpeakerRef{ID: sp.ID, Name: sp.Name, Type: string(sp.Type)}
	}
	return out
}

func spanOfDoc(doc *whosaid.Doc, s *whosaid.Span) *Span {
	if s == nil {
		return nil
	}
	return &Span{Text: doc.Str(*s), Start: doc.Char(s.Start), End: doc.Char(s.End)}
}

// FromArticle is the Article of a stored article.
func FromArticle(a *whosaid.Article) Article {
	out := Article{
		Source:        a.Source,
		ID:            a.ID,
		URL:           optional(a.URL),
		Title:         optional(a.Title),
		Outlet:        optional(a.Outlet),
		Medium:        optional(a.Medium),
		Via:           optional(a.Via),
		Byline:        optional(a.Byline),
		Published:     formatTime(a.Published, a.PublishedClock),
		PublishedFrom: optional(a.PublishedFrom),
		Charset:       optional(a.Charset),
		CharsetFrom:   optional(a.CharsetFrom),
		Version:       a.Version,
		DuplicateOf:   optional(a.DuplicateOf),
		Text:          a.Text,
		Statements:    []Statement{},
		Speakers:      []Speaker{},
	}
	seen := map[string]int{}
	for _, h := range a.Statements {
		st := FromHit(h).Statement
		out.Statements = append(out.Statements, st)
		if st.Speaker == nil {
			continue
		}
		k, ok := seen[st.Speaker.ID]
		if !ok {
			k = len(out.Speakers)
			seen[st.Speaker.ID] = k
			out.Speakers = append(out.Speakers, Speaker{ID: st.Speaker.ID, Name: st.Speaker.Name, Type: st.Speaker.Type, Mentions: []string{}, Roles: []string{}})
		}
		if st.Source != nil {
			out.Speakers[k].Mentions = appendNew(out.Speakers[k].Mentions, st.Source.Text)
		}
	}
	return out
}

// FromHit is the Hit of a stored statement.
func FromHit(h whosaid.StatementHit) Hit {
	st := Statement{
		ID:         h.ID,
		Article:    h.ArticleID,
		Kind:       string(h.Kind),
		Source:     span(h.Source),
		Cue:        span(h.Cue),
		Content:    span(&h.Content),
		SaidOn:     formatTime(h.SaidOn, false),
		SaidOnFrom: optional(h.SaidOnFrom),
		Confidence: round3(h.Confidence),

		Class:           string(h.Class),
		ClassConfidence: round3(h.ClassConfidence),
		SourceType:      string(h.SourceType),
		Cluster:         optional(h.Cluster),
		Medium:          optional(h.Medium),
		Via:             optional(h.Via),
	}
	if len(h.Fragments) > 0 {
		st.Content.Fragments = h.Fragments
	}
	if h.Speaker != nil {
		st.Speaker = &SpeakerRef{ID: h.Speaker.ID, Name: h.Speaker.Name, Type: string(h.Speaker.Type)}
	}
	out := Hit{Statement: st, Published: formatTime(h.Published, h.PublishedClock), Outlet: optional(h.Outlet),
		Title: optional(h.Title), URL: optional(h.URL), Input: optional(h.InputSource), DuplicateOf: optional(h.DuplicateOf)}
	if h.Score != 0 {
		s := round3(h.Score)
		out.Score = &s
	}
	return out
}

func span(t *whosaid.TextSpan) *Span {
	if t == nil {
		return nil
	}
	return &Span{Text: t.Text, Start: t.Start, End: t.End}
}

// FormatTime writes a date, or a date and time when clock is set: RFC 3339,
// without an offset when the text gave no zone (whosaid.Unzoned).
func FormatTime(t time.Time, clock bool) string {
	if clock && t.Location() == whosaid.Unzoned {
		return t.Format("2006-01-02T15:04:05")
	}
	if clock {
		return t.Format(time.RFC3339)
	}
	return t.Format("2006-01-02")
}

func formatTime(t *time.Time, clock bool) *string {
	if t == nil {
		return nil
	}
	s := FormatTime(*t, clock)
	return &s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func appendNew(dst []string, s string) []string {
	for _, d := range dst {
		if d == s {
			return dst
		}
	}
	return append(dst, s)
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
