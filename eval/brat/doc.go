// Package brat reads attribution annotations in brat standoff format, the
// form most hand-annotated attribution corpora use: text
// files beside .ann files whose T lines are labelled character spans
// (Source, Cue, Content; several fragments joined by ";") and whose E
// lines tie them into one attribution.
//
// Offsets in .ann files count Unicode code points of the text file.
package brat
