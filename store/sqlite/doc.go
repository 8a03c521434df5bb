// Package sqlite is whosaid's embedded store: one SQLite file (pure Go,
// modernc.org/sqlite, no cgo, no server), in WAL mode so queries run while
// an ingest writes, with FTS5 full-text indexes over statements (content,
// speaker, title) and article texts. The schema is migrated in place: a
// file written by an older whosaid is upgraded when opened.
//
// Offsets are stored as code points into the article text, the way every
// whosaid output gives them. The raw input bytes are kept gzip-compressed
// with their SHA-256, so every statement can be traced back to exactly
// what was ingested.
package sqlite
