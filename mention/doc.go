// Package mention finds the expressions in an article that can name a
// speaker: proper names of people and organisations (with their titles and
// role descriptions), pronouns, honorific forms of address ("His
// Eminence"), and role nominals ("the resistance leader", "the ministry").
//
// Stage Detector requires tokens (and uses POS tags when a tagger ran
// before it) and assigns mentions. It decides each mention's kind, type
// (person or organisation, as far as the words tell), gender and number,
// and links appositions ("X, the leader of Y,"). It does not resolve
// mentions to each other: that is package identity's job.
//
// The word lists in words/ are general English and world knowledge —
// titles, role nouns, institutional words, countries — never names of the
// people or outlets whosaid happens to be tested on.
package mention
