package classify

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var (
	// perceptionVerbs report what someone saw, heard or found, not what
	// they said.
	perceptionVerbs = set(`see watch hear notice read learn discover find spot witness observe seem appear look
		sense feel smell`)
	// evidenceVerbs are what a document or figures do: "the data shows",
	// "the report concluded". With a person as source several of them are
	// speech ("she suggested that"), so they decide only for documents and
	// things.
	evidenceVerbs = set(`show suggest indicate reveal prove demonstrate illustrate conclude estimate forecast
		project predict point mean imply signal highlight document record register measure confirm recommend
		find determine state say note warn list describe detail cite outline`)
	// documentSpeechVerbs: what a document does that counts as saying
	// ("the statement said", "the letter reads"), reported as the issuer's
	// words.
	documentSpeechVerbs = set(`say state read note add write warn announce declare claim allege argue explain
		tell describe accuse call urge demand ask insist`)
	// utteranceVerbs say nothing but that words were said: whatever the
	// content's form (a truncated clause, a reply of one word), they
	// report speech.
	utteranceVerbs = set(`say tell state write add note explain claim insist argue reply answer respond
		remark comment declare announce stress emphasize emphasise tweet post testify`)
	// negations turn a reporting verb into something not said ("did not
	// say", "would not comment", "never said").
	negations = set(`not n't never no nor`)
	// auxiliaries may sit between a negation and the verb.
	auxiliaries = set(`do does did will would shall should can could may might must has have had is are was
		were be been being also yet still ever even`)
	beForms = set(`is are was were be been being 's 're am`)
	// clauseStarters open a content clause without a finite verb first.
	clauseStarters = set(`that whether if how what why who whom whose when where which`)
	// measureWords after a number make a figure, not a statement ("0.4 per
	// cent", "12 points").
	measureWords = set(`per percent % points point cents cent basis`)
	// firstPerson pronouns outside quotations are the author's.
	firstPerson = set(`i we me us my our myself ourselves`)
	// documentNouns name texts, records and figures: a source headed by
	// one is a document, which says nothing unless it is quoted for its
	// issuer.
	documentNouns = set(`report reports statement statements study studies survey surveys poll polls data figures
		numbers statistics stats records record paper papers document documents guide guidelines guideline letter
		letters release releases memo memos ruling rulings decision decisions filing filings complaint complaints
		lawsuit lawsuits suit motion indictment video videos ad ads advertisement advertisements post posts tweet
		tweets message messages book books article articles column editorial review analysis analyses research
		findings index indices indexes estimate estimates forecast forecasts projection projections budget plan
		plans proposal proposals bill bills law laws legislation agreement resolution order orders notice
		announcement transcript transcripts website site blog page email emails e-mail note notes sign signs label
		labels map chart charts graph table footage clip clips recording recordings photo photos image images
		evidence affidavit affidavits submission submissions brief briefing communique communiqué declaration
		manifesto platform petition bulletin newsletter warning warnings model models assessment assessments
		audit audits investigation inquiry probe text texts caption headline story stories account accounts
		version testimony minutes summary draft framework strategy policy policies regulation regulations rule
		rules code charter constitution treaty contract memorandum protocol verdict judgment judgement sentence
		opinion opinions dossier file files list lists timeline`)
	// thingNouns head sources that are neither people nor texts: events,
	// markets, moves and measures ("the move", "the index", "the trade
	// dispute"). Anything unknown that is not capitalised counts as a
	// thing too; this list names the common ones a role noun might be
	// mistaken for.
	thingNouns = set(`move moves decision change changes trend trends market markets economy index dispute
		shift rise fall drop increase decrease growth price prices rate rates cost costs case cases attack
		attacks event events process system program programme project issue issues problem problems situation
		crisis war conflict deal dollar currency stock stocks shares bond bonds oil gold fact facts belief idea
		ideas theory view views thing things world history time year years day days weather`)
)

// isAllCaps reports whether w is an upper-case word of two letters or
// more ("READ", "WATCH"): a caption or a headline kicker, not a verb.
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// irregular maps past forms of verbs the lexicon does not hold to their
// base form ("found" → "find").
var irregular = map[string]string{"found": "find", "showed": "show", "shown": "show", "learnt": "learn",
	"spotted": "spot", "noticed": "notice", "seemed": "seem", "appeared": "appear", "looked": "look",
	"felt": "feel", "watched": "watch", "discovered": "discover", "witnessed": "witness"}

// baseForm is the base form of a verb the lexicon does not know: an
// irregular form, or the word without -s, -ed or -ing when that leaves a
// known perception or evidence verb.
func baseForm(w string) string {
	if b, ok := irregular[w]; ok {
		return b
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if b := strings.TrimSuffix(w, suf); b != w && (perceptionVerbs[b] || evidenceVerbs[b]) {
			return b
		}
	}
	return w
}
