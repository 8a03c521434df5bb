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
	// Score is the attribution stage's own measure of the statement (a
	// rule's strength, the tagger's), read by the calibration.
	Score float64
	// Confidence is the probability, calibrated on annotated news, that
	// the statement is an attribution with this content: of statements
	// at 0.8, about eight in ten are. Set by the classify stage
	// (LayerClasses), so a threshold (--min-confidence) filters.
	Confidence float64
	// Class is what the attribution reports (speech, a thought, evidence,
	// an intention, an action), ClassConfidence how sure the classifier
	// is, and SourceType what kind of source it names. Set by the
	// classify stage (LayerClasses); empty before it runs.
	Class           StatementClass
	ClassConfidence float64
	SourceType      SourceType
	// Cluster is the id of the statement's cluster across articles (the
	// same statement as other reports carry it), set by a Clusterer
	// after linking; "" for statements not clustered (no speaker, not
	// speech).
	Cluster string
	// Medium is how the statement was made or carried (MediumInterview,
	// MediumPost, …) and Via the intermediary the text names ("told the
	// Coast Radio" → "the Coast Radio"): an outlet, channel or platform
	// that carried the words, never their speaker. Set by the provenance
	// stage (LayerProvenance); "" when the text does not tell.
	Medium, Via string
	// Intermediary is set when the source names a carrier of someone
	// else's words, not their speaker ("according to the state channel",
	// "according to the message"): identity gives such a statement no
	// speaker. Set by the carriers stage (LayerCarriers), before identity.
	Intermediary bool
}

// StatementClass is what an attribution reports. PolNeAR-style corpora
// annotate every class; a reader asking "who said what" wants speech.
type StatementClass string

const (
	// ClassSpeech: words said or written (said, told, announced, wrote,
	// posted, "according to").
	ClassSpeech StatementClass = "speech"
	// ClassThought: a belief, hope, expectation or knowledge (believes,
	// thinks, hopes, is expected).
	ClassThought StatementClass = "thought"
	// ClassEvidence: what a document, data or perception shows (the report
	// found, the data suggests, she saw).
	ClassEvidence StatementClass = "evidence"
	// ClassIntent: a commitment or refusal to act (pledged to, refused to).
	ClassIntent StatementClass = "intent"
	// ClassOther: an action or event read as an attribution (voted
	// against, added 0.4 per cent), something not said (did not say), a
	// caption.
	ClassOther StatementClass = "other"
)

// SourceType is what kind of source an attribution names.
type SourceType string

const (
	SourcePerson       SourceType = "person"       // a named or described person, "he"
	SourceOrganization SourceType = "organization" // a named organisation, "the ministry"
	SourceGroup        SourceType = "group"        // people in the plural: "officials", "experts", "they"
	SourceDocument     SourceType = "document"     // "the report", "a statement", "the data"
	SourceAnonymous    SourceType = "anonymous"    // "a source close to the talks", "one official"
	SourceAuthor       SourceType = "author"       // the writer's own "I"/"we" outside quotations
	SourceThing        SourceType = "thing"        // anything else: "the move", "the index"
	SourceNone         SourceType = "none"         // no source in the text
)

// IsSpeech reports whether a statement of this class from this kind of
// source is something said by a person or an organisation: what
// extract, search and export show by default (the rest answer with
// --all). An unclassified statement (Class "") counts as speech, so
// stores and outputs written before classes keep answering. The
// author's own "I think" is not a statement of the article's speakers.
func IsSpeech(c StatementClass, t SourceType) bool {
	if c != "" && c != ClassSpeech {
		return false
	}
	return t != SourceAuthor
}

// IsSpeech reports whether the statement is speech (see IsSpeech).
func (s *Statement) IsSpeech() bool { return IsSpeech(s.Class, s.SourceType) }

// ContentSpan is the whole content, from its first fragment to its last.
func (s *Statement) ContentSpan() Span {
	if len(s.Content) == 0 {
		return Span{}
	}
	return Span{s.Content[0].Start, s.Content[len(s.Content)-1].End}
}
