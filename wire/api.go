package wire

import "github.com/whosaid/whosaid"

// Page is one page of a listing (statements, speakers) and the cursor of
// the next one, null after the last page: give it back as ?cursor=.
type Page[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next"`
}

// PageOf is the Page of a store page, its items converted by conv.
func PageOf[S, T any](p whosaid.Page[S], conv func(S) T) Page[T] {
	out := Page[T]{Items: make([]T, 0, len(p.Items)), Next: optional(p.Next)}
	for _, x := range p.Items {
		out.Items = append(out.Items, conv(x))
	}
	return out
}

// CoMention is a speaker named in the same articles as another: in how
// many articles (versions of one URL count once) and how often.
type CoMention struct {
	Speaker  SpeakerRef `json:"speaker"`
	Articles int        `json:"articles"`
	Mentions int        `json:"mentions"`
}

// FromCoMention is the CoMention of a store's answer.
func FromCoMention(c whosaid.CoMention) CoMention {
	return CoMention{Speaker: SpeakerRef{ID: c.Speaker.ID, Name: c.Speaker.Name, Type: string(c.Speaker.Type)},
		Articles: c.Articles, Mentions: c.Mentions}
}

// IngestRecord is what became of one record of an ingest request: its
// place in the input, "stored" (a new article or version), "known" (stored
// before) or "failed" with the reason.
type IngestRecord struct {
	Input      string  `json:"input"`
	Status     string  `json:"status"`
	Article    *string `json:"article"`
	Version    int     `json:"version,omitempty"`
	Statements int     `json:"statements"`
	Error      *string `json:"error"`
}

// Ingest record statuses.
const (
	IngestStored = "stored"
	IngestKnown  = "known"
	IngestFailed = "failed"
)

// IngestReport is the answer to an ingest request: counts, then one
// record per input record, in input order.
type IngestReport struct {
	Stored  int            `json:"stored"`
	Known   int            `json:"known"`
	Failed  int            `json:"failed"`
	Records []IngestRecord `json:"records"`
}
