package whosaid

import "time"

// StatementKind tells how a statement is reported.
type StatementKind string

const (
	// Direct: the content is a quotation ("…," he said).
	Direct StatementKind = "direct"
	// Indirect: reported speech without quotation marks (he said that …).
	Indirect StatementKind = "indirect"
	// Mixed: reported speech with a quoted piece (he called it "a war").
	Mixed StatementKind = "mixed"
)

// Statement is one attribution: who (Source) said (Cue) what (Content).
type Statement struct {
	Kind StatementKind
	// Source is the mention naming the speaker in this sentence ("he",
	// "the ministry", "Hadidi"); nil when the text gives none ("it was
	// reported that …").
	Source *Span
	// Cue is the reporting expression ("said", "pointing out", "according to").
	Cue *Span
	// Content holds the fragments of what was said, in text order: more
	// than one when the content is interrupted ("…," he said, "…").
	Content []Span
	// Mention is the index of the source mention in Doc.Mentions, -1 if none.
	Mention int
	// Entity is the index in Doc.Entities of the speaker the source refers
	// to, -1 when unresolved.
	Entity int
	// SaidOn is when the statement was made, when the text tells;
	// SaidOnFrom is the phrase it was read from.
	SaidOn     *time.Time
	SaidOnFrom string
	Confidence float64
}

// ContentSpan is the whole content, from its first fragment to its last.
func (s *Statement) ContentSpan() Span {
	if len(s.Content) == 0 {
		return Span{}
	}
	return Span{s.Content[0].Start, s.Content[len(s.Content)-1].End}
}
