package postgres

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
)

var _ whosaid.Archiver = (*Store)(nil)

// dumpPage is how many articles Dump reads at once.
const dumpPage = 200

// Dump calls fn for every record of the store: speakers, articles in the
// order they were stored, decisions, pins, corrections, follow state,
// saved searches and alerts.
func (s *Store) Dump(ctx context.Context, fn func(whosaid.ArchiveRecord) error) error {
	if err := s.dumpSpeakers(ctx, fn); err != nil {
		return err
	}
	if err := s.dumpArticles(ctx, fn); err != nil {
		return err
	}
	ds, err := decisions(ctx, s.pool, "")
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
	return s.dumpRest(ctx, fn)
}

func (s *Store) dumpSpeakers(ctx context.Context, fn func(whosaid.ArchiveRecord) error) error {
	rows, err := s.pool.Query(ctx, `SELECT sp.id, sp.name, COALESCE(sp.type, ''), COALESCE(sp.merged_into, ''),
		COALESCE((SELECT array_agg(variant ORDER BY variant) FROM speaker_variants v WHERE v.speaker_id = sp.id), '{}'),
		COALESCE((SELECT array_agg(n ORDER BY variant) FROM speaker_variants v WHERE v.speaker_id = sp.id), '{}'),
		COALESCE((SELECT array_agg(key ORDER BY key) FROM speaker_keys k WHERE k.speaker_id = sp.id), '{}'),
		COALESCE((SELECT array_agg(role ORDER BY role) FROM speaker_roles r WHERE r.speaker_id = sp.id), '{}')
		FROM speakers sp ORDER BY sp.id`)
	if err != nil {
		return dbError("dump speakers", err)
	}
	var all []whosaid.ArchivedSpeaker
	for rows.Next() {
		var sp whosaid.ArchivedSpeaker
		var typ string
		var variants []string
		var ns []int
		if err := rows.Scan(&sp.ID, &sp.Name, &typ, &sp.MergedInto, &variants, &ns, &sp.Keys, &sp.Roles); err != nil {
			rows.Close()
			return dbError("dump speakers", err)
		}
		sp.Type = whosaid.EntityType(typ)
		for i, v := range variants {
			sp.Variants = append(sp.Variants, whosaid.VariantCount{Variant: v, N: ns[i]})
		}
		all = append(all, sp)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return dbError("dump speakers", err)
	}
	for i := range all {
		if err := fn(whosaid.ArchiveRecord{Speaker: &all[i]}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) dumpArticles(ctx context.Context, fn func(whosaid.ArchiveRecord) error) error {
	var after int64
	for {
		page, last, err := s.articlePage(ctx, after)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, a := range page {
			if err := fn(whosaid.ArchiveRecord{Article: a}); err != nil {
				return err
			}
		}
		after = last
	}
}

// articlePage reads the articles stored after row number after, with
// their statements, speakers and raw copies.
func (s *Store) articlePage(ctx context.Context, after int64) ([]*whosaid.ArchivedArticle, int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT n, id, COALESCE(url, ''), COALESCE(source, ''), COALESCE(title, ''), COALESCE(outlet, ''),
		COALESCE(byline, ''), COALESCE(published, ''), COALESCE(published_from, ''), COALESCE(fetched, ''), version, ingested_at, text,
		COALESCE(raw_sha256, ''), COALESCE(media_type, ''), COALESCE(charset, ''), COALESCE(charset_from, ''),
		COALESCE(medium, ''), COALESCE(via, ''), latest, raw_gz FROM articles WHERE n > $1 ORDER BY n LIMIT $2`, after, dumpPage)
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
	ids := make([]string, len(out))
	for i, x := range out {
		ids[i] = x.ID
	}
	srows, err := s.pool.Query(ctx, `SELECT `+hitColumns+`, COALESCE(s.speaker_variant, ''), COALESCE(s.fts_speaker, '')`+hitFrom+`
		WHERE s.article_id = ANY($1) ORDER BY s.article_id, s.seq`, ids)
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
			if indexed == "" {
				indexed = speakerColumn(h.Speaker.Name, h.Speaker.ID)
			}
			x.IndexedSpeakers[h.ID] = indexed
		}
	}
	srows.Close()
	if err := srows.Err(); err != nil {
		return nil, 0, dbError("dump statements", err)
	}
	arows, err := s.pool.Query(ctx, `SELECT article_id, speaker_id, mentions FROM article_speakers WHERE article_id = ANY($1) ORDER BY article_id, speaker_id`, ids)
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

// dumpRest gives the pins, corrections, follow state, saved searches and
// alerts.
func (s *Store) dumpRest(ctx context.Context, fn func(whosaid.ArchiveRecord) error) error {
	var recs []whosaid.ArchiveRecord
	collect := func(what, query string, scan func(pgx.Rows) (whosaid.ArchiveRecord, error)) error {
		rows, err := s.pool.Query(ctx, query)
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
	err := collect("pins", `SELECT variant, speaker_id FROM pinned ORDER BY variant`, func(r pgx.Rows) (whosaid.ArchiveRecord, error) {
		var p whosaid.PinnedVariant
		return whosaid.ArchiveRecord{Pinned: &p}, r.Scan(&p.Variant, &p.SpeakerID)
	})
	if err == nil {
		err = collect("corrections", `SELECT statement_id, COALESCE(speaker_id, ''), why, at FROM corrections ORDER BY statement_id`, func(r pgx.Rows) (whosaid.ArchiveRecord, error) {
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
			func(r pgx.Rows) (whosaid.ArchiveRecord, error) {
				var st whosaid.SourceState
				var lp, lo, np string
				err := r.Scan(&st.URL, &st.ETag, &st.LastModified, &st.RawSHA256, &lp, &lo, &np, &st.Failures, &st.LastError)
				st.LastPoll, st.LastOK, st.NextPoll = instant(lp), instant(lo), instant(np)
				return whosaid.ArchiveRecord{Source: &st}, err
			})
	}
	if err == nil {
		err = collect("seen items", `SELECT source, key, COALESCE(url, ''), COALESCE(article_id, ''), COALESCE(error, ''), at FROM watch_seen ORDER BY source, key`,
			func(r pgx.Rows) (whosaid.ArchiveRecord, error) {
				var it whosaid.SeenItem
				var at string
				err := r.Scan(&it.Source, &it.Key, &it.URL, &it.ArticleID, &it.Error, &at)
				it.At = instant(at)
				return whosaid.ArchiveRecord{Seen: &it}, err
			})
	}
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := fn(r); err != nil {
			return err
		}
	}
	searches, err := s.SavedSearches(ctx, 0)
	if err != nil {
		return err
	}
	for i := range searches {
		if err := fn(whosaid.ArchiveRecord{Search: &searches[i].SavedSearch}); err != nil {
			return err
		}
	}
	ds, err := deliveries(ctx, s.pool, "ORDER BY id")
	if err != nil {
		return err
	}
	for i := range ds {
		if err := fn(whosaid.ArchiveRecord{Delivery: &ds[i]}); err != nil {
			return err
		}
	}
	return nil
}

// Load stores the records the store does not hold yet, in one
// transaction, and counts those that added something.
func (s *Store) Load(ctx context.Context, recs []whosaid.ArchiveRecord) (int, error) {
	added := 0
	err := s.update(ctx, false, func(wt whosaid.Tx) error {
		t := wt.(*tx)
		added = 0
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
		tag, err := t.tx.Exec(ctx, q, args...)
		if err != nil {
			return false, dbError(what, err)
		}
		return tag.RowsAffected() > 0, nil
	}
	switch {
	case r.Speaker != nil:
		return t.loadSpeaker(ctx, r.Speaker)
	case r.Article != nil:
		return t.loadArticle(ctx, r.Article)
	case r.Decision != nil:
		d := r.Decision
		variants := ""
		if len(d.Variants) > 0 {
			variants = "\x1f" + strings.Join(d.Variants, "\x1f") + "\x1f"
		}
		return exec("load decision", `INSERT INTO decisions(kind, speaker_id, other_id, variants, statement_id, why, at)
			SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM decisions WHERE kind = $1 AND speaker_id = $2
				AND other_id IS NOT DISTINCT FROM $3 AND variants IS NOT DISTINCT FROM $4 AND statement_id IS NOT DISTINCT FROM $5 AND why = $6 AND at = $7)`,
			string(d.Kind), d.Speaker, null(d.Other), null(variants), null(d.Statement), d.Why, d.At.UTC().Format(time.RFC3339))
	case r.Pinned != nil:
		return exec("load pin", `INSERT INTO pinned(variant, speaker_id) VALUES($1, $2) ON CONFLICT DO NOTHING`, r.Pinned.Variant, r.Pinned.SpeakerID)
	case r.Correction != nil:
		c := r.Correction
		return exec("load correction", `INSERT INTO corrections(statement_id, speaker_id, why, at) VALUES($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
			c.Statement, null(c.SpeakerID), c.Why, c.At.UTC().Format(time.RFC3339))
	case r.Source != nil:
		st := r.Source
		return exec("load source", `INSERT INTO watch_sources(url, etag, last_modified, raw_sha256, last_poll, last_ok, next_poll, failures, last_error)
			VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT DO NOTHING`,
			st.URL, null(st.ETag), null(st.LastModified), null(st.RawSHA256), instantText(st.LastPoll), instantText(st.LastOK),
			instantText(st.NextPoll), st.Failures, null(st.LastError))
	case r.Seen != nil:
		it := r.Seen
		return exec("load seen item", `INSERT INTO watch_seen(source, key, url, article_id, error, at) VALUES($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
			it.Source, it.Key, null(it.URL), null(it.ArticleID), null(it.Error), instantText(it.At))
	case r.Search != nil:
		ss := r.Search
		q := savedQuery{Text: ss.Query.Text, Speaker: ss.Query.Speaker, Outlet: ss.Query.Outlet, Kind: string(ss.Query.Kind)}
		return exec("load saved search", `INSERT INTO saved_searches(name, query, independent, fire_on, notify, created, checked)
			VALUES($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING`,
			ss.Name, marshal(q), ss.Independent, ss.On, ss.Notify, instantText(ss.Created), instantText(ss.Checked))
	case r.Cluster != nil:
		c := r.Cluster
		added, err := exec("load cluster", `INSERT INTO clusters(id, speaker_id, wording, first_statement, first_published,
			reports, independent, negated) VALUES($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING`,
			c.ID, c.SpeakerID, c.Wording, c.FirstStatement, null(c.FirstPublished), c.Reports, c.Independent, c.Negated)
		if err != nil || !added {
			return added, err
		}
		if len(c.Keys) > 0 {
			if _, err := exec("load cluster", `INSERT INTO cluster_keys(speaker_id, key, cluster_id) SELECT $1, k, $3 FROM unnest($2::text[]) k
				ON CONFLICT DO NOTHING`, c.SpeakerID, c.Keys, c.ID); err != nil {
				return false, err
			}
		}
		return true, nil
	case r.Delivery != nil:
		d := r.Delivery
		var delivered *string
		if d.Delivered != nil {
			delivered = instantText(*d.Delivered)
		}
		return exec("load alert", `INSERT INTO alert_deliveries(search, unit, statement_id, notify, payload, fired, attempts, next_attempt,
			delivered, gave_up, last_error) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT DO NOTHING`,
			d.Search, d.Unit, null(d.StatementID), d.Notify, d.Payload, instantText(d.Fired), d.Attempts, instantText(d.NextAttempt),
			delivered, d.GaveUp, null(d.LastError))
	}
	return false, whosaid.Errorf(whosaid.EInvalid, "an archive record with nothing in it")
}

func (t *tx) loadSpeaker(ctx context.Context, sp *whosaid.ArchivedSpeaker) (bool, error) {
	fail := func(err error) (bool, error) { return false, dbError("load speaker "+sp.ID, err) }
	tag, err := t.tx.Exec(ctx, `INSERT INTO speakers(id, name, type, merged_into) VALUES($1,$2,$3,$4) ON CONFLICT DO NOTHING`,
		sp.ID, sp.Name, null(string(sp.Type)), null(sp.MergedInto))
	if err != nil {
		return fail(err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil // stored: its names came with it
	}
	vs, ns := make([]string, len(sp.Variants)), make([]int, len(sp.Variants))
	for i, v := range sp.Variants {
		vs[i], ns[i] = v.Variant, v.N
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO speaker_variants(speaker_id, variant, n) SELECT $1, v, n FROM unnest($2::text[], $3::int[]) AS x(v, n) ON CONFLICT DO NOTHING`, []any{sp.ID, vs, ns}},
		{`INSERT INTO speaker_keys(key, speaker_id) SELECT k, $1 FROM unnest($2::text[]) k ON CONFLICT DO NOTHING`, []any{sp.ID, sp.Keys}},
		{`INSERT INTO speaker_roles(speaker_id, role) SELECT $1, r FROM unnest($2::text[]) r ON CONFLICT DO NOTHING`, []any{sp.ID, sp.Roles}},
	} {
		if _, err := t.tx.Exec(ctx, q.sql, q.args...); err != nil {
			return fail(err)
		}
	}
	return true, nil
}

func (t *tx) loadArticle(ctx context.Context, x *whosaid.ArchivedArticle) (bool, error) {
	a := &x.Article
	fail := func(err error) (bool, error) { return false, dbError("load article "+a.ID, err) }
	if has, err := exists(ctx, t.tx, "SELECT 1 FROM articles WHERE id = $1", a.ID); err != nil || has {
		return false, err
	}
	rawGz, err := compress(x.Raw)
	if err != nil {
		return fail(err)
	}
	if _, err := t.tx.Exec(ctx, `INSERT INTO articles(id, url, source, version, latest, title, outlet, byline, published, published_from,
		text, raw_gz, raw_sha256, media_type, fetched, ingested_at, charset, charset_from, medium, via)
		VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)`,
		a.ID, null(a.URL), null(a.Source), a.Version, x.Latest, null(a.Title), null(a.Outlet), null(a.Byline),
		timeText(a.Published, a.PublishedClock), null(a.PublishedFrom), a.Text, rawGz, null(a.RawSHA256), null(a.MediaType),
		timeText(a.Fetched, true), a.IngestedAt.UTC().Format(time.RFC3339), null(a.Charset), null(a.CharsetFrom), null(a.Medium), null(a.Via)); err != nil {
		return fail(err)
	}
	if a.Outlet != "" {
		if _, err := t.tx.Exec(ctx, "INSERT INTO outlets(name) VALUES($1) ON CONFLICT DO NOTHING", a.Outlet); err != nil {
			return fail(err)
		}
	}
	b := &pgx.Batch{}
	for _, as := range x.Speakers {
		b.Queue(`INSERT INTO article_speakers(article_id, speaker_id, mentions) VALUES($1,$2,$3) ON CONFLICT DO NOTHING`, a.ID, as.SpeakerID, as.Mentions)
	}
	tokens := 0
	tc := termCounts{}
	for i, h := range a.Statements {
		r := stmtRow{ID: h.ID, ArticleID: a.ID, Seq: i, Kind: string(h.Kind), Source: h.Source, Cue: h.Cue, Content: h.Content,
			Fragments: h.Fragments, SaidOn: timeText(h.SaidOn, false), SaidOnFrom: null(h.SaidOnFrom), Confidence: h.Confidence,
			Class: null(string(h.Class)), ClassConfidence: h.ClassConfidence, SourceType: null(string(h.SourceType)), Speech: h.IsSpeech(),
			Cluster: null(h.Cluster), Medium: null(h.Medium), Via: null(h.Via),
			Title: a.Title, Outlet: a.Outlet}
		if h.Speaker != nil {
			r.SpeakerID = &h.Speaker.ID
			r.IndexSpeaker = x.IndexedSpeakers[h.ID]
			if r.IndexSpeaker == "" {
				r.IndexSpeaker = speakerColumn(h.Speaker.Name, h.Speaker.ID)
			}
		}
		if v, ok := x.Variants[h.ID]; ok {
			r.Variant = &v
		}
		tokens += r.queue(b, tc)
	}
	if b.Len() > 0 {
		if err := t.tx.SendBatch(ctx, b).Close(); err != nil {
			return fail(err)
		}
	}
	if len(a.Statements) > 0 {
		if err := t.s.addTotals(ctx, t.tx, int64(len(a.Statements)), int64(tokens)); err != nil {
			return fail(err)
		}
		if err := t.s.addTerms(ctx, t.tx, tc); err != nil {
			return fail(err)
		}
	}
	return true, nil
}

func marshal(q savedQuery) string {
	b, _ := json.Marshal(q)
	return string(b)
}
