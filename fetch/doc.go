// Package fetch gets pages and feeds over HTTP(S) the way a polite,
// self-hosted monitor should: a User-Agent that says who is asking,
// timeouts on every request, a size limit on every body (streamed, never
// held past it), a bounded number of redirects, gzip, conditional requests
// (If-None-Match, If-Modified-Since), robots.txt respected unless told
// otherwise, and per-host politeness: at most one request to a host at a
// time and a delay between two of them, while many hosts are fetched in
// parallel.
//
// Fetcher.Docs turns a list of URLs into the document stream job.Ingest
// consumes (an iter.Seq2 of Docs, like ingest.Reader.Docs): the response
// body is the Doc's raw copy and the fetch time its reference date. A URL
// that fails yields an error naming it and the reason (DNS, connection,
// timeout, status, redirects, too large, not HTML, robots.txt) with a
// whosaid error code: EUnavailable when trying later may help, ENotFound,
// EInvalid or EForbidden when it will not. The other URLs go on.
package fetch
