// Package attrib finds statements — who (source) said (cue) what (content)
// — in an annotated Doc.
//
// Stage Rules requires tokens, sentences, quotes and mentions (and uses POS
// tags and dependencies when the syntax stages ran before it); it assigns
// statements. It recognises direct quotations in every quote style,
// indirect speech ("X stressed that …", "pointing out that …", "according
// to X"), and mixed speech (reported speech with a quoted piece), with
// reporting verbs from package lexicon. Each statement carries the source
// mention, the cue and the content spans; the speaker it refers to is
// resolved later by package identity.
package attrib
