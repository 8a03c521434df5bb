package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

var _ whosaid.Archiver = (*Store)(nil)

// dumpPage is how many articles Dump reads at once.
const dumpPage = 200

// Dump calls fn for every record of the store: speakers, articles in the
// order they were stored, decisions, pins, corrections, follow state,
// saved searches and alerts.
func (s *Store) Dump(ctx context.Context, fn func(whosaid.ArchiveRecord) error) error {
	speakers, err := s.dumpSpeakers(ctx)
	if err != nil {
		return err
	}
	for i := range speakers {
		if err := fn(whosaid.ArchiveRecord{Speaker: &speakers[i]}); err != nil {
			return err
		}
	}
	for after := int64(0); ; {
		page, last, err := s.articlePage(ctx, after)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			break
		}
		for _, a := range page {
			if err := fn(whosaid.ArchiveRecord{Article: a}); err != nil {
				return err
			}
		}
		after = last
	}
	ds, err := s.Decisions(ctx)
	if err != nil {
		return err
	}
	for i := range ds {
		if err := fn(whosaid.ArchiveRecord{Decision: &ds[i]}); err != nil {
			return err
		}
	}
	if err := s.dumpClusters(ctx, fn); err != nil {
		return err
	}
	rest, err := s.dumpRest(ctx)
	if err != nil {
		return err
	}
	for _, r := range rest {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) dumpSpeakers(ctx context.Context) ([]whosaid.ArchivedSpeaker, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, COALESCE(type, ''), COALESCE(merged_into, '') FROM speakers ORDER BY id`)
	if err != nil {
		return nil, dbError("dump speakers", err)
	}
	var out []whosaid.ArchivedSpeaker
	byID := map[string]int{}
	for rows.Next() {
		var sp whosaid.ArchivedSpeaker
		var typ string
		if err := rows.Scan(&sp.ID, &sp.Name, &typ, &sp.MergedInto); err != nil {
			rows.Close()
			return nil, dbError("dump speakers", err)
		}
		sp.Type = whosaid.EntityType(typ)
		byID[sp.ID] = len(out)
		out = append(out, sp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError("dump speakers", err)
	}
	each := func(q string, add func(sp *whosaid.ArchivedSpeaker, v string, n int)) error {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			return dbError("dump speakers", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, v string
			var n int
			if err := rows.Scan(&id, &v, &n); err != nil {
				return dbError("dump speakers", err)
			}
			if i, ok := byID[id]; ok {
				add(&out[i], v, n)
			}
		}
		return dbError("dump speakers", rows.Err())
	}
	err = each("SELECT speaker_id, variant, n FROM speaker_variants ORDER BY speaker_id, variant", func(sp *whosaid.ArchivedSpeaker, v string, n int) {
		sp.Variants = append(sp.Variants, whosaid.VariantCount{Variant: v, N: n})
	})
	if err == nil {
		err = each("SELECT speaker_id, key, 0 FROM speaker_keys ORDER BY speaker_id, key", func(sp *whosaid.ArchivedSpeaker, v string, _ int) {
			sp.Keys = append(sp.Keys, v)
		})
	}
	if err == nil {
		err = each("SELECT speaker_id, role, 0 FROM speaker_roles ORDER BY speaker_id, role", func(sp *whosaid.ArchivedSpeaker, v string, _ int) {
			sp.Roles = append(sp.Roles, v)
		})
	}
	return out, err
}

// articlePage reads the articles stored after rowid after, with their
// statements, speakers and raw copies.
func (s *Store) articlePage(ctx context.Context, after int64) ([]*whosaid.ArchivedArticle, int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, id, COALESCE(url, ''), COALESCE(source, ''), COALESCE(title, ''), COALESCE(outlet, ''),
		COALESCE(byline, ''), COALESCE(published, ''), COALESCE(published_from, ''), COALESCE(fetched, ''), version, ingested_at, text,
		COALESCE(raw_sha256, ''), COALESCE(media_type, ''), COALESCE(charset, ''), COALESCE(charset_from, ''),
		COALESCE(medium, ''), COALESCE(via, ''), latest, raw_gz FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?`, after, dumpPage)
	if err != nil {
		return nil, 0, dbError("dump articles", err)
	}
	var out []*whosaid.ArchivedArticle
	byID := map[string]*whosaid.ArchivedArticle{}
	var last int64
	for rows.Next() {
		x := &whosaid.ArchivedArticle{Variants: map[string]string{}, IndexedSpeakers: map[string]string{}}
		a := &x.Article
		var published, fetched, ingested string
		var gz []byte
		if err := rows.Scan(&last, &a.ID, &a.URL, &a.Source, &a.Title, &a.Outlet, &a.Byline, &published, &a.PublishedFrom, &fetched,
			&a.Version, &ingested, &a.Text, &a.RawSHA256, &a.MediaType, &a.Charset, &a.CharsetFrom, &a.Medium, &a.Via, &x.Latest, &gz); err != nil {
			rows.Close()
			return nil, 0, dbError("dump articles", err)
		}
		a.Published, a.PublishedClock = parseTime(published)
		a.Fetched, _ = parseTime(fetched)
		a.IngestedAt, _ = time.Parse(time.RFC3339, ingested)
		if gz != nil {
			zr, err := gzip.NewReader(bytes.NewReader(gz))
			if err == nil {
				x.Raw, err = io.ReadAll(zr)
			}
			if err != nil {
				rows.Close()
				return nil, 0, dbError("raw copy of "+a.ID, err)
			}
		}
		out = append(out, x)
		byID[a.ID] = x
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return nil, 0, dbError("dump articles", err)
	}
	ids := make([]any, len(out))
	for i, x := range out {
		ids[i] = x.ID
	}
	srows, err := s.db.QueryContext(ctx, `SELECT `+hitColumns+`, COALESCE(s.speaker_variant, ''), COALESCE(f.speaker, '')`+hitFrom+`
		LEFT JOIN statements_fts f ON f.rowid = s.rowid
		WHERE s.article_id IN (`+placeholders(len(ids))+`) ORDER BY s.article_id, s.seq`, ids...)
	if err != nil {
		return nil, 0, dbError("dump statements", err)
	}
	for srows.Next() {
		var variant, indexed string
		h, _, err := scanHit(srows, &variant, &indexed)
		if err != nil {
			srows.Close()
			return nil, 0, err
		}
		x := byID[h.ArticleID]
		x.Statements = append(x.Statements, h)
		if variant != "" {
			x.Variants[h.ID] = variant
		}
		if h.Speaker != nil {
			x.IndexedSpeakers[h.ID] = indexed
		}
	}
	srows.Close()
	if err := srows.Err(); err != nil {
		return nil, 0, dbError("dump statements", err)
	}
	arows, err := s.db.QueryContext(ctx, `SELECT article_id, speaker_id, mentions FROM article_speakers
		WHERE article_id IN (`+placeholders(len(ids))+`) ORDER BY article_id, speaker_id`, ids...)
	if err != nil {
		return nil, 0, dbError("dump article speakers", err)
	}
	defer arows.Close()
	for arows.Next() {
		var id string
		var as whosaid.ArticleSpeaker
		if err := arows.Scan(&id, &as.SpeakerID, &as.Mentions); err != nil {
			return nil, 0, dbError("dump article speakers", err)
		}
		byID[id].Speakers = append(byID[id].Speakers, as)
	}
	return out, last, dbError("dump article speakers", arows.Err())
}

