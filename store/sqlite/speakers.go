package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/identity/names"
)

// speakerIDs finds the live speakers a query names: the speaker with that
// id, else every speaker with that name or variant (ignoring case), every
// speaker one of whose names the name matcher takes for it — so a bare
// family name finds all its bearers — and every speaker with a name that
// has all the query's words (folded), so a given name alone finds its
// bearers too (for a name of several words only when nothing else did).
func (s *Store) speakerIDs(ctx context.Context, who string) ([]string, error) {
	if ok, err := exists(ctx, s.db, "SELECT 1 FROM speakers WHERE id = ? AND merged_into IS NULL", who); err != nil || ok {
		return []string{who}, err
	}
	ids, err := stringsOf(ctx, s.db, `SELECT DISTINCT sp.id FROM speakers sp LEFT JOIN speaker_variants v ON v.speaker_id = sp.id
		WHERE sp.merged_into IS NULL AND `+named+` AND (sp.name = ? COLLATE NOCASE OR v.variant = ? COLLATE NOCASE) ORDER BY sp.id`, who, who)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	// Candidates by key, then every name of each candidate, so a full name
	// is checked against all of a speaker's names (namesakes).
	for _, k := range names.Keys(who) {
		cands, err := stringsOf(ctx, s.db, `SELECT DISTINCT k.speaker_id FROM speaker_keys k
			JOIN speakers sp ON sp.id = k.speaker_id AND sp.merged_into IS NULL WHERE k.key = ? ORDER BY k.speaker_id`, k)
		if err != nil {
			return nil, err
		}
		for _, id := range cands {
			if seen[id] {
				continue
			}
			variants, err := stringsOf(ctx, s.db, "SELECT variant FROM speaker_variants WHERE speaker_id = ?", id)
			if err != nil {
				return nil, err
			}
			if identity.Matches(who, variants) {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > 0 && len(strings.Fields(who)) > 1 {
		// A full name the name matcher placed: its words add nobody it
		// would take for the same person, and reading every name costs.
		return ids, nil
	}
	byWords, err := s.speakersWithWords(ctx, who)
	if err != nil {
		return nil, err
	}
	for _, id := range byWords {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// speakersWithWords returns the live speakers one of whose names has
// every word of who (identity.HasWords). It reads every name: SQL cannot
// fold diacritics ("Gulsen" must find "Gülşen").
func (s *Store) speakersWithWords(ctx context.Context, who string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT v.speaker_id, v.variant FROM speaker_variants v
		JOIN speakers sp ON sp.id = v.speaker_id AND sp.merged_into IS NULL ORDER BY v.speaker_id`)
	if err != nil {
		return nil, dbError("speakers named "+who, err)
	}
	defer rows.Close()
	q := identity.NewQueryWords(who)
	var ids []string
	for rows.Next() {
		var id, variant string
		if err := rows.Scan(&id, &variant); err != nil {
			return nil, dbError("speakers named "+who, err)
		}
		if (len(ids) == 0 || ids[len(ids)-1] != id) && q.In(variant) {
			ids = append(ids, id)
		}
	}
	return ids, dbError("speakers named "+who, rows.Err())
}

// outlets returns the stored outlets an outlet filter names: every word
// of it begins a word of the outlet, case and diacritics ignored
// (identity.HasWordPrefixes), so "harbour" finds "Harbour Post". None is
// ENotFound.
func (s *Store) outlets(ctx context.Context, name string) ([]string, error) {
	all, err := stringsOf(ctx, s.db, "SELECT name FROM outlets ORDER BY name")
	if err != nil {
		return nil, err
	}
	q := identity.NewQueryWords(name)
	var out []string
	for _, o := range all {
		if strings.EqualFold(o, name) || q.PrefixesIn(o) {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no outlet %q in the store", name)
	}
	return out, nil
}

// named is the condition on a speaker row sp that makes it a speaker of
// the index: it goes by a proper name. An unnamed source ("officials", "the
// ministry" left unresolved) has a speaker of its own article, stored with
// no name variant so that its statements keep their source, but it is not
// listed or counted as a speaker.
const named = "EXISTS (SELECT 1 FROM speaker_variants nv WHERE nv.speaker_id = sp.id)"

// speakerCursor is the position after the last speaker of a page.
type speakerCursor struct {
	N  int    `json:"n"`
	ID string `json:"i"`
}

// Speakers lists live speakers that made statements, most statements
// first, a page at a time.
func (s *Store) Speakers(ctx context.Context, q whosaid.SpeakerQuery) (whosaid.Page[whosaid.SpeakerSummary], error) {
	var page whosaid.Page[whosaid.SpeakerSummary]
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	var after *speakerCursor
	if q.Cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(q.Cursor)
		after = &speakerCursor{}
		if err == nil {
			err = json.Unmarshal(b, after)
		}
		if err != nil || after.ID == "" {
			return page, whosaid.Errorf(whosaid.EInvalid, "bad cursor %q: give back the \"next\" of a previous page", q.Cursor)
		}
	}
	filter, args := "", []any{}
	if q.Query != "" {
		filter = ` AND (sp.name LIKE ? ESCAPE '\' OR sp.id IN (SELECT speaker_id FROM speaker_variants WHERE variant LIKE ? ESCAPE '\'))`
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(q.Query) + "%"
		args = append(args, like, like)
	}
	having := ""
	if after != nil {
		having = " AND (COUNT(s.rowid) < ? OR COUNT(s.rowid) = ? AND sp.id > ?)"
		args = append(args, after.N, after.N, after.ID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT sp.id, COUNT(s.rowid) FROM speakers sp JOIN statements s ON s.speaker_id = sp.id
		WHERE sp.merged_into IS NULL AND `+named+filter+` GROUP BY sp.id HAVING COUNT(s.rowid) > 0`+having+`
		ORDER BY COUNT(s.rowid) DESC, sp.id LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return page, dbError("speakers", err)
	}
	type idn struct {
		id string
		n  int
	}
	var list []idn
	for rows.Next() {
		var x idn
		if err := rows.Scan(&x.id, &x.n); err != nil {
			rows.Close()
			return page, dbError("speakers", err)
		}
		list = append(list, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, dbError("speakers", err)
	}
	if len(list) > limit {
		last := list[limit-1]
		b, _ := json.Marshal(speakerCursor{N: last.n, ID: last.id})
		page.Next = base64.RawURLEncoding.EncodeToString(b)
		list = list[:limit]
	}
	for _, x := range list {
		sum, err := s.summary(ctx, x.id)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, *sum)
	}
	return page, nil
}

// Speaker finds one speaker by id or name.
func (s *Store) Speaker(ctx context.Context, idOrName string) (*whosaid.SpeakerSummary, error) {
	if id, err := live(ctx, s.db, idOrName); err == nil && id != idOrName {
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
		return nil, dbError("speaker "+id, err)
	}
	sum.Type = entityType(typ.String)
	var err error
	if sum.Variants, err = stringsOf(ctx, s.db, "SELECT variant FROM speaker_variants WHERE speaker_id = ? ORDER BY n DESC, variant", id); err != nil {
		return nil, err
	}
	if sum.Roles, err = stringsOf(ctx, s.db, "SELECT role FROM speaker_roles WHERE speaker_id = ? ORDER BY role", id); err != nil {
		return nil, err
	}
	if sum.Outlets, err = stringsOf(ctx, s.db, `SELECT DISTINCT a.outlet FROM statements s JOIN articles a ON a.id = s.article_id
		WHERE s.speaker_id = ? AND a.outlet IS NOT NULL AND a.outlet != '' ORDER BY a.outlet`, id); err != nil {
		return nil, err
	}
	if sum.Decisions, err = s.decisions(ctx, "WHERE speaker_id = ? OR other_id = ?", id, id); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT substr(COALESCE(s.said_on, a.published, ''), 1, 7) m, COUNT(*) FROM statements s
		JOIN articles a ON a.id = s.article_id WHERE s.speaker_id = ? GROUP BY m`, id)
	if err != nil {
		return nil, dbError("speaker "+id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return nil, dbError("speaker "+id, err)
		}
		if m == "" {
			m = "undated"
		}
		sum.PerMonth[m] = n
		sum.Statements += n
	}
	return sum, dbError("speaker "+id, rows.Err())
}

// Decisions lists every review decision, oldest first.
func (s *Store) Decisions(ctx context.Context) ([]whosaid.Decision, error) {
	return s.decisions(ctx, "")
}

func (s *Store) decisions(ctx context.Context, where string, args ...any) ([]whosaid.Decision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, speaker_id, COALESCE(other_id, ''), COALESCE(variants, ''), why, at, COALESCE(statement_id, '') FROM decisions `+
		where+` ORDER BY rowid`, args...)
	if err != nil {
		return nil, dbError("decisions", err)
	}
	defer rows.Close()
	var out []whosaid.Decision
	for rows.Next() {
		var d whosaid.Decision
		var kind, variants, at string
		if err := rows.Scan(&kind, &d.Speaker, &d.Other, &variants, &d.Why, &at, &d.Statement); err != nil {
			return nil, dbError("decisions", err)
		}
		d.Kind = whosaid.DecisionKind(kind)
		for _, v := range strings.Split(variants, "\x1f") {
			if v != "" {
				d.Variants = append(d.Variants, v)
			}
		}
		d.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, d)
	}
	return out, dbError("decisions", rows.Err())
}

// MergeSpeakers moves everything of m.From to m.Into and pins From's
// names to Into, so later articles follow the decision.
func (s *Store) MergeSpeakers(ctx context.Context, m whosaid.Merge) error {
	if strings.TrimSpace(m.Why) == "" {
		return whosaid.Errorf(whosaid.EInvalid, "a merge needs a reason")
	}
	return s.Update(ctx, func(wt whosaid.Tx) error {
		tx := wt.(*tx).tx
		a, err := live(ctx, tx, m.Into)
		if err != nil {
			return err
		}
		b, err := live(ctx, tx, m.From)
		if err != nil {
			return err
		}
		for _, id := range []string{a, b} {
			if ok, err := exists(ctx, tx, "SELECT 1 FROM speakers WHERE id = ?", id); err != nil {
				return err
			} else if !ok {
				return whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", id)
			}
		}
		if a == b {
			return whosaid.Errorf(whosaid.EConflict, "%s and %s are one speaker already", m.Into, m.From)
		}
		steps := []struct {
			q    string
			args []any
		}{
			{"UPDATE statements SET speaker_id = ? WHERE speaker_id = ?", []any{a, b}},
			{"UPDATE corrections SET speaker_id = ? WHERE speaker_id = ?", []any{a, b}},
			{"INSERT INTO speaker_variants(speaker_id, variant, n) SELECT ?, variant, n FROM speaker_variants WHERE speaker_id = ? ON CONFLICT(speaker_id, variant) DO UPDATE SET n = n + excluded.n", []any{a, b}},
			{"INSERT OR IGNORE INTO speaker_roles(speaker_id, role) SELECT ?, role FROM speaker_roles WHERE speaker_id = ?", []any{a, b}},
			{"INSERT OR IGNORE INTO speaker_keys(key, speaker_id) SELECT key, ? FROM speaker_keys WHERE speaker_id = ?", []any{a, b}},
			{`INSERT INTO article_speakers(article_id, speaker_id, mentions) SELECT article_id, ?, mentions FROM article_speakers WHERE speaker_id = ?
				ON CONFLICT(article_id, speaker_id) DO UPDATE SET mentions = mentions + excluded.mentions`, []any{a, b}},
			{"DELETE FROM article_speakers WHERE speaker_id = ?", []any{b}},
			{"INSERT INTO pinned(variant, speaker_id) SELECT lower(variant), ? FROM speaker_variants WHERE speaker_id = ? ON CONFLICT(variant) DO UPDATE SET speaker_id = excluded.speaker_id", []any{a, b}},
			{"UPDATE speakers SET merged_into = ? WHERE id = ?", []any{a, b}},
			{"UPDATE statements_fts SET speaker = (SELECT name FROM speakers WHERE id = ?) || ' ' || ? WHERE rowid IN (SELECT rowid FROM statements WHERE speaker_id = ?)", []any{a, idToken(a), a}},
			{"INSERT INTO decisions(kind, speaker_id, other_id, why, at) VALUES('merge', ?, ?, ?, ?)", []any{a, b, m.Why, s.now().Format(time.RFC3339)}},
		}
		for _, st := range steps {
			if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
				return dbError("merge "+b+" into "+a, err)
			}
		}
		return nil
	})
}

// SplitSpeaker gives the named variants of a speaker (and the statements
// made under them) to a new speaker, and pins them there.
func (s *Store) SplitSpeaker(ctx context.Context, sp whosaid.Split) (string, error) {
	if strings.TrimSpace(sp.Why) == "" || len(sp.Variants) == 0 {
		return "", whosaid.Errorf(whosaid.EInvalid, "a split needs the variants to move and a reason")
	}
	var newID string
	err := s.Update(ctx, func(wt whosaid.Tx) error {
		tx := wt.(*tx).tx
		id, err := live(ctx, tx, sp.ID)
		if err != nil {
			return err
		}
		var typ sql.NullString
		if err := tx.QueryRowContext(ctx, "SELECT type FROM speakers WHERE id = ?", id).Scan(&typ); err == sql.ErrNoRows {
			return whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", id)
		} else if err != nil {
			return dbError("split "+id, err)
		}
		name := sp.Variants[0]
		for _, v := range sp.Variants {
			if len(strings.Fields(v)) > len(strings.Fields(name)) {
				name = v
			}
		}
		// Derived from what was decided, so the same split made on two
		// machines gives the same speaker.
		newID = identity.SpeakerID(entityType(typ.String), name+"#split-from#"+id)
		if _, err := tx.ExecContext(ctx, "INSERT INTO speakers(id, name, type) VALUES(?,?,?) ON CONFLICT(id) DO UPDATE SET merged_into = NULL",
			newID, name, typ.String); err != nil {
			return dbError("split "+id, err)
		}
		keys := "\x1f"
		for _, v := range sp.Variants {
			k := identity.PinKey(v)
			keys += k + "\x1f"
			steps := []struct {
				q    string
				args []any
			}{
				// A corrected statement stays where the correction put it.
				{"UPDATE statements SET speaker_id = ? WHERE speaker_id = ? AND lower(speaker_variant) = ? AND id NOT IN (SELECT statement_id FROM corrections)", []any{newID, id, k}},
				{"DELETE FROM speaker_variants WHERE speaker_id = ? AND lower(variant) = ?", []any{id, k}},
				{"INSERT OR IGNORE INTO speaker_variants(speaker_id, variant) VALUES(?, ?)", []any{newID, v}},
				{"INSERT INTO pinned(variant, speaker_id) VALUES(?, ?) ON CONFLICT(variant) DO UPDATE SET speaker_id = excluded.speaker_id", []any{k, newID}},
			}
			for _, st := range steps {
				if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
					return dbError("split "+id, err)
				}
			}
			for _, key := range names.Keys(v) {
				if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO speaker_keys(key, speaker_id) VALUES(?,?)", key, newID); err != nil {
					return dbError("split "+id, err)
				}
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE statements_fts SET speaker = ? WHERE rowid IN (SELECT rowid FROM statements WHERE speaker_id = ?)",
			speakerTokens(name, newID), newID); err != nil {
			return dbError("split "+id, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO decisions(kind, speaker_id, other_id, variants, why, at) VALUES('split', ?, ?, ?, ?, ?)",
			id, newID, keys, sp.Why, s.now().Format(time.RFC3339)); err != nil {
			return dbError("split "+id, err)
		}
		return nil
	})
	return newID, err
}

// Stats counts what the store holds and its size on disk.
func (s *Store) Stats(ctx context.Context) (whosaid.StoreStats, error) {
	st := whosaid.StoreStats{Location: s.path}
	if abs, err := filepath.Abs(s.path); err == nil {
		st.Location = abs
	}
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM statements),
		(SELECT COUNT(DISTINCT s.speaker_id) FROM statements s JOIN speakers sp ON sp.id = s.speaker_id AND sp.merged_into IS NULL AND `+named+`),
		(SELECT COUNT(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL AND outlet != '')`).
		Scan(&st.Articles, &st.Statements, &st.Speakers, &st.Outlets)
	if err != nil {
		return st, dbError("stats", err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(s.path + suffix); err == nil {
			st.Bytes += fi.Size()
		}
	}
	return st, nil
}
