// Package segment splits Doc.Text into paragraphs, sentences and tokens, and
// finds the quotations in it.
//
// Stage Segmenter requires the text layer and assigns paragraphs, sentences
// and tokens. Stage Quoter requires paragraphs and assigns quotes.
//
// Tokens follow the Penn Treebank conventions that news corpora and their
// taggers use: punctuation and quotation marks apart, clitics split ("do" +
// "n't", "Iran" + "'s"), abbreviations and numbers whole ("U.S.", "2,500").
package segment