// dumpRest reads the pins, corrections, follow state, saved searches and
// alerts.
func (s *Store) dumpRest(ctx context.Context) ([]whosaid.ArchiveRecord, error) {
	var recs []whosaid.ArchiveRecord
	collect := func(what, query string, scan func(*sql.Rows) (whosaid.ArchiveRecord, error)) error {
		rows, err := s.db.QueryContext(ctx, query)
		if err != nil {
			return dbError("dump "+what, err)
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scan(rows)
			if err != nil {
				return dbError("dump "+what, err)
			}
			recs = append(recs, r)
		}
		return dbError("dump "+what, rows.Err())
	}
	err := collect("pins", `SELECT variant, speaker_id FROM pinned ORDER BY variant`, func(r *sql.Rows) (whosaid.ArchiveRecord, error) {
		var p whosaid.PinnedVariant
		return whosaid.ArchiveRecord{Pinned: &p}, r.Scan(&p.Variant, &p.SpeakerID)
	})
	if err == nil {
		err = collect("corrections", `SELECT statement_id, COALESCE(speaker_id, ''), why, at FROM corrections ORDER BY statement_id`, func(r *sql.Rows) (whosaid.ArchiveRecord, error) {
			var c whosaid.StatementCorrection
			var at string
			err := r.Scan(&c.Statement, &c.SpeakerID, &c.Why, &at)
			c.At, _ = time.Parse(time.RFC3339, at)
			return whosaid.ArchiveRecord{Correction: &c}, err
		})
	}
	if err == nil {
		err = collect("sources", `SELECT url, COALESCE(etag, ''), COALESCE(last_modified, ''), COALESCE(raw_sha256, ''),
			COALESCE(last_poll, ''), COALESCE(last_ok, ''), COALESCE(next_poll, ''), failures, COALESCE(last_error, '') FROM watch_sources ORDER BY url`,
			func(r *sql.Rows) (whosaid.ArchiveRecord, error) {
				var st whosaid.SourceState
				var lp, lo, np string
				err := r.Scan(&st.URL, &st.ETag, &st.LastModified, &st.RawSHA256, &lp, &lo, &np, &st.Failures, &st.LastError)
				st.LastPoll, st.LastOK, st.NextPoll = instant(lp), instant(lo), instant(np)
				return whosaid.ArchiveRecord{Source: &st}, err
			})
	}
	if err == nil {
		err = collect("seen items", `SELECT source, key, COALESCE(url, ''), COALESCE(article_id, ''), COALESCE(error, ''), at FROM watch_seen ORDER BY source, key`,
			func(r *sql.Rows) (whosaid.ArchiveRecord, error) {
				var it whosaid.SeenItem
				var at string
				err := r.Scan(&it.Source, &it.Key, &it.URL, &it.ArticleID, &it.Error, &at)
				it.At = instant(at)
				return whosaid.ArchiveRecord{Seen: &it}, err
			})
	}
	if err != nil {
		return nil, err
	}
	searches, err := s.SavedSearches(ctx, 0)
	if err != nil {
		return nil, err
	}
	for i := range searches {
		recs = append(recs, whosaid.ArchiveRecord{Search: &searches[i].SavedSearch})
	}
	ds, err := s.deliveries(ctx, "ORDER BY id")
	if err != nil {
		return nil, err
	}
	for i := range ds {
		recs = append(recs, whosaid.ArchiveRecord{Delivery: &ds[i]})
	}
	return recs, nil
}

