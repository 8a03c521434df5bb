// Package whosaid holds the vocabulary of the whosaid tool: the Doc that
// carries an article through the pipeline with its annotation layers, the
// statements and speakers found in it, the Stage interface every pipeline
// step implements, and the error codes shared by all packages.
//
// This package does no I/O and imports no parser, model or database: the
// packages beneath it (ingest, clean, segment, attrib, identity, store, …)
// are adapters that read and write these types.
//
// Offsets: every Span in a Doc is a byte range into Doc.Text, which is
// cheap inside Go. The JSON output and the evaluation corpora count Unicode
// code points instead; Doc.CharOffset and Doc.ByteOffset convert between
// the two, and are the only place where that conversion happens.
package whosaid
