// Package syntax is whosaid's own syntax: an averaged-perceptron
// part-of-speech tagger (Penn tags) and a greedy transition-based
// (arc-standard) dependency parser with labelled arcs, both trained on
// the silver CoreNLP annotations of PolNeAR train by `whosaid train
// tagger|parser` and shipped in syntax/models.
//
// Stage Annotator requires tokens and sentences and assigns the POS and
// dependency layers (Token.POS, Token.Head, Token.Dep).
package syntax
