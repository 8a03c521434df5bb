// Package postgres is whosaid's shared store: one PostgreSQL database
// (14 or newer) that several people query and several machines write at
// once, through a pgx connection pool. It implements the same ports as
// store/sqlite (whosaid.Store and Tx, the speaker index, WatchStore,
// AlertStore, CoMentioner, Corrector) and passes the same conformance
// suite, store/storetest.
//
// Many writers: every write is a short transaction and every row that two
// writers could both create has a unique key and an upsert, so
// overlapping inputs never store anything twice. Speaker linking takes a
// transaction-scoped advisory lock on each name key it reads, so two
// writers meeting the same new person at once link in turn and make one
// speaker; review decisions take an exclusive lock that writers take
// shared, so a merge or split applies to everything stored before it and
// binds everything stored after it, whichever machine made it.
//
// Full text: each statement carries a tsvector of its content (weight A),
// its speaker's name and id (B) and its article's title and outlet (C),
// under a GIN index. The store writes the vectors itself: words split and
// folded as FTS5's unicode61 tokenizer does, stemmed by a port of its
// porter stemmer (porter.go), so the index holds the very terms of the
// SQLite store's and a query matches the same statements; ranking
// computes FTS5's BM25 over the best candidates (rank.go), so they come
// in the same order with the same scores.
//
// Dates and times are kept in the same text forms as the SQLite store
// (a day, or RFC 3339 with or without a zone; instants with nanoseconds),
// which sort as text: both stores answer and print the same.
//
// The store needs a database its role may create tables in; no
// extension and no superuser.
package postgres
