package whosaid

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"
)

// Doc is one article on its way through the pipeline. Ingest fills the
// input fields (Source, Raw, RawSHA256, MediaType, hints), clean sets Text
// (and with it ID) and Meta, and each later stage adds its own layer. A
// stage reads the layers earlier stages wrote and never rewrites them;
// Text is read-only once set, so every Span stays valid.
type Doc struct {
	// ID identifies the article by what it says and where: a hash of the
	// cleaned Text and the URL (when known), set by SetText. The same page
	// read twice, or with other markup or chrome around the same text, has
	// the same ID; the same story at two addresses (a reprint) is two
	// articles. Empty until the text is set.
	ID string
	// RawSHA256 is the SHA-256 (hex) of Raw as read: the identity of the
	// raw copy, known before cleaning.
	RawSHA256 string
	// Source is where the article came from, as given: a path, "-", or a
	// path plus a record locator inside an archive.
	Source string
	// URL of the article, when known (HTML canonical link, WARC target, feed link).
	URL string
	// Raw is the input as read (after decompression), MediaType what it was
	// recognised as: MediaText or MediaHTML.
	Raw       []byte
	MediaType string
	// Hints carried by the input itself: a crawl time and a publication
	// date given by a feed or a JSONL record. Either may be nil.
	Fetched       *time.Time
	PublishedHint *time.Time
	// OutletHint names the outlet when the input says it (a feed's title).
	OutletHint string
	// Given is the metadata the input states in fields of its own (a
	// JSONL record's title, outlet, author and publication date). Unlike
	// the hints above, which only fill what cleaning leaves empty, a given
	// field wins over what cleaning reads from the page.
	Given Given
	// Medium is how the article was published when the input says it
	// (MediumTelegram for a channel post; "" for the web and files).
	// Via names the outlet it was taken from when the input says so (the
	// channel a post was forwarded from). Both are kept with the article.
	Medium string
	Via    string
	// AsOf is a reference date given by the user for relative dates
	// ("30 days ago"); it wins over Fetched.
	AsOf *time.Time

	Meta Meta
	Text string

	Paragraphs []Span
	Sentences  []Sentence
	Tokens     []Token
	Quotes     []Quote
	Mentions   []Mention
	// RuleStatements are the statements the attribution rules find; the
	// learned tagger reads them to fill in what it misses.
	RuleStatements []Statement
	Statements     []Statement
	Entities       []Entity
	// Speakers are the article's speakers as the cross-article linker
	// identified them: Entity.SpeakerID points into it.
	Speakers []Speaker
	// DuplicateOf is the id of the earlier article this one is a reprint
	// or near copy of, as the duplicate index knew when the article was
	// linked ("" for an original); set by the job, not by a stage, since
	// it is decided across articles.
	DuplicateOf string

	// Warnings are what a stage repaired or guessed in the input (bytes
	// that were not UTF-8 replaced, a charset guessed): the article goes
	// on, and the user is told, naming the input.
	Warnings []string

	// Errors records what went wrong in which stage. A failing stage does
	// not stop the others unless the pipeline is told to fail fast.
	Errors []StageError

	offsets *offsetIndex
}

// Given is article metadata stated by the input record itself; zero
// fields are not given.
type Given struct {
	Title, Outlet, Byline string
	Published             *time.Time
	// PublishedClock tells whether Published has a time of day.
	PublishedClock bool
}

// MediumTelegram is the Medium of a post in a Telegram channel.
const MediumTelegram = "telegram"

// Media types whosaid recognises.
const (
	MediaText = "text/plain"
	MediaHTML = "text/html"
)

// Meta is what is known about the article besides its text.
type Meta struct {
	Title  string
	Outlet string
	Byline string
	// TitleFrom, OutletFrom and BylineFrom say where each was found:
	// "input record" (Doc.Given), "feed" (Doc.OutletHint), "html" (the
	// page's markup), "text" (read from the plain text: a headline line,
	// a byline, a dateline). Empty when the field is empty.
	TitleFrom, OutletFrom, BylineFrom string
	// Published is the publication date; nil when the input does not give
	// it. PublishedClock tells whether the time of day is known too.
	Published      *time.Time
	PublishedClock bool
	// PublishedFrom says how Published was found, e.g. "byline", "dateline",
	// "date line", "html meta", "relative to --as-of", "feed item".
	PublishedFrom string
	Language      string
	// Charset is the character encoding the input was read in ("utf-8",
	// "windows-1252"), CharsetFrom how it was known: valid UTF-8, a
	// byte-order mark, the page's declaration, damaged UTF-8 with bytes
	// replaced, or a detector's guess (only for bytes that are not UTF-8).
	Charset, CharsetFrom string
}

