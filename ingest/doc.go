// Package ingest turns inputs — files, folders, globs, standard input — into
// Docs carrying their raw bytes and media type. It decompresses gzip,
// recognises HTML and plain text by content (the extension is only a hint),
// and refuses binary, empty and oversized inputs with an error naming the
// input and the reason. Every other step (decoding, cleaning) belongs to
// later stages.
package ingest
