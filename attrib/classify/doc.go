// Package classify says what each attribution reports — speech, a
// thought, evidence, an intention or an action — and what kind of source
// it names, so that the outputs can show what people and organisations
// said while keeping every attribution for those who ask (--all).
//
// The classes come from rules over the parse: the cue's head verb and
// its lexicon class (WordNet's speech, communication and cognition
// verbs), whether the cue is negated or passive, the form of the content
// (a clause, a noun phrase, a to-infinitive, a figure), and the head noun
// of the source (a person, an organisation, a document, a thing). Every
// word list here is general English.
package classify
