// Package server is `whosaid serve`: a JSON API under /api/v1/ and the
// web UI analysts work in, over any whosaid.Store.
//
// One route table (routes.go) lists every endpoint with its kind (API,
// page, asset), whether it writes, and its time limit; the OpenAPI
// document (openapi.json, served at /api/v1/openapi.json) describes the
// API routes and a test keeps the two in step. Every error goes through
// one code→status table (errors.go): JSON {"error", "code"} for the API,
// an HTML page for the UI.
//
// Reads are open to whoever reaches the address (loopback by default).
// Writes — ingest, speaker merge and split — need the server's token as
// "Authorization: Bearer T", compared in constant time; without a token
// the server is read-only. The NLP models load on the first ingest, not
// at start.
//
// The UI is server-rendered html/template with one small script and one
// stylesheet, all embedded: no CDN, nothing fetched from elsewhere, so it
// works offline. Article text and titles come from the open web: the
// template engine escapes every value, a Content-Security-Policy forbids
// inline scripts, and bidirectional-override characters are shown as
// visible marks instead of reordering the page.
package server
