package identity_test

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/pipeline"
	"github.com/whosaid/whosaid/pipeline/pipelinetest"
)

// speakerOf returns the speaker name of the shortest statement whose
// content holds piece: "?" when it has no speaker, "" when no statement
// holds it.
func speakerOf(d *whosaid.Doc, piece string) string {
	best, bestLen := "", -1
	for _, s := range d.Statements {
		var text strings.Builder
		for _, c := range s.Content {
			text.WriteString(d.Str(c))
			text.WriteString(" ")
		}
		if !strings.Contains(text.String(), piece) || bestLen >= 0 && text.Len() >= bestLen {
			continue
		}
		bestLen = text.Len()
		best = "?"
		if s.Entity >= 0 {
			best = d.Entities[s.Entity].Name
		}
	}
	return best
}

type speakerCase struct {
	name string
	text string
	// want maps a piece of a statement's content to its speaker's name
	// ("?" for no speaker).
	want map[string]string
}

// runSpeakerCases checks each case with the default pipeline (the
// learned tagger finds the statements; the rules' subject finding sees
// fewer source phrases, so their cases are in resolve_test.go).
func runSpeakerCases(t *testing.T, cases []speakerCase) {
	t.Helper()
	for _, method := range []string{pipeline.AttribModel} {
		for _, c := range cases {
			t.Run(method+"/"+c.name, func(t *testing.T) {
				d := pipelinetest.Annotate(t, c.text, whosaid.LayerEntities, pipeline.Options{Attribution: method})
				for piece, want := range c.want {
					got := speakerOf(d, piece)
					if got == "" {
						t.Logf("no statement holds %q (not a speaker error)", piece)
						continue
					}
					if got != want {
						t.Errorf("%q: speaker %q, want %q", piece, got, want)
						for _, e := range d.Entities {
							t.Logf("entity %s %s %v", e.Name, e.Type, e.Why)
						}
					}
				}
			})
		}
	}
}

// The head of the source noun phrase speaks, not a name inside its
// apposition, relative clause or title.
func TestSpeakerIsTheHeadOfTheSource(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"appositive with an institution",
			"Mara Quill, a professor of botany at the University of Westmarch, said the frost had come early this year.",
			map[string]string{"the frost had come early": "Mara Quill"}},
		{"title before the name and a place after it",
			"Atmospheric chemist Dan Orrin at the Eastfield Institute says the readings are clear.",
			map[string]string{"the readings are clear": "Dan Orrin"}},
		{"relative clause naming another person",
			"Lena Brook, who played with Tomas Vey for a decade, said the team was ready for the final.",
			map[string]string{"the team was ready": "Lena Brook"}},
		{"organizer at a union",
			"Jo Finch, an organizer at the Harbour Workers Union, said the strike would go on until spring.",
			map[string]string{"the strike would go on": "Jo Finch"}},
		{"a place before the role and the name",
			"In the town, Dunmore carpenter Pavel Ostrow said the new rules will cost him work.",
			map[string]string{"the new rules will cost": "Pavel Ostrow"}},
		{"the name after its role and a comma",
			"The agency's chief planner, Ines Carvalho, said the new line would open in May.",
			map[string]string{"the new line would open": "Ines Carvalho"}},
	})
}

// A pronoun refers to the speaker of the passage, not to a person named
// inside what was reported, nor to a place or an organisation.
func TestPronounPrefersTheSpeaker(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"a name inside the reported content",
			"Nora Lindqvist said Hal Brenner would be a strong candidate for the post.\n\nShe said the two had met in the spring to talk about the budget.\n\nBrenner said he had not decided.",
			map[string]string{"the two had met": "Nora Lindqvist"}},
		{"a given name tells the gender",
			"Nora Lindqvist said the count was fair, and Hal Brenner said the vote was close.\n\n“We counted every ballot twice,” she said.",
			map[string]string{"We counted every ballot twice": "Nora Lindqvist"}},
		{"not a family",
			"Ada Moreno and her husband adopted a boy in 2017. The Morenos said the wait had been long.\n\n“We will keep waiting for him,” she said.",
			map[string]string{"We will keep waiting": "Ada Moreno"}},
		{"a source the detector missed is a name",
			"Talbot Rivers, a former fire chief, is weighing a run for council.\n\nRivers said he is a long way from deciding.\n\nHe said the town needs a new station.",
			map[string]string{"a long way from deciding": "Talbot Rivers", "the town needs a new station": "Talbot Rivers"}},
		{"the current speaker after a long aside",
			"Aldo Ferrante said the port would stay open through the winter.\n\nThe port handles most of the region's grain. Its cranes were built in 1970. Two were replaced last year. A third is under repair. Shipping fell by a tenth in the autumn.\n\n“We will not close for a single day,” he said.",
			map[string]string{"We will not close": "Aldo Ferrante"}},
		{"not a silent one-word name",
			"Jonas Pereira spoke to the crowd for an hour on Sunday.\n\nGallery continues below\n\nHe said the plan would cut waiting lists in half.",
			map[string]string{"the plan would cut waiting lists": "Jonas Pereira"}},
		{"not a place in the pronoun's sentence",
			"Ada Moreau spoke at a school in Kelby, Ontario, last spring.\n\nIn a speech to students at Kelby College in Marsh Falls, Ont., she said she had doubted herself for years.",
			map[string]string{"she had doubted herself": "Ada Moreau"}},
	})
}

