// Package identity decides who each statement's speaker is.
//
// Stage Resolver works inside one article: it clusters the article's
// mentions into entities with a precision-first sieve — names and their
// short forms, appositions and role descriptions, honorifics, pronouns,
// relative pronouns — and sets Mention.Entity, Statement.Entity and
// Doc.Entities. It requires mentions and statements and assigns entities.
//
// Linker works across articles: it gives entities that are the same
// person or organisation in different articles one speaker ID (package
// identity/names decides whether two names are spellings of one name),
// and never merges people who only share a family name.
package identity