// Sentence is a sentence of Text with the range of its tokens in Doc.Tokens.
type Sentence struct {
	Span
	FirstToken, EndToken int // Doc.Tokens[FirstToken:EndToken]
	Paragraph            int // index into Doc.Paragraphs
}

// Token is a word or punctuation mark. Head is an index into Doc.Tokens
// (-1 for the root of its sentence); POS, Head and Dep are set by the
// syntax stage when it runs.
type Token struct {
	Span
	POS  string
	Head int
	Dep  string
}

// Quote is a stretch of text between quotation marks. Open or Close is
// false when the mark on that side is missing (an unbalanced quote); the
// span then ends at the paragraph's end or starts at its beginning.
type Quote struct {
	Span       // inner text, without the marks
	Outer Span // with the marks
	Open  bool
	Close bool
	// Continues is set when the quotation goes on in the next paragraph
	// (the paragraph ends without a closing mark and the next one opens
	// with a mark, the news convention for long quotations).
	Continues bool
	Nested    int // depth: 0 for top-level quotes
}

// StageError is an error one stage met on one Doc.
type StageError struct {
	Stage string
	Err   error
}

// Char returns the code-point offset of byte offset b in Text.
func (d *Doc) Char(b int) int {
	if d.offsets == nil || d.offsets.text != d.Text {
		return slowChar(d.Text, b) // Text set without SetText
	}
	return d.offsets.char(b)
}

// Byte returns the byte offset of code-point offset r in Text.
func (d *Doc) Byte(r int) int {
	if d.offsets == nil || d.offsets.text != d.Text {
		return slowByte(d.Text, r)
	}
	return d.offsets.byteOf(r)
}

// SetText sets the article body and, from it and URL, the ID; set URL
// first. It is the only way to change Text: it builds the offset index
// (read-only after, so a Doc can be read from several goroutines) and
// drops every layer, since their spans pointed into the old text.
func (d *Doc) SetText(text string) {
	d.Text = text
	d.ID = ContentID(d.URL, text)
	d.offsets = newOffsetIndex(text)
	d.Paragraphs, d.Sentences, d.Tokens, d.Quotes = nil, nil, nil, nil
	d.Mentions, d.RuleStatements, d.Statements, d.Entities, d.Speakers = nil, nil, nil, nil, nil
}

// ContentID is the article id of a text at a URL ("" when unknown): the
// first 16 hex digits of a SHA-256 over both.
func ContentID(url, text string) string {
	h := sha256.New()
	h.Write([]byte(url))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// RawSHA256 is the identity of input bytes: their SHA-256 in hex.
func RawSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// StatementID is the stable id of statement i: the article id and the
// statement's position in the article.
func (d *Doc) StatementID(i int) string { return d.ID + "-" + strconv.Itoa(i+1) }

// SpeakerOf returns the speaker of statement i, or nil when the statement
// has no linked speaker.
func (d *Doc) SpeakerOf(i int) *Speaker {
	s := &d.Statements[i]
	if s.Entity < 0 || s.Entity >= len(d.Entities) {
		return nil
	}
	id := d.Entities[s.Entity].SpeakerID
	if id == "" {
		return nil
	}
	for k := range d.Speakers {
		if d.Speakers[k].ID == id {
			return &d.Speakers[k]
		}
	}
	return nil
}

// Str returns the text a span covers.
func (d *Doc) Str(s Span) string { return s.In(d.Text) }

// Failed reports whether any stage recorded an error on the Doc.
func (d *Doc) Failed() bool { return len(d.Errors) > 0 }

// SentenceAt returns the index of the sentence containing byte offset b, or -1.
func (d *Doc) SentenceAt(b int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= b {
		return lo
	}
	return -1
}

// TokenAt returns the index of the token containing byte offset b, or -1.
func (d *Doc) TokenAt(b int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Tokens) && d.Tokens[lo].Start <= b {
		return lo
	}
	return -1
}

// Unzoned is the location of a time of day read from text that gives no
// time zone ("Wednesday 2 June 2021 - 09:08"): outputs write such a time
// without an offset rather than claim UTC.
var Unzoned = time.FixedZone("", 0)
