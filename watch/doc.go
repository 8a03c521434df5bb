// Package watch follows sources: it polls RSS and Atom feeds
// (conditionally, with the ETag and Last-Modified of the last answer),
// fetches the page of each item it has not seen (feeds often carry only a
// summary; when the page will not come, the feed's own text of the item
// is taken), ingests the pages through job.Ingest, and checks saved
// searches after each round.
//
// A feed that is down, malformed or slow costs a line in the log and a
// pause before it is polled again that doubles with each failure in a
// row; the other feeds go on. A page that fails in a way trying later may
// mend (a timeout, a 5xx) is tried again next round, and until it is
// stored the feed's validators are not renewed, so the feed is read whole
// again.
//
// What a watcher did lives in the store (whosaid.WatchStore): each feed's
// validators and backoff, and the items handled. A restarted watcher
// fetches nothing twice and, the saved searches keeping what fired in
// the store too, fires nothing twice. Stopping it (cancelling the context
// of Run) stops the fetching at once and lets the articles being
// annotated finish and be recorded.
package watch
