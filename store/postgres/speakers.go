package postgres

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/identity/names"
)

// speakerIDs finds the live speakers a query names, as the SQLite store
// does: the speaker with that id, else every speaker with that name or
// variant (ignoring case), every speaker one of whose names the name
// matcher takes for it, and every speaker with a name that has all the
// query's words (for a name of several words only when nothing else did).
func (s *Store) speakerIDs(ctx context.Context, who string) ([]string, error) {
	if ok, err := exists(ctx, s.pool, "SELECT 1 FROM speakers WHERE id = $1 AND merged_into IS NULL", who); err != nil || ok {
		return []string{who}, err
	}
	ids, err := stringsOf(ctx, s.pool, `SELECT DISTINCT sp.id FROM speakers sp LEFT JOIN speaker_variants v ON v.speaker_id = sp.id
		WHERE sp.merged_into IS NULL AND `+named+` AND (lower(sp.name) = lower($1) OR lower(v.variant) = lower($1)) ORDER BY sp.id`, who)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	for _, k := range names.Keys(who) {
		cands, err := stringsOf(ctx, s.pool, `SELECT DISTINCT k.speaker_id FROM speaker_keys k
			JOIN speakers sp ON sp.id = k.speaker_id AND sp.merged_into IS NULL WHERE k.key = $1 ORDER BY k.speaker_id`, k)
		if err != nil {
			return nil, err
		}
		for _, id := range cands {
			if seen[id] {
				continue
			}
			variants, err := stringsOf(ctx, s.pool, "SELECT variant FROM speaker_variants WHERE speaker_id = $1", id)
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
// every word of who (identity.HasWords); folding is Go's, so it reads
// every name.
func (s *Store) speakersWithWords(ctx context.Context, who string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT v.speaker_id, v.variant FROM speaker_variants v
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

// outlets returns the stored outlets an outlet filter names (ENotFound
// for none).
func (s *Store) outlets(ctx context.Context, name string) ([]string, error) {
	all, err := stringsOf(ctx, s.pool, "SELECT name FROM outlets ORDER BY name")
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
// listed or counted as a speaker (as in the SQLite store).
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
	var a args
	filter := ""
	if q.Query != "" {
		// LIKE as SQLite's: case folded for ASCII letters only.
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(q.Query) + "%"
		p := a.add(like)
		filter = ` AND (sp.name ILIKE ` + p + ` OR sp.id IN (SELECT speaker_id FROM speaker_variants WHERE variant ILIKE ` + p + `))`
	}
	having := ""
	if after != nil {
		n, id := a.add(after.N), a.add(after.ID)
		having = " AND (count(s.n) < " + n + " OR count(s.n) = " + n + " AND sp.id > " + id + ")"
	}
	rows, err := s.pool.Query(ctx, `SELECT sp.id, count(s.n) FROM speakers sp JOIN statements s ON s.speaker_id = sp.id
		WHERE sp.merged_into IS NULL AND `+named+filter+` GROUP BY sp.id HAVING count(s.n) > 0`+having+`
		ORDER BY count(s.n) DESC, sp.id LIMIT `+a.add(limit+1), a...)
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
	if id, err := live(ctx, s.pool, idOrName); err == nil && id != idOrName {
		idOrName = id
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
	var typ *string
	if err := s.pool.QueryRow(ctx, "SELECT name, type FROM speakers WHERE id = $1", id).Scan(&sum.Name, &typ); err != nil {
		return nil, dbError("speaker "+id, err)
	}
	sum.Type = entityType(deref(typ))
	var err error
	if sum.Variants, err = stringsOf(ctx, s.pool, "SELECT variant FROM speaker_variants WHERE speaker_id = $1 ORDER BY n DESC, variant", id); err != nil {
		return nil, err
	}
	if sum.Roles, err = stringsOf(ctx, s.pool, "SELECT role FROM speaker_roles WHERE speaker_id = $1 ORDER BY role", id); err != nil {
		return nil, err
	}
	if sum.Outlets, err = stringsOf(ctx, s.pool, `SELECT DISTINCT a.outlet FROM statements s JOIN articles a ON a.id = s.article_id
		WHERE s.speaker_id = $1 AND a.outlet IS NOT NULL AND a.outlet <> '' ORDER BY a.outlet`, id); err != nil {
		return nil, err
	}
	if sum.Decisions, err = decisions(ctx, s.pool, "WHERE speaker_id = $1 OR other_id = $1", id); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT substr(COALESCE(s.said_on, a.published, ''), 1, 7) m, count(*) FROM statements s
		JOIN articles a ON a.id = s.article_id WHERE s.speaker_id = $1 GROUP BY m`, id)
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
	return decisions(ctx, s.pool, "")
}

func decisions(ctx context.Context, q querier, where string, args ...any) ([]whosaid.Decision, error) {
	rows, err := q.Query(ctx, `SELECT kind, speaker_id, COALESCE(other_id, ''), COALESCE(variants, ''), why, at, COALESCE(statement_id, '') FROM decisions `+
		where+` ORDER BY n`, args...)
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

// step is one statement of a review decision's transaction.
type step struct {
	q    string
	args []any
}

func runSteps(ctx context.Context, t pgx.Tx, what string, steps []step) error {
	for _, st := range steps {
		if _, err := t.Exec(ctx, st.q, st.args...); err != nil {
			return dbError(what, err)
		}
	}
	return nil
}

// reindexSpeaker rewrites the speaker part of the index of the
// statements of speaker id (after a merge, split or correction) and
// keeps the word totals right.
func (s *Store) reindexSpeaker(ctx context.Context, t pgx.Tx, where string, args ...any) error {
	// The new speaker column of each statement, from its speaker's name.
	rows, err := t.Query(ctx, `SELECT s.n, s.ntok_speaker, COALESCE(s.speaker_id, ''), COALESCE(sp.name, ''),
		tsvector_to_array(ts_filter(s.tsv, '{a}')), tsvector_to_array(ts_filter(s.tsv, '{b}')), tsvector_to_array(ts_filter(s.tsv, '{c}'))
		FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE `+where, args...)
	if err != nil {
		return dbError("reindex speakers", err)
	}
	type upd struct {
		n       int64
		text    string
		tok     int
		spID    string
		spName  string
		oldToks int
	}
	tc := termCounts{}
	var us []upd
	for rows.Next() {
		var u upd
		var a, oldB, c []string
		if err := rows.Scan(&u.n, &u.oldToks, &u.spID, &u.spName, &a, &oldB, &c); err != nil {
			rows.Close()
			return dbError("reindex speakers", err)
		}
		bt := terms(speakerColumn(u.spName, u.spID))
		// The statement's terms leave the counts as they were and come
		// back as they are now.
		tc.row(map[string][]string{"A": a, "B": oldB, "C": c}, -1)
		tc.row(map[string][]string{"A": a, "B": bt, "C": c}, 1)
		u.text, u.tok = tsvector(column{bt, "B"}), len(bt)
		us = append(us, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return dbError("reindex speakers", err)
	}
	delta := 0
	b := &pgx.Batch{}
	for _, u := range us {
		delta += u.tok - u.oldToks
		b.Queue(`UPDATE statements SET tsv = ts_filter(tsv, '{a,c}') || $1::tsvector,
			ntok_speaker = $2, fts_speaker = $3 WHERE n = $4`, u.text, u.tok, null(speakerColumn(u.spName, u.spID)), u.n)
	}
	if b.Len() > 0 {
		if err := t.SendBatch(ctx, b).Close(); err != nil {
			return dbError("reindex speakers", err)
		}
	}
	if delta != 0 {
		if err := s.addTotals(ctx, t, 0, int64(delta)); err != nil {
			return dbError("reindex speakers", err)
		}
	}
	return dbError("reindex speakers", s.addTerms(ctx, t, tc))
}

// MergeSpeakers moves everything of m.From to m.Into and pins From's
// names to Into, so later articles follow the decision.
func (s *Store) MergeSpeakers(ctx context.Context, m whosaid.Merge) error {
	if strings.TrimSpace(m.Why) == "" {
		return whosaid.Errorf(whosaid.EInvalid, "a merge needs a reason")
	}
	return s.update(ctx, true, func(wt whosaid.Tx) error {
		t := wt.(*tx).tx
		a, err := live(ctx, t, m.Into)
		if err != nil {
			return err
		}
		b, err := live(ctx, t, m.From)
		if err != nil {
			return err
		}
		for _, id := range []string{a, b} {
			if ok, err := exists(ctx, t, "SELECT 1 FROM speakers WHERE id = $1", id); err != nil {
				return err
			} else if !ok {
				return whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", id)
			}
		}
		if a == b {
			return whosaid.Errorf(whosaid.EConflict, "%s and %s are one speaker already", m.Into, m.From)
		}
		err = runSteps(ctx, t, "merge "+b+" into "+a, []step{
			{"UPDATE statements SET speaker_id = $1 WHERE speaker_id = $2", []any{a, b}},
			{"UPDATE corrections SET speaker_id = $1 WHERE speaker_id = $2", []any{a, b}},
			{`INSERT INTO speaker_variants(speaker_id, variant, n) SELECT $1, variant, n FROM speaker_variants WHERE speaker_id = $2
				ON CONFLICT(speaker_id, variant) DO UPDATE SET n = speaker_variants.n + excluded.n`, []any{a, b}},
			{"INSERT INTO speaker_roles(speaker_id, role) SELECT $1, role FROM speaker_roles WHERE speaker_id = $2 ON CONFLICT DO NOTHING", []any{a, b}},
			{"INSERT INTO speaker_keys(key, speaker_id) SELECT key, $1 FROM speaker_keys WHERE speaker_id = $2 ON CONFLICT DO NOTHING", []any{a, b}},
			{`INSERT INTO article_speakers(article_id, speaker_id, mentions) SELECT article_id, $1, mentions FROM article_speakers WHERE speaker_id = $2
				ON CONFLICT(article_id, speaker_id) DO UPDATE SET mentions = article_speakers.mentions + excluded.mentions`, []any{a, b}},
			{"DELETE FROM article_speakers WHERE speaker_id = $1", []any{b}},
			{`INSERT INTO pinned(variant, speaker_id) SELECT DISTINCT lower(variant), $1 FROM speaker_variants WHERE speaker_id = $2
				ON CONFLICT(variant) DO UPDATE SET speaker_id = excluded.speaker_id`, []any{a, b}},
			{"UPDATE speakers SET merged_into = $1 WHERE id = $2", []any{a, b}},
			{"INSERT INTO decisions(kind, speaker_id, other_id, why, at) VALUES('merge', $1, $2, $3, $4)", []any{a, b, m.Why, s.now().Format(time.RFC3339)}},
		})
		if err != nil {
			return err
		}
		return s.reindexSpeaker(ctx, t, "s.speaker_id = $1", a)
	})
}

// SplitSpeaker gives the named variants of a speaker (and the statements
// made under them) to a new speaker, and pins them there.
func (s *Store) SplitSpeaker(ctx context.Context, sp whosaid.Split) (string, error) {
	if strings.TrimSpace(sp.Why) == "" || len(sp.Variants) == 0 {
		return "", whosaid.Errorf(whosaid.EInvalid, "a split needs the variants to move and a reason")
	}
	var newID string
	err := s.update(ctx, true, func(wt whosaid.Tx) error {
		t := wt.(*tx).tx
		id, err := live(ctx, t, sp.ID)
		if err != nil {
			return err
		}
		var typ *string
		if err := t.QueryRow(ctx, "SELECT type FROM speakers WHERE id = $1", id).Scan(&typ); errors.Is(err, pgx.ErrNoRows) {
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
		newID = identity.SpeakerID(entityType(deref(typ)), name+"#split-from#"+id)
		if _, err := t.Exec(ctx, "INSERT INTO speakers(id, name, type) VALUES($1,$2,$3) ON CONFLICT(id) DO UPDATE SET merged_into = NULL",
			newID, name, deref(typ)); err != nil {
			return dbError("split "+id, err)
		}
		keys := "\x1f"
		for _, v := range sp.Variants {
			k := identity.PinKey(v)
			keys += k + "\x1f"
			steps := []step{
				// A corrected statement stays where the correction put it.
				{"UPDATE statements SET speaker_id = $1 WHERE speaker_id = $2 AND lower(speaker_variant) = $3 AND id NOT IN (SELECT statement_id FROM corrections)", []any{newID, id, k}},
				{"DELETE FROM speaker_variants WHERE speaker_id = $1 AND lower(variant) = $2", []any{id, k}},
				{"INSERT INTO speaker_variants(speaker_id, variant) VALUES($1, $2) ON CONFLICT DO NOTHING", []any{newID, v}},
				{"INSERT INTO pinned(variant, speaker_id) VALUES($1, $2) ON CONFLICT(variant) DO UPDATE SET speaker_id = excluded.speaker_id", []any{k, newID}},
			}
			for _, key := range names.Keys(v) {
				steps = append(steps, step{"INSERT INTO speaker_keys(key, speaker_id) VALUES($1,$2) ON CONFLICT DO NOTHING", []any{key, newID}})
			}
			if err := runSteps(ctx, t, "split "+id, steps); err != nil {
				return err
			}
		}
		if err := s.reindexSpeaker(ctx, t, "s.speaker_id = $1", newID); err != nil {
			return err
		}
		_, err = t.Exec(ctx, "INSERT INTO decisions(kind, speaker_id, other_id, variants, why, at) VALUES('split', $1, $2, $3, $4, $5)",
			id, newID, keys, sp.Why, s.now().Format(time.RFC3339))
		return dbError("split "+id, err)
	})
	return newID, err
}

// Stats counts what the store holds and the database's size.
func (s *Store) Stats(ctx context.Context) (whosaid.StoreStats, error) {
	st := whosaid.StoreStats{Location: s.loc}
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements),
		(SELECT count(DISTINCT s.speaker_id) FROM statements s JOIN speakers sp ON sp.id = s.speaker_id AND sp.merged_into IS NULL AND `+named+`),
		(SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL AND outlet <> ''),
		pg_database_size(current_database())`).
		Scan(&st.Articles, &st.Statements, &st.Speakers, &st.Outlets, &st.Bytes)
	if err != nil {
		return st, dbError("stats", err)
	}
	return st, nil
}
