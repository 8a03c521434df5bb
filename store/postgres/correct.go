package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

// CorrectStatement gives one statement another speaker (or none) and
// keeps the decision.
func (s *Store) CorrectStatement(ctx context.Context, c whosaid.Correction) (*whosaid.StatementHit, error) {
	switch {
	case strings.TrimSpace(c.Why) == "":
		return nil, whosaid.Errorf(whosaid.EInvalid, "a correction needs a reason")
	case c.NoSpeaker == (c.Speaker != ""):
		return nil, whosaid.Errorf(whosaid.EInvalid, "a correction names the right speaker, or says nobody can be named, not both")
	}
	old, err := s.Statement(ctx, c.Statement)
	if err != nil {
		return nil, err
	}
	to := ""
	if !c.NoSpeaker {
		sp, err := s.Speaker(ctx, c.Speaker)
		if err != nil {
			return nil, err
		}
		to = sp.ID
	}
	from := ""
	if old.Speaker != nil {
		from = old.Speaker.ID
	}
	err = s.update(ctx, true, func(wt whosaid.Tx) error {
		t := wt.(*tx)
		at := s.now().Format(time.RFC3339)
		if _, err := t.tx.Exec(ctx, `INSERT INTO corrections(statement_id, speaker_id, why, at) VALUES($1,$2,$3,$4)
			ON CONFLICT(statement_id) DO UPDATE SET speaker_id = excluded.speaker_id, why = excluded.why, at = excluded.at`,
			c.Statement, null(to), c.Why, at); err != nil {
			return dbError("correct "+c.Statement, err)
		}
		if _, err := t.tx.Exec(ctx, "INSERT INTO decisions(kind, speaker_id, other_id, why, at, statement_id) VALUES($1,$2,$3,$4,$5,$6)",
			string(whosaid.DecisionCorrect), to, null(from), c.Why, at, c.Statement); err != nil {
			return dbError("correct "+c.Statement, err)
		}
		return t.applyCorrections(ctx, "s.id = $1", c.Statement)
	})
	if err != nil {
		return nil, err
	}
	return s.Statement(ctx, c.Statement)
}

// applyCorrections sets the speaker of the corrected statements that
// match where (on statements s) to the corrected one, index included.
func (t *tx) applyCorrections(ctx context.Context, where string, args ...any) error {
	if _, err := t.tx.Exec(ctx, `UPDATE statements s SET speaker_id = c.speaker_id FROM corrections c
		WHERE c.statement_id = s.id AND `+where, args...); err != nil {
		return dbError("apply corrections", err)
	}
	return t.s.reindexSpeaker(ctx, t.tx, "s.id IN (SELECT s.id FROM statements s JOIN corrections c ON c.statement_id = s.id WHERE "+where+")", args...)
}

// carryCorrections gives the statements of a new version of an article
// the corrections of the same statements (same words, same source text)
// in its older versions.
func (t *tx) carryCorrections(ctx context.Context, doc *whosaid.Doc) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO corrections(statement_id, speaker_id, why, at)
		SELECT DISTINCT ON (s.id) s.id, c.speaker_id, c.why, c.at FROM statements s
		JOIN statements o ON o.content_text = s.content_text AND COALESCE(o.source_text, '') = COALESCE(s.source_text, '')
		JOIN articles oa ON oa.id = o.article_id AND oa.url = $1 AND oa.id <> $2
		JOIN corrections c ON c.statement_id = o.id
		WHERE s.article_id = $2 ORDER BY s.id, oa.version DESC
		ON CONFLICT DO NOTHING`, doc.URL, doc.ID)
	if err != nil {
		return dbError("article "+doc.ID, err)
	}
	return t.applyCorrections(ctx, "s.article_id = $1", doc.ID)
}
