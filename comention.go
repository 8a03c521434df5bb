package whosaid

import "context"

// CoMention is a speaker named in the same articles as another one: who,
// in how many articles both are named (versions of one URL count once),
// and how often the other is named in them.
type CoMention struct {
	Speaker  SpeakerRef
	Articles int
	Mentions int
}

// CoMentioner is a store that can tell who is named alongside a speaker
// (the people a speaker page lists as "mentioned most often with him").
// It is a port of its own, beside Store, so a store without it still
// serves everything else; store/storetest checks it on stores that have
// it.
type CoMentioner interface {
	// CoMentioned returns up to limit live speakers (0 = 10) named in the
	// articles that name speaker id, most shared articles first, then
	// most mentions, then id. A merged id answers for the speaker it went
	// into. ENotFound for an unknown speaker.
	CoMentioned(ctx context.Context, id string, limit int) ([]CoMention, error)
}