// Load stores the records the store does not hold yet, in one
// transaction, and counts those that added something.
func (s *Store) Load(ctx context.Context, recs []whosaid.ArchiveRecord) (int, error) {
	added := 0
	err := s.Update(ctx, func(wt whosaid.Tx) error {
		t := wt.(*tx)
		for _, r := range recs {
			n, err := t.load(ctx, r)
			if err != nil {
				return err
			}
			if n {
				added++
			}
		}
		return nil
	})
	return added, err
}

func (t *tx) load(ctx context.Context, r whosaid.ArchiveRecord) (bool, error) {
	exec := func(what, q string, args ...any) (bool, error) {
		res, err := t.tx.ExecContext(ctx, q, args...)
		if err != nil {
			return false, dbError(what, err)
		}
		n, _ := res.RowsAffected()
		return n > 0, nil
	}
	switch {
	case r.Speaker != nil:
		sp := r.Speaker
		added, err := exec("load speaker "+sp.ID, `INSERT OR IGNORE INTO speakers(id, name, type, merged_into) VALUES(?,?,?,?)`,
			sp.ID, sp.Name, null(string(sp.Type)), null(sp.MergedInto))
		if err != nil || !added {
			return false, err
		}
		for _, v := range sp.Variants {
			if _, err := exec("load speaker "+sp.ID, `INSERT OR IGNORE INTO speaker_variants(speaker_id, variant, n) VALUES(?,?,?)`, sp.ID, v.Variant, v.N); err != nil {
				return false, err
			}
		}
		for _, k := range sp.Keys {
			if _, err := exec("load speaker "+sp.ID, `INSERT OR IGNORE INTO speaker_keys(key, speaker_id) VALUES(?,?)`, k, sp.ID); err != nil {
				return false, err
			}
		}
		for _, role := range sp.Roles {
			if _, err := exec("load speaker "+sp.ID, `INSERT OR IGNORE INTO speaker_roles(speaker_id, role) VALUES(?,?)`, sp.ID, role); err != nil {
				return false, err
			}
		}
		return true, nil
	case r.Article != nil:
		return t.loadArticle(ctx, r.Article)
	case r.Decision != nil:
		d := r.Decision
		variants := ""
		if len(d.Variants) > 0 {
			variants = "\x1f" + strings.Join(d.Variants, "\x1f") + "\x1f"
		}
		return exec("load decision", `INSERT INTO decisions(kind, speaker_id, other_id, variants, statement_id, why, at)
			SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE NOT EXISTS (SELECT 1 FROM decisions WHERE kind = ?1 AND speaker_id = ?2
				AND other_id IS ?3 AND variants IS ?4 AND statement_id IS ?5 AND why = ?6 AND at = ?7)`,
			string(d.Kind), d.Speaker, null(d.Other), null(variants), null(d.Statement), d.Why, d.At.UTC().Format(time.RFC3339))
	case r.Pinned != nil:
		return exec("load pin", `INSERT OR IGNORE INTO pinned(variant, speaker_id) VALUES(?, ?)`, r.Pinned.Variant, r.Pinned.SpeakerID)
	case r.Correction != nil:
		c := r.Correction
		return exec("load correction", `INSERT OR IGNORE INTO corrections(statement_id, speaker_id, why, at) VALUES(?, ?, ?, ?)`,
			c.Statement, null(c.SpeakerID), c.Why, c.At.UTC().Format(time.RFC3339))
	case r.Source != nil:
		st := r.Source
		return exec("load source", `INSERT OR IGNORE INTO watch_sources(url, etag, last_modified, raw_sha256, last_poll, last_ok, next_poll, failures, last_error)
			VALUES(?,?,?,?,?,?,?,?,?)`,
			st.URL, null(st.ETag), null(st.LastModified), null(st.RawSHA256), instantText(st.LastPoll), instantText(st.LastOK),
			instantText(st.NextPoll), st.Failures, null(st.LastError))
	case r.Seen != nil:
		it := r.Seen
		return exec("load seen item", `INSERT OR IGNORE INTO watch_seen(source, key, url, article_id, error, at) VALUES(?,?,?,?,?,?)`,
			it.Source, it.Key, null(it.URL), null(it.ArticleID), null(it.Error), instantText(it.At))
	case r.Search != nil:
		ss := r.Search
		q, _ := json.Marshal(savedQuery{Text: ss.Query.Text, Speaker: ss.Query.Speaker, Outlet: ss.Query.Outlet, Kind: string(ss.Query.Kind)})
		return exec("load saved search", `INSERT OR IGNORE INTO saved_searches(name, query, independent, fire_on, notify, created, checked)
			VALUES(?,?,?,?,?,?,?)`, ss.Name, string(q), ss.Independent, ss.On, ss.Notify, instantText(ss.Created), instantText(ss.Checked))
	case r.Cluster != nil:
		c := r.Cluster
		added, err := exec("load cluster", `INSERT OR IGNORE INTO clusters(id, speaker_id, wording, first_statement, first_published,
			reports, independent, negated) VALUES(?,?,?,?,?,?,?,?)`,
			c.ID, c.SpeakerID, c.Wording, c.FirstStatement, null(c.FirstPublished), c.Reports, c.Independent, c.Negated)
		if err != nil || !added {
			return added, err
		}
		for _, k := range c.Keys {
			if _, err := exec("load cluster", "INSERT OR IGNORE INTO cluster_keys(speaker_id, key, cluster_id) VALUES(?,?,?)", c.SpeakerID, k, c.ID); err != nil {
				return false, err
			}
		}
		return true, nil
	case r.Delivery != nil:
		d := r.Delivery
		var delivered any
		if d.Delivered != nil {
			delivered = instantText(*d.Delivered)
		}
		return exec("load alert", `INSERT OR IGNORE INTO alert_deliveries(search, unit, statement_id, notify, payload, fired, attempts, next_attempt,
			delivered, gave_up, last_error) VALUES(?,?,?,?,?,?,?,?,?,?,?)`,
			d.Search, d.Unit, null(d.StatementID), d.Notify, d.Payload, instantText(d.Fired), d.Attempts, instantText(d.NextAttempt),
			delivered, d.GaveUp, null(d.LastError))
	}
	return false, whosaid.Errorf(whosaid.EInvalid, "an archive record with nothing in it")
}