// A document speaks with its issuer's voice, or gives no speaker; the
// document noun is never a speaker's name.
func TestDocumentResolvesToItsIssuer(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"possessive pronoun",
			"Mira Okafor stepped down from the board on Friday.\n\nHer statement said she had been treated unfairly by the other directors.",
			map[string]string{"she had been treated unfairly": "Mira Okafor"}},
		{"the report an organisation released",
			"The Northgate Policy Centre released a report on Tuesday about housing.\n\nThe report said rents had doubled in a decade.",
			map[string]string{"rents had doubled": "Northgate Policy Centre"}},
		{"a document of unknown origin",
			"Rain fell for a week in the valley.\n\nA statement said the roads would reopen soon.",
			map[string]string{"the roads would reopen": "?"}},
		{"an outlet relays",
			"The talks resumed on Monday, according to the Velora channel affiliated with the Harbour Movement.",
			map[string]string{"The talks resumed": "?"}},
		{"the agent of the message",
			"The strike may end soon, according to the message mentioned by union leader Piet Haller in his speech.",
			map[string]string{"The strike may end soon": "Piet Haller"}},
	})
}

// A generic organisation noun refers to the named organisation of the
// passage, and a definite description of a person to the person just
// named, not to themselves.
func TestOrganisationNounResolves(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"the department after an acronym that spoke",
			"The family applied to Harbour and Rail Services Canada, known as HRSC, last year.\n\nHRSC said the file was still under review.\n\nThe department added that every case is different.",
			map[string]string{"every case is different": "HRSC"}},
		{"the group described in an apposition",
			"Rally North, the group that organised the march, said it had received threats.\n\nThe group says the threats began in May.",
			map[string]string{"the threats began in May": "Rally North"}},
		{"a described person is the last subject",
			"Tomas Varga has scored four goals since the trade last week. The 27-year-old winger said his new teammates keep finding him open.",
			map[string]string{"his new teammates keep finding him": "Tomas Varga"}},
		{"a place before the comma is no apposition",
			"Eleven people were hurt in a fire that Mayor Lena Osei called “a tragedy.” At a briefing in Kelby, the mayor also said the cause was not yet known.",
			map[string]string{"the cause was not yet known": "Lena Osei"}},
		{"a kind of agency is not the one before",
			"The Velmont Transit Authority said fares would rise.\n\nThe adoption agency said its fees would not change.",
			map[string]string{"its fees would not change": "adoption agency"}},
	})
}

// A quotation with no reporting expression of its own continues the
// current speaker, not a speaker quoted inside a quotation.
func TestContinuationQuoteKeepsTheTurn(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"speech within speech does not take the turn",
			"“My neighbours told me the river would flood again this spring,” Ruth Oyelaran said.\n\n“We moved everything to the second floor before the rain came.”",
			map[string]string{"We moved everything": "Ruth Oyelaran"}},
	})
}

// A person's office or government is not the person: "he" still refers
// to the person after "Novak's office said".
func TestPersonIsNotTheirOffice(t *testing.T) {
	runSpeakerCases(t, []speakerCase{
		{"office and government",
			"Jan Novak spoke in the town hall on Friday. The Kosel government said it would not sign.\n\nNovak told the crowd that the talks would go on. Novak's office said about 900 people came.\n\n“We will keep talking with everyone who wants peace,” he said.",
			map[string]string{"We will keep talking": "Jan Novak"}},
	})
}
