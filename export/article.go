package export

import (
	"strconv"
	"time"

	"github.com/whosaid/whosaid"
)

// Article is the JSON shape of one article in `whosaid extract` output.
type Article struct {
	Source        string      `json:"source"`
	ID            string      `json:"id"`
	URL           string      `json:"url,omitempty"`
	Title         string      `json:"title"`
	Outlet        *string     `json:"outlet"`
	Byline        *string     `json:"byline"`
	Published     *string     `json:"published"`
	PublishedFrom string      `json:"published_from"`
	Text          string      `json:"text"`
	Statements    []Statement `json:"statements"`
	Speakers      []Speaker   `json:"speakers"`
	Errors        []string    `json:"errors,omitempty"`
}

// Statement is the JSON shape of one statement.
type Statement struct {
	ID         string      `json:"id"`
	Kind       string      `json:"kind"`
	Speaker    *SpeakerRef `json:"speaker"`
	Source     *TextSpan   `json:"source"`
	Cue        *TextSpan   `json:"cue"`
	Content    *TextSpan   `json:"content"`
	SaidOn     *string     `json:"said_on"`
	SaidOnFrom string      `json:"said_on_from,omitempty"`
	Confidence float64     `json:"confidence"`
}

// SpeakerRef names the speaker of a statement.
type SpeakerRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
}

// TextSpan is a span of the article text in code points, end exclusive.
type TextSpan struct {
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Fragments [][2]int `json:"fragments,omitempty"`
}

// Speaker is one speaker of the article with the mentions naming it.
type Speaker struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type,omitempty"`
	Mentions []string `json:"mentions"`
	Roles    []string `json:"roles,omitempty"`
}

// FromDoc builds the output shape of doc.
func FromDoc(doc *whosaid.Doc) Article {
	a := Article{
		Source:        doc.Source,
		ID:            doc.ID,
		URL:           doc.URL,
		Title:         doc.Meta.Title,
		Outlet:        optional(doc.Meta.Outlet),
		Byline:        optional(doc.Meta.Byline),
		PublishedFrom: doc.Meta.PublishedFrom,
		Text:          doc.Text,
		Statements:    []Statement{},
		Speakers:      []Speaker{},
	}
	if doc.Meta.Published != nil {
		s := formatDate(*doc.Meta.Published, doc.Meta.PublishedClock)
		a.Published = &s
	}
	for i := range doc.Statements {
		a.Statements = append(a.Statements, statement(doc, i))
	}
	for _, e := range doc.Entities {
		if e.SpeakerID == "" || !speaks(doc, e) {
			continue
		}
		sp := Speaker{ID: e.SpeakerID, Name: e.Name, Type: string(e.Type), Mentions: []string{}, Roles: e.Roles}
		seen := map[string]bool{}
		for _, m := range e.Mentions {
			t := doc.Str(doc.Mentions[m].Span)
			if !seen[t] {
				seen[t] = true
				sp.Mentions = append(sp.Mentions, t)
			}
		}
		a.Speakers = append(a.Speakers, sp)
	}
	for _, e := range doc.Errors {
		a.Errors = append(a.Errors, e.Stage+": "+e.Err.Error())
	}
	return a
}

// speaks reports whether any statement of doc is attributed to e.
func speaks(doc *whosaid.Doc, e whosaid.Entity) bool {
	for _, s := range doc.Statements {
		if s.Entity >= 0 && s.Entity < len(doc.Entities) && doc.Entities[s.Entity].SpeakerID == e.SpeakerID {
			return true
		}
	}
	return false
}

func statement(doc *whosaid.Doc, i int) Statement {
	s := &doc.Statements[i]
	out := Statement{
		ID:         StatementID(doc, i),
		Kind:       string(s.Kind),
		Source:     textSpan(doc, s.Source),
		Cue:        textSpan(doc, s.Cue),
		SaidOnFrom: s.SaidOnFrom,
		Confidence: round3(s.Confidence),
	}
	if len(s.Content) > 0 {
		whole := s.ContentSpan()
		out.Content = textSpan(doc, &whole)
		for _, f := range s.Content {
			out.Content.Fragments = append(out.Content.Fragments, [2]int{doc.Char(f.Start), doc.Char(f.End)})
		}
	}
	if s.Entity >= 0 && s.Entity < len(doc.Entities) {
		e := doc.Entities[s.Entity]
		if e.SpeakerID != "" {
			out.Speaker = &SpeakerRef{ID: e.SpeakerID, Name: e.Name, Type: string(e.Type)}
		}
	}
	if s.SaidOn != nil {
		d := s.SaidOn.Format("2006-01-02")
		out.SaidOn = &d
	}
	return out
}

// StatementID is a stable identifier of statement i of doc: the article id
// and the statement's position in the text.
func StatementID(doc *whosaid.Doc, i int) string {
	return doc.ID + "-" + strconv.Itoa(i+1)
}

func textSpan(doc *whosaid.Doc, s *whosaid.Span) *TextSpan {
	if s == nil {
		return nil
	}
	return &TextSpan{Text: doc.Str(*s), Start: doc.Char(s.Start), End: doc.Char(s.End)}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func formatDate(t time.Time, clock bool) string {
	if clock && t.Location() == whosaid.Unzoned {
		return t.Format("2006-01-02T15:04:05")
	}
	if clock {
		return t.Format(time.RFC3339)
	}
	return t.Format("2006-01-02")
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
