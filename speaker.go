package whosaid

// MentionKind is the grammatical form of a mention.
type MentionKind string

const (
	MentionName      MentionKind = "name"      // "Karim al-Hadidi", "Hadidi"
	MentionPronoun   MentionKind = "pronoun"   // "he", "they", "I"
	MentionNominal   MentionKind = "nominal"   // "the resistance leader", "the ministry"
	MentionHonorific MentionKind = "honorific" // "His Eminence", "the Sheikh"
)

// EntityType is what kind of speaker an entity is.
type EntityType string

const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	UnknownType  EntityType = "unknown"
)

// Gender of a person mention, as far as the text tells.
type Gender string

const (
	Male     Gender = "male"
	Female   Gender = "female"
	Neuter   Gender = "neuter" // "it": organisations, things
	NoGender Gender = ""
)

// Mention is a reference to a possible speaker in the text.
type Mention struct {
	Span
	Kind   MentionKind
	Type   EntityType
	Gender Gender
	Plural bool
	// Person is 1, 2 or 3 for pronouns, 3 for everything else.
	Person int
	// Name is the mention's proper name with titles and honorifics removed
	// ("Karim Hadidi" for "Sheikh Karim Hadidi"); empty for pronouns and
	// nominals.
	Name string
	// Titles are the honorifics and titles attached to the mention ("Sheikh",
	// "President").
	Titles []string
	// Role is a role description given with or as the mention ("leader of
	// the Harbour Union", "union leader").
	Role string
	// Head is the part of the span that names the referent: the name
	// without a preceding role ("Karim al-Hadidi" in "resistance leader Karim
	// al-Hadidi"), the role noun of a nominal ("leader").
	Head Span
	// Apposition is the index in Doc.Mentions of a mention standing in
	// apposition to this one ("Hadidi, the leader of …,"), -1 if none.
	Apposition int
	// Relative is set for relative pronouns ("who"), which refer to the
	// noun phrase right before them.
	Relative bool
	// Entity is the index into Doc.Entities this mention was resolved to,
	// -1 while unresolved.
	Entity int
}

// Entity is one person or organisation within an article: a cluster of
// mentions that refer to it.
type Entity struct {
	// Name is the fullest proper name seen in the article.
	Name     string
	Type     EntityType
	Gender   Gender
	Mentions []int // indices into Doc.Mentions
	// Sources are statement sources the mention detector did not find
	// ("a source close to the talks") that refer to this entity.
	Sources []Span
	Titles  []string
	Roles   []string
	// SpeakerID is the identity across articles, set by the linker.
	SpeakerID string
	// Why records each merge made into this entity and the rule that made it.
	Why []string
}

// Speaker is a person or organisation across articles.
type Speaker struct {
	ID       string
	Name     string
	Type     EntityType
	Variants []string // every name form seen
	Roles    []string
	Why      []string
}
