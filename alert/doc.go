// Package alert runs saved searches: after an ingest (and after each round
// of a watch) it looks at the statements stored since each saved search
// last looked, fires the search once per new unit, and delivers what
// fired to a webhook (a POST of wire.Alert JSON), a mail (through an SMTP
// server) or the log.
//
// It lives above the store and talks to it through two ports: the Store's
// Export (the same filters as `whosaid search`, plus IngestedSince) finds
// the matches, and whosaid.AlertStore keeps the saved searches, the
// (search, unit) pairs that fired — so "once" holds across processes and
// restarts — and the outbox of deliveries with their attempts.
//
// The unit of "once" is pluggable (Options.Units): the statement id now;
// with statement clusters it becomes the cluster id, so a statement
// carried by ten outlets fires once, and a search asked to fire when
// another outlet corroborates a statement gets a unit per (cluster,
// outlet).
//
// Delivery never blocks ingest: firing only records a row; Deliver sends
// what is due, each attempt bounded by a timeout, and a failure is tried
// again later with a growing pause (Options.Backoff) until the attempts
// run out.
package alert
