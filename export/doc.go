// Package export writes annotated Docs in whosaid's output formats: the
// article JSON of `whosaid extract` (one object per article, offsets in
// Unicode code points) and a readable text listing.
package export
