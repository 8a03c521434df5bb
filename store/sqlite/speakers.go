package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

// speakerIDs finds the live speakers a query names: an id, a name or a
// variant (exactly, ignoring case), else any whose names the matcher
// takes for it.
func (s *Store) speakerIDs(ctx context.Context, who string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT sp.id FROM speakers sp LEFT JOIN speaker_variants v ON v.speaker_id = sp.id
		WHERE sp.merged_into IS NULL AND (sp.id = ? OR sp.name = ? COLLATE NOCASE OR v.variant = ? COLLATE NOCASE)`, who, who, who)
	if err != nil {
		return nil, err
	}
	ids, err := collect(rows)
	if err != nil || len(ids) > 0 {
		return ids, err
	}
	seen := map[string]bool{}
	for _, k := range s.opt.SpeakerKeys(who) {
		rows, err := s.db.QueryContext(ctx, `SELECT v.speaker_id, v.variant FROM speaker_keys k JOIN speaker_variants v ON v.speaker_id = k.speaker_id
			JOIN speakers sp ON sp.id = k.speaker_id AND sp.merged_into IS NULL WHERE k.key = ?`, k)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, v string
			if err := rows.Scan(&id, &v); err != nil {
				rows.Close()
				return nil, err
			}
			if same, _ := s.opt.SameSpeaker(who, v); same && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		rows.Close()
	}
	return ids, nil
}

func collect(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Speakers lists live speakers, most statements first.
func (s *Store) Speakers(ctx context.Context, q whosaid.SpeakerQuery) ([]whosaid.SpeakerSummary, error) {
	top := q.Top
	if top <= 0 {
		top = 20
	}
	filter, args := "", []any{}
	if q.Query != "" {
		filter = ` AND (sp.name LIKE ? ESCAPE '\' OR sp.id IN (SELECT speaker_id FROM speaker_variants WHERE variant LIKE ? ESCAPE '\'))`
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(q.Query) + "%"
		args = append(args, like, like)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT sp.id FROM speakers sp LEFT JOIN statements s ON s.speaker_id = sp.id
		WHERE sp.merged_into IS NULL`+filter+` GROUP BY sp.id ORDER BY COUNT(s.rowid) DESC, sp.name LIMIT ?`, append(args, top)...)
	if err != nil {
		return nil, err
	}
	ids, err := collect(rows)
	if err != nil {
		return nil, err
	}
	var out []whosaid.SpeakerSummary
	for _, id := range ids {
		sum, err := s.summary(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *sum)
	}
	return out, nil
}

// Speaker finds one speaker by id or name.
func (s *Store) Speaker(ctx context.Context, idOrName string) (*whosaid.SpeakerSummary, error) {
	if id, err := s.live(ctx, s.db, idOrName); err == nil && id != idOrName {
		idOrName = id // a merged id answers for the speaker it went into
	}
	ids, err := s.speakerIDs(ctx, idOrName)
	if err != nil {
		return nil, err
	}
	switch len(ids) {
	case 0:
		return nil, whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", idOrName)
	case 1:
		return s.summary(ctx, ids[0])
	}
	return nil, whosaid.Errorf(whosaid.EConflict, "%q names %d speakers: give an id (%s)", idOrName, len(ids), strings.Join(ids, ", "))
}

func (s *Store) summary(ctx context.Context, id string) (*whosaid.SpeakerSummary, error) {
	sum := &whosaid.SpeakerSummary{ID: id, PerMonth: map[string]int{}}
	var typ sql.NullString
	if err := s.db.QueryRowContext(ctx, "SELECT name, type FROM speakers WHERE id = ?", id).Scan(&sum.Name, &typ); err != nil {
		return nil, err
	}
	sum.Type = typ.String
	var err error
	if sum.Variants, err = s.strings(ctx, "SELECT variant FROM speaker_variants WHERE speaker_id = ? ORDER BY n DESC, variant", id); err != nil {
		return nil, err
	}
	if sum.Roles, err = s.strings(ctx, "SELECT role FROM speaker_roles WHERE speaker_id = ? ORDER BY role", id); err != nil {
		return nil, err
	}
	if sum.Outlets, err = s.strings(ctx, `SELECT DISTINCT a.outlet FROM statements s JOIN articles a ON a.id = s.article_id
		WHERE s.speaker_id = ? AND a.outlet IS NOT NULL AND a.outlet != '' ORDER BY a.outlet`, id); err != nil {
		return nil, err
	}
	if sum.Decisions, err = s.strings(ctx, `SELECT at || ' ' || kind || ' ' || COALESCE(other_id, '') || ': ' || why FROM decisions
		WHERE speaker_id = ? OR other_id = ? ORDER BY rowid`, id, id); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT substr(COALESCE(s.said_on, a.published, ''), 1, 7) m, COUNT(*) FROM statements s
		JOIN articles a ON a.id = s.article_id WHERE s.speaker_id = ? GROUP BY m`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return nil, err
		}
		if m == "" {
			m = "undated"
		}
		sum.PerMonth[m] = n
		sum.Statements += n
	}
	return sum, rows.Err()
}

func (s *Store) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows)
}

