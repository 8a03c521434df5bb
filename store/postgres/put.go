package postgres

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
)

// PutArticle stores doc, its statements and raw copy, inside the
// transaction. Locks on the article id and URL make a second writer of
// the same article wait and then find it stored, and two new versions of
// one URL take versions one after the other.
func (t *tx) PutArticle(ctx context.Context, doc *whosaid.Doc) (whosaid.ArticleRef, error) {
	ref := whosaid.ArticleRef{ID: doc.ID}
	if doc.ID == "" || doc.Text == "" {
		return ref, whosaid.InputError(whosaid.EInvalid, doc.Source, "an article without text cannot be stored")
	}
	fail := func(err error) (whosaid.ArticleRef, error) { return ref, dbError("article "+doc.ID, err) }
	if doc.URL != "" {
		if err := t.lock(ctx, "url", doc.URL); err != nil {
			return ref, err
		}
	}
	if err := t.lock(ctx, "article", doc.ID); err != nil {
		return ref, err
	}
	var version int
	err := t.tx.QueryRow(ctx, "SELECT version FROM articles WHERE id = $1", doc.ID).Scan(&version)
	if err == nil {
		ref.Version = version
		return ref, nil // stored already: idempotent
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return fail(err)
	}
	ref.New, ref.Version = true, 1
	if doc.URL != "" {
		var last *int
		if err := t.tx.QueryRow(ctx, "SELECT max(version) FROM articles WHERE url = $1", doc.URL).Scan(&last); err != nil {
			return fail(err)
		}
		if last != nil {
			ref.Version = *last + 1
		}
	}
	rawGz, err := compress(doc.Raw)
	if err != nil {
		return fail(err)
	}
	rawSum := doc.RawSHA256
	if rawSum == "" && doc.Raw != nil {
		rawSum = whosaid.RawSHA256(doc.Raw)
	}
	m := doc.Meta
	if _, err := t.tx.Exec(ctx, `INSERT INTO articles(id, url, source, version, title, outlet, byline, published, published_from,
		text, raw_gz, raw_sha256, media_type, fetched, ingested_at, charset, charset_from, medium, via)
		VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
		doc.ID, null(doc.URL), null(doc.Source), ref.Version, null(m.Title), null(m.Outlet), null(m.Byline),
		timeText(m.Published, m.PublishedClock), null(m.PublishedFrom), doc.Text, rawGz, null(rawSum), null(doc.MediaType),
		timeText(doc.Fetched, true), t.s.now().Format(time.RFC3339), null(m.Charset), null(m.CharsetFrom), null(doc.Medium), null(doc.Via)); err != nil {
		return fail(err)
	}
	if ref.Version > 1 {
		if _, err := t.tx.Exec(ctx, "UPDATE articles SET latest = false WHERE url = $1 AND id <> $2 AND latest", doc.URL, doc.ID); err != nil {
			return fail(err)
		}
	}
	if m.Outlet != "" {
		if _, err := t.tx.Exec(ctx, "INSERT INTO outlets(name) VALUES($1) ON CONFLICT DO NOTHING", m.Outlet); err != nil {
			return fail(err)
		}
	}
	for _, sp := range doc.Speakers {
		n := 0
		for _, e := range doc.Entities {
			if e.SpeakerID == sp.ID {
				n += len(e.Mentions) + len(e.Sources)
			}
		}
		if _, err := t.tx.Exec(ctx, `INSERT INTO article_speakers(article_id, speaker_id, mentions) VALUES($1,$2,$3)
			ON CONFLICT(article_id, speaker_id) DO UPDATE SET mentions = article_speakers.mentions + excluded.mentions`, doc.ID, sp.ID, n); err != nil {
			return fail(err)
		}
	}
	b := &pgx.Batch{}
	tc := termCounts{}
	tokens := 0
	for i := range doc.Statements {
		tokens += t.queueStatement(b, tc, doc, i)
	}
	if b.Len() > 0 {
		if err := t.tx.SendBatch(ctx, b).Close(); err != nil {
			return fail(err)
		}
		if err := t.s.addTotals(ctx, t.tx, int64(len(doc.Statements)), int64(tokens)); err != nil {
			return fail(err)
		}
		if err := t.s.addTerms(ctx, t.tx, tc); err != nil {
			return fail(err)
		}
	}
	if ref.Version > 1 {
		if err := t.carryCorrections(ctx, doc); err != nil {
			return ref, err
		}
	}
	return ref, t.countClusters(ctx, doc)
}

// queueStatement adds the insert of statement i of doc (code-point
// offsets, index columns) to b and returns its word count.
func (t *tx) queueStatement(b *pgx.Batch, tc termCounts, doc *whosaid.Doc, i int) int {
	st := &doc.Statements[i]
	r := stmtRow{ID: doc.StatementID(i), ArticleID: doc.ID, Seq: i, Kind: string(st.Kind),
		SaidOn: timeText(st.SaidOn, false), SaidOnFrom: null(st.SaidOnFrom), Confidence: st.Confidence,
		Class: null(string(st.Class)), ClassConfidence: st.ClassConfidence, SourceType: null(string(st.SourceType)), Speech: st.IsSpeech(),
		Cluster: null(st.Cluster), Medium: null(st.Medium), Via: null(st.Via),
		Title: doc.Meta.Title, Outlet: doc.Meta.Outlet}
	if sp := doc.SpeakerOf(i); sp != nil {
		r.SpeakerID = &sp.ID
		r.Variant = &doc.Entities[st.Entity].Name // the name it goes by in this article
		r.IndexSpeaker = speakerColumn(sp.Name, sp.ID)
	}
	span := func(s *whosaid.Span) *whosaid.TextSpan {
		if s == nil {
			return nil
		}
		return &whosaid.TextSpan{Text: doc.Str(*s), Start: doc.Char(s.Start), End: doc.Char(s.End)}
	}
	r.Source, r.Cue = span(st.Source), span(st.Cue)
	whole := st.ContentSpan()
	r.Content = whosaid.TextSpan{Text: doc.Str(whole), Start: doc.Char(whole.Start), End: doc.Char(whole.End)}
	r.Fragments = make([][2]int, len(st.Content))
	for k, f := range st.Content {
		r.Fragments[k] = [2]int{doc.Char(f.Start), doc.Char(f.End)}
	}
	return r.queue(b, tc)
}

// stmtRow is a statement row as inserted, with what its index columns
// are made of.
type stmtRow struct {
	ID, ArticleID      string
	Seq                int
	Kind               string
	SpeakerID, Variant *string
	Source, Cue        *whosaid.TextSpan
	Content            whosaid.TextSpan
	Fragments          [][2]int
	SaidOn, SaidOnFrom *string
	Confidence         float64
	Class, SourceType  *string
	ClassConfidence    float64
	Speech             bool
	Cluster            *string
	Medium, Via        *string
	IndexSpeaker       string // the speaker words of the index ("" for none)
	Title, Outlet      string
}

// queue adds the insert to b, counts the row's terms into tc, and
// returns the row's word count.
func (r stmtRow) queue(b *pgx.Batch, tc termCounts) int {
	span := func(s *whosaid.TextSpan) (*string, *int, *int) {
		if s == nil {
			return nil, nil, nil
		}
		return &s.Text, &s.Start, &s.End
	}
	srcT, srcS, srcE := span(r.Source)
	cueT, cueS, cueE := span(r.Cue)
	fragJSON, _ := json.Marshal(r.Fragments)
	cT, sT, tT := terms(r.Content.Text), terms(r.IndexSpeaker), terms(titleColumn(r.Title, r.Outlet))
	tsv := tsvector(column{cT, "A"}, column{sT, "B"}, column{tT, "C"})
	tc.row(map[string][]string{"A": cT, "B": sT, "C": tT}, 1)
	cN, sN, tN := len(cT), len(sT), len(tT)
	b.Queue(`INSERT INTO statements(id, article_id, seq, kind, speaker_id, speaker_variant,
		source_text, source_start, source_end, cue_text, cue_start, cue_end,
		content_text, content_start, content_end, fragments, said_on, said_on_from, confidence,
		tsv, ntok_content, ntok_speaker, ntok_title, fts_speaker, class, class_confidence, source_type, speech, cluster_id, medium, via)
		VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20::tsvector,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31)`,
		r.ID, r.ArticleID, r.Seq, r.Kind, r.SpeakerID, r.Variant, srcT, srcS, srcE, cueT, cueS, cueE,
		r.Content.Text, r.Content.Start, r.Content.End, string(fragJSON), r.SaidOn, r.SaidOnFrom, r.Confidence,
		tsv, cN, sN, tN, null(r.IndexSpeaker), r.Class, r.ClassConfidence, r.SourceType, r.Speech, r.Cluster, r.Medium, r.Via)
	return cN + sN + tN
}

// addTotals counts rows and words into this process's shard of the
// index totals.
func (s *Store) addTotals(ctx context.Context, t pgx.Tx, rows, tokens int64) error {
	_, err := t.Exec(ctx, `INSERT INTO fts_totals(shard, rows, tokens) VALUES($1, $2, $3)
		ON CONFLICT(shard) DO UPDATE SET rows = fts_totals.rows + excluded.rows, tokens = fts_totals.tokens + excluded.tokens`,
		s.shard, rows, tokens)
	return err
}

func compress(raw []byte) ([]byte, error) {
	if raw == nil {
		return nil, nil
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// timeText is how the store writes a time: YYYY-MM-DD, or RFC 3339 when
// the time of day is known (without an offset when the text gave no
// zone), as the SQLite store does. parseTime reads it back.
func timeText(t *time.Time, clock bool) *string {
	var s string
	switch {
	case t == nil:
		return nil
	case clock && t.Location() == whosaid.Unzoned:
		s = t.Format("2006-01-02T15:04:05")
	case clock:
		s = t.Format(time.RFC3339)
	default:
		s = t.Format("2006-01-02")
	}
	return &s
}

// parseTime reads a time timeText wrote, and whether it has a clock.
func parseTime(s string) (*time.Time, bool) {
	if s == "" {
		return nil, false
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return &t, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return &t, true
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04:05", s, whosaid.Unzoned); err == nil {
		return &t, true
	}
	return nil, false
}
