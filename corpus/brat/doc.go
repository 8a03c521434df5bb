// Package brat reads attribution annotations in brat standoff format, the
// form of PolNeAR and of most hand-annotated attribution corpora: text
// files beside .ann files whose T lines are labelled character spans
// (Source, Cue, Content; several fragments joined by ";") and whose E
// lines tie them into one attribution.
//
// Offsets in .ann files count Unicode code points of the text file.
package brat
