// Package provenance tells how each statement reached the article: the
// medium it was made in (an interview, a press conference, a post on a
// platform, a speech, a letter…) and the intermediary that carried it
// ("told the Coast Radio", "according to the Harbour channel", "on X").
//
// Two stages. Carriers runs before identity: an "according to" statement
// whose source is a carrier (a channel, an agency, a newspaper, "the
// message") reports someone else's words, so it is marked Intermediary
// and identity gives it no speaker. Stage runs after identity and sets
// Statement.Medium and Via: from the statement's own sentence first, else
// from a frame the article sets for the same speaker ("During an
// interview with the Coast Radio, Vell said …" frames every statement by
// Vell; "This statement came during a forum on X" frames the statement
// before it).
//
// Only general English cues and a generic list of platform names: no
// outlet is named in the lexicons.
package provenance
