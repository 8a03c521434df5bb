package whosaid

import "context"

// Layer names one kind of annotation a Doc carries.
type Layer string

const (
	LayerRaw        Layer = "raw"        // Raw and MediaType, set by ingest
	LayerText       Layer = "text"       // Text, set by clean
	LayerMeta       Layer = "meta"       // Meta, set by clean
	LayerParagraphs Layer = "paragraphs" // Paragraphs
	LayerSentences  Layer = "sentences"  // Sentences
	LayerTokens     Layer = "tokens"     // Tokens (without syntax)
	LayerPOS        Layer = "pos"        // Token.POS
	LayerDeps       Layer = "deps"       // Token.Head and Token.Dep
	LayerQuotes     Layer = "quotes"     // Quotes
	LayerMentions   Layer = "mentions"   // Mentions
	LayerRules      Layer = "rules"      // RuleStatements
	LayerStatements Layer = "statements" // Statements
	LayerEntities   Layer = "entities"   // Entities, Mention.Entity and Statement.Entity
	LayerClasses    Layer = "classes"    // Statement.Class, ClassConfidence and SourceType
	LayerDates      Layer = "dates"      // Statement.SaidOn
	LayerCarriers   Layer = "carriers"   // Statement.Intermediary
	LayerProvenance Layer = "provenance" // Statement.Medium and Via
	LayerSpeakers   Layer = "speakers"   // Speakers and Entity.SpeakerID, set by a Linker
)

// Stage is one step of the pipeline. It declares the layers it needs and
// the ones it adds, so a pipeline can refuse an order in which a stage
// would read a layer nobody wrote yet.
type Stage interface {
	Name() string
	Requires() []Layer
	Assigns() []Layer
	// Process annotates doc in place. An error concerns this doc only.
	Process(ctx context.Context, doc *Doc) error
}

// Linker gives an article's entities their identity across articles: it
// reads the Doc's Entities, finds or records each speaker in the index,
// and sets Entity.SpeakerID and Doc.Speakers (LayerSpeakers). The same
// person gets the same ID in every article linked through one index.
type Linker interface {
	Link(ctx context.Context, ix SpeakerIndex, doc *Doc) error
}
