// Package cluster groups statements across articles: one statement by
// one speaker, however many outlets carry it and however each cuts,
// punctuates or paraphrases it, becomes one cluster with its reports.
//
// A statement is compared with the clusters of its speaker that share a
// word with it (the store's index of each member's rarest-hashing
// words), by the share of its content words the shorter wording holds:
// a truncated or lightly edited quote, and a faithful indirect
// paraphrase of a quote, hold most of each other's words; a denial
// (one negated, the other not) never joins; two different statements of
// one day share few words. New statements join existing clusters without
// any rebuilding.
package cluster
