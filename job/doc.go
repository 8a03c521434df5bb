// Package job runs whosaid's two jobs over a stream of documents, for the
// CLI and the server alike:
//
//   - Extract annotates each document with the standard pipeline, links
//     its speakers across the documents of the run (an in-memory speaker
//     index) and hands it on, in input order;
//   - Ingest does the same against a store: each document is linked and
//     stored in one transaction, so the store's speaker index is the
//     one it links against, and an interrupted ingest resumes where it
//     stopped (documents whose raw bytes are stored are skipped before
//     annotation).
//
// Both take documents as an iter.Seq2 (ingest.Reader.Docs reads files,
// archives, feeds; a server hands in request bodies) and stop when the
// context is cancelled.
package job
