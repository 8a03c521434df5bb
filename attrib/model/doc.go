// Package model is whosaid's learned attribution tagger: an averaged
// structured perceptron over BIO labels for source, cue and content,
// decoded with Viterbi under BIO constraints, with features from words,
// shapes, quotations, mentions, the reporting-verb lexicon, the rule-based
// statements, and — when the syntax stages ran — POS tags, dependency
// arcs and word clusters.
//
// Stage Tagger requires what the rules require and assigns statements: it
// tags each sentence (feeding the previous sentence's last label forward,
// so content can run over sentence boundaries) and groups the tagged runs
// into statements. Train learns a Model from a brat corpus; the shipped
// weights are trained by `whosaid train attrib` and embedded in the binary.
package model
