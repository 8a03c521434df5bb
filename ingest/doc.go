// Package ingest turns inputs — files, folders, globs, standard input — into
// Docs carrying their raw bytes and media type. Most inputs are one
// article; WARC archives (response records), RSS/Atom feeds (items), JSONL
// files ({"url","html"|"text","published","fetched"} per line) and
// Telegram chat exports (result.json: one article per message, the chat
// its outlet) hold many and are streamed record by record, a bad record
// reported by name while the others go on. It decompresses gzip,
// recognises HTML and plain text by content (the extension is only a hint),
// and refuses binary, empty and oversized inputs with an error naming the
// input and the reason. Every other step (decoding, cleaning) belongs to
// later stages.
package ingest
