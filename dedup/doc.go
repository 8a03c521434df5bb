// Package dedup groups near-duplicate articles: reprints and lightly
// edited copies of one story (another headline, another footer, a
// paragraph added or cut). Each article's text gets a MinHash signature
// over its word shingles; locality-sensitive hashing cuts the signature
// into bands whose keys a DuplicateIndex stores, so a new article is
// compared only with the few stored ones that share a band with it, never
// with every article. The earliest copy is the group's original.
package dedup
