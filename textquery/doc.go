// Package textquery is whosaid's search query language, parsed in one
// place for every store: each store turns the parsed Expr into its own
// full-text syntax (FTS5 MATCH for SQLite, tsquery for PostgreSQL), so a
// query means the same whatever answers it.
//
// The language:
//
//	strike                  a word (every store stems English: "withdraw" finds "withdrawal")
//	port strike             both words (AND is implied; writing AND is allowed)
//	iran OR syria           either word; OR binds tighter than the implied AND,
//	                        so "iran OR syria drones" is (iran OR syria) AND drones
//	iran NOT drones         iran, and not drones; "-drones" is the same as "NOT drones"
//	drone*                  words starting with "drone"
//	"cooling-off period"    the words in a row
//	(iran OR syria) -talks  parentheses group
//
// Stores match stems, so a prefix matches the start of a stem: "negot*"
// finds "negotiate", "negotiat*" does not (the stem is "negoti"); the
// word itself ("negotiating") finds every form.
//
// OR, AND and NOT are operators only in capitals; "or" is a word.
// Punctuation outside quotes and parentheses is part of a word and
// dropped by the store's tokenizer ("U.S." is "u s"). A query that cannot
// be read — an unclosed quotation mark or parenthesis, an OR or NOT with
// nothing after it, a query that only excludes — is an EInvalid error
// saying what is wrong.
package textquery
