package whosaid

import "context"

// DecisionCorrect is a review decision that gave one statement another
// speaker (or none).
const DecisionCorrect DecisionKind = "correct"

// Correction asks to give one statement another speaker: the one named
// by Speaker (an id or a name that fits exactly one speaker), or nobody
// when NoSpeaker is set — a statement with the wrong speaker is worse than
// one without.
type Correction struct {
	Statement string
	Speaker   string
	NoSpeaker bool
	Why       string
}

// Corrector is a Store that corrects single statements. The correction is
// kept as a Decision (kind DecisionCorrect, with its reason) and wins over
// automatic linking: re-ingesting the article leaves it, a split of
// speakers does not move the statement, and a new version of the article
// at the same URL carries it to the same statement (same words, same
// source) in the new version.
//
// Errors: EInvalid without a reason, or with both or neither of Speaker
// and NoSpeaker; ENotFound for an unknown statement or speaker;
// EConflict for a name that fits several speakers.
type Corrector interface {
	CorrectStatement(ctx context.Context, c Correction) (*StatementHit, error)
}