// MergeSpeakers moves everything of from to into and pins from's names to
// into, so later articles follow the decision.
func (s *Store) MergeSpeakers(ctx context.Context, into, from, why string) error {
	if strings.TrimSpace(why) == "" {
		return whosaid.Errorf(whosaid.EInvalid, "a merge needs a reason")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	a, err := s.live(ctx, tx, into)
	if err != nil {
		return err
	}
	b, err := s.live(ctx, tx, from)
	if err != nil {
		return err
	}
	for _, id := range []string{a, b} {
		var one int
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM speakers WHERE id = ?", id).Scan(&one); err != nil {
			return whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", id)
		}
	}
	if a == b {
		return whosaid.Errorf(whosaid.EInvalid, "%s and %s are one speaker already", into, from)
	}
	steps := []struct {
		q    string
		args []any
	}{
		{"UPDATE statements SET speaker_id = ? WHERE speaker_id = ?", []any{a, b}},
		{"INSERT INTO speaker_variants(speaker_id, variant, n) SELECT ?, variant, n FROM speaker_variants WHERE speaker_id = ? ON CONFLICT(speaker_id, variant) DO UPDATE SET n = n + excluded.n", []any{a, b}},
		{"INSERT OR IGNORE INTO speaker_roles(speaker_id, role) SELECT ?, role FROM speaker_roles WHERE speaker_id = ?", []any{a, b}},
		{"INSERT OR IGNORE INTO speaker_keys(key, speaker_id) SELECT key, ? FROM speaker_keys WHERE speaker_id = ?", []any{a, b}},
		{"INSERT INTO pinned(variant, speaker_id) SELECT lower(variant), ? FROM speaker_variants WHERE speaker_id = ? ON CONFLICT(variant) DO UPDATE SET speaker_id = excluded.speaker_id", []any{a, b}},
		{"UPDATE speakers SET merged_into = ? WHERE id = ?", []any{a, b}},
		{"UPDATE statements_fts SET speaker = (SELECT name FROM speakers WHERE id = ?) || ' ' || ? WHERE rowid IN (SELECT rowid FROM statements WHERE speaker_id = ?)", []any{a, idToken(a), a}},
		{"INSERT INTO decisions(kind, speaker_id, other_id, why, at) VALUES('merge', ?, ?, ?, ?)", []any{a, b, why, now()}},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("merge %s into %s: %w", b, a, err)
		}
	}
	return tx.Commit()
}

// SplitSpeaker gives the named variants of a speaker (and the statements
// made under them) to a new speaker, and pins them there.
func (s *Store) SplitSpeaker(ctx context.Context, id string, variants []string, why string) (string, error) {
	if strings.TrimSpace(why) == "" || len(variants) == 0 {
		return "", whosaid.Errorf(whosaid.EInvalid, "a split needs the variants to move and a reason")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	if id, err = s.live(ctx, tx, id); err != nil {
		return "", err
	}
	var typ sql.NullString
	if err := tx.QueryRowContext(ctx, "SELECT type FROM speakers WHERE id = ?", id).Scan(&typ); err != nil {
		return "", whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", id)
	}
	name := variants[0]
	for _, v := range variants {
		if len(strings.Fields(v)) > len(strings.Fields(name)) {
			name = v
		}
	}
	newID := newSpeakerID(name + "#split#" + id)
	if _, err := tx.ExecContext(ctx, "INSERT INTO speakers(id, name, type) VALUES(?,?,?)", newID, name, typ.String); err != nil {
		return "", err
	}
	keys := "\x1f"
	for _, v := range variants {
		k := pinKey(v)
		keys += k + "\x1f"
		steps := []struct {
			q    string
			args []any
		}{
			{"UPDATE statements SET speaker_id = ? WHERE speaker_id = ? AND lower(speaker_variant) = ?", []any{newID, id, k}},
			{"DELETE FROM speaker_variants WHERE speaker_id = ? AND lower(variant) = ?", []any{id, k}},
			{"INSERT OR IGNORE INTO speaker_variants(speaker_id, variant) VALUES(?, ?)", []any{newID, v}},
			{"INSERT INTO pinned(variant, speaker_id) VALUES(?, ?) ON CONFLICT(variant) DO UPDATE SET speaker_id = excluded.speaker_id", []any{k, newID}},
		}
		for _, st := range steps {
			if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
				return "", err
			}
		}
		for _, key := range s.opt.SpeakerKeys(v) {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO speaker_keys(key, speaker_id) VALUES(?,?)", key, newID); err != nil {
				return "", err
			}
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE statements_fts SET speaker = ? WHERE rowid IN (SELECT rowid FROM statements WHERE speaker_id = ?)",
		speakerTokens(name, newID), newID); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO decisions(kind, speaker_id, other_id, variants, why, at) VALUES('split', ?, ?, ?, ?, ?)",
		id, newID, keys, why, now()); err != nil {
		return "", err
	}
	return newID, tx.Commit()
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// Stats counts what the store holds and its size on disk.
func (s *Store) Stats(ctx context.Context) (whosaid.StoreStats, error) {
	var st whosaid.StoreStats
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM statements),
		(SELECT COUNT(*) FROM speakers WHERE merged_into IS NULL),
		(SELECT COUNT(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL AND outlet != '')`).
		Scan(&st.Articles, &st.Statements, &st.Speakers, &st.Outlets)
	if err != nil {
		return st, err
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := statFile(s.path + suffix); err == nil {
			st.Bytes += fi
		}
	}
	return st, nil
}
