package storetest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/whosaid/whosaid"
)

// Articles are the suite's articles, written for it (invented people and
// outlets). testdata/docs.json holds them annotated by the pipeline — a
// fixture, so the suite tests stores, not the NLP — and is rewritten from
// these texts by `go test ./store/storetest -update`.
//
// a2v2.txt is a changed version of a2.txt at the same URL; a4.txt names
// a namesake of a2's minister (same family name, other given name), and
// after being called "Kaya" in a2 the minister must not absorb him.
var Articles = []struct{ Name, Text string }{
	{"a1.txt", `Harbour Strike Ends After Pay Deal
By Staff Reporter - March 4 2024

Daily Harbour / The head of the dockworkers' union, Yusuf Demirel, said on Monday that the strike would end once wages were paid.

"We have waited four months," Demirel told reporters at the port gates.
`},
	{"a2.txt", `Minister Rejects Union Demands
By Desk - March 6 2024

Evening Ledger / Transport Minister Aylin Kaya said the government would not negotiate under pressure. Kaya added that the ports would reopen.

Union leader Yusuf Demirell warned that the ports would stay closed.
`},
	{"a3.txt", `Court Delays Ruling on Port Contract
By Desk - April 2 2024

Daily Harbour / Judge Marta Kaya said the court needed more time to review the port contract.
`},
	{"a4.txt", `Deputy Demands Inquiry
By Desk - April 9 2024

Evening Ledger / Opposition deputy Mehmet Kaya said the port contract had been signed behind closed doors.
`},
	{"a2v2.txt", `Minister Rejects Union Demands
By Desk - March 6 2024

Evening Ledger / Transport Minister Aylin Kaya said the government would never negotiate under pressure. Kaya added that the ports would reopen.

Union leader Yusuf Demirell warned that the ports would stay closed.
`},
}

// URL is the address of a suite article: a2 and a2v2 share one.
func URL(name string) string {
	return "https://news.example/" + strings.Replace(name, "v2", "", 1)
}

//go:embed testdata/docs.json
var docsJSON []byte

// fixtureDoc is a Doc as the fixture file holds it: its input fields and
// annotation layers (no links: the suite links through the store).
type fixtureDoc struct {
	Source, URL, RawSHA256, MediaType string
	Raw                               []byte
	Meta                              whosaid.Meta
	Text                              string
	Paragraphs                        []whosaid.Span
	Sentences                         []whosaid.Sentence
	Tokens                            []whosaid.Token
	Quotes                            []whosaid.Quote
	Mentions                          []whosaid.Mention
	Statements                        []whosaid.Statement
	Entities                          []whosaid.Entity
}

// EncodeFixture writes annotated docs in the fixture format.
func EncodeFixture(docs []*whosaid.Doc) ([]byte, error) {
	var out []fixtureDoc
	for _, d := range docs {
		entities := make([]whosaid.Entity, len(d.Entities))
		for i, e := range d.Entities {
			e.SpeakerID = ""
			entities[i] = e
		}
		out = append(out, fixtureDoc{Source: d.Source, URL: d.URL, RawSHA256: d.RawSHA256, MediaType: d.MediaType, Raw: d.Raw,
			Meta: d.Meta, Text: d.Text, Paragraphs: d.Paragraphs, Sentences: d.Sentences, Tokens: d.Tokens, Quotes: d.Quotes,
			Mentions: d.Mentions, Statements: d.Statements, Entities: entities})
	}
	return json.MarshalIndent(out, "", " ")
}

// Docs returns the fixture's annotated docs, fresh copies each call, by
// name (the Articles' names).
func Docs() (map[string]*whosaid.Doc, error) {
	var fs []fixtureDoc
	if err := json.Unmarshal(docsJSON, &fs); err != nil {
		return nil, fmt.Errorf("storetest fixture: %w", err)
	}
	out := map[string]*whosaid.Doc{}
	for _, f := range fs {
		d := &whosaid.Doc{Source: f.Source, URL: f.URL, RawSHA256: f.RawSHA256, MediaType: f.MediaType, Raw: f.Raw, Meta: f.Meta}
		d.SetText(f.Text)
		d.Paragraphs, d.Sentences, d.Tokens, d.Quotes = f.Paragraphs, f.Sentences, f.Tokens, f.Quotes
		d.Mentions, d.Statements, d.Entities = f.Mentions, f.Statements, f.Entities
		out[filepath.Base(f.Source)] = d
	}
	if len(out) != len(Articles) {
		return nil, fmt.Errorf("storetest fixture holds %d docs, want %d: run go test ./store/storetest -update", len(out), len(Articles))
	}
	return out, nil
}

// testdataDir is storetest's testdata folder in the source tree, where
// -update writes.
func testdataDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "testdata")
}
