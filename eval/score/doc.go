// Package score measures attribution output against hand annotation, per
// component (source, cue, content):
//
//   - exact: a predicted span counts when it has the gold span's boundaries;
//   - begin: when it starts where the gold span starts;
//   - overlap: when it shares at least one character with a gold span
//     (matched one to one).
//
// Spans compares character spans with a brat corpus. Sentences compares
// token runs with tokenized sentences that carry BIO labels, the form in
// which published attribution results are reported: predicted spans are
// projected onto the sentence tokens and re-read as runs within each
// sentence.
package score
