// Package wire is whosaid's one output vocabulary: the JSON, CSV, table and
// text shapes of articles, statements, speakers, review decisions and
// store statistics. Every output speaks it — `extract`, the query
// commands, `export`, the HTTP API and the scorers — so a field has one
// name and one meaning everywhere.
//
// Conventions: offsets are Unicode code points into the article text, end
// exclusive; a value the input does not give is null, never ""; dates are
// YYYY-MM-DD, or RFC 3339 when the time of day is known (without an offset
// when the text gave no zone); lists are never cut, and in CSV they are
// joined by "; " (or JSON-encoded where a list holds pairs).
package wire