func (t *tx) loadArticle(ctx context.Context, x *whosaid.ArchivedArticle) (bool, error) {
	a := &x.Article
	fail := func(err error) (bool, error) { return false, dbError("load article "+a.ID, err) }
	if has, err := exists(ctx, t.tx, "SELECT 1 FROM articles WHERE id = ?", a.ID); err != nil || has {
		return false, err
	}
	rawGz, err := compress(x.Raw)
	if err != nil {
		return fail(err)
	}
	latest := 0
	if x.Latest {
		latest = 1
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO articles(id, url, source, version, latest, title, outlet, byline, published, published_from,
		text, raw_gz, raw_sha256, media_type, fetched, ingested_at, charset, charset_from, medium, via)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, null(a.URL), null(a.Source), a.Version, latest, null(a.Title), null(a.Outlet), null(a.Byline),
		timeText(a.Published, a.PublishedClock), null(a.PublishedFrom), a.Text, rawGz, null(a.RawSHA256), null(a.MediaType),
		timeText(a.Fetched, true), a.IngestedAt.UTC().Format(time.RFC3339), null(a.Charset), null(a.CharsetFrom), null(a.Medium), null(a.Via))
	if err != nil {
		return fail(err)
	}
	arow, _ := res.LastInsertId()
	if _, err := t.tx.ExecContext(ctx, "INSERT INTO articles_fts(rowid, title, text) VALUES(?,?,?)", arow, a.Title, a.Text); err != nil {
		return fail(err)
	}
	if a.Outlet != "" {
		if _, err := t.tx.ExecContext(ctx, "INSERT OR IGNORE INTO outlets(name) VALUES(?)", a.Outlet); err != nil {
			return fail(err)
		}
	}
	for _, as := range x.Speakers {
		if _, err := t.tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_speakers(article_id, speaker_id, mentions) VALUES(?,?,?)`,
			a.ID, as.SpeakerID, as.Mentions); err != nil {
			return fail(err)
		}
	}
	for i, h := range a.Statements {
		var speakerID, variant any
		indexed := ""
		if h.Speaker != nil {
			speakerID = h.Speaker.ID
			if indexed = x.IndexedSpeakers[h.ID]; indexed == "" {
				indexed = speakerTokens(h.Speaker.Name, h.Speaker.ID)
			}
		}
		if v, ok := x.Variants[h.ID]; ok {
			variant = v
		}
		span := func(s *whosaid.TextSpan) (any, any, any) {
			if s == nil {
				return nil, nil, nil
			}
			return s.Text, s.Start, s.End
		}
		srcT, srcS, srcE := span(h.Source)
		cueT, cueS, cueE := span(h.Cue)
		frags, _ := json.Marshal(h.Fragments)
		res, err := t.tx.ExecContext(ctx, `INSERT INTO statements(id, article_id, seq, kind, speaker_id, speaker_variant,
			source_text, source_start, source_end, cue_text, cue_start, cue_end,
			content_text, content_start, content_end, fragments, said_on, said_on_from, confidence,
			class, class_confidence, source_type, speech, cluster_id, medium, via)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			h.ID, a.ID, i, string(h.Kind), speakerID, variant, srcT, srcS, srcE, cueT, cueS, cueE,
			h.Content.Text, h.Content.Start, h.Content.End, string(frags), timeText(h.SaidOn, false), null(h.SaidOnFrom), h.Confidence,
			null(string(h.Class)), h.ClassConfidence, null(string(h.SourceType)), h.IsSpeech(), null(h.Cluster), null(h.Medium), null(h.Via))
		if err != nil {
			return fail(err)
		}
		row, _ := res.LastInsertId()
		if _, err := t.tx.ExecContext(ctx, "INSERT INTO statements_fts(rowid, content, speaker, title) VALUES(?,?,?,?)",
			row, h.Content.Text, indexed, a.Title+" "+outletToken(a.Outlet)); err != nil {
			return fail(err)
		}
	}
	return true, nil
}
