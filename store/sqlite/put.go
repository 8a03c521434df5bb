package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
)

// PutArticle stores doc, its statements and raw copy, inside the
// transaction.
func (t *tx) PutArticle(ctx context.Context, doc *whosaid.Doc) (whosaid.ArticleRef, error) {
	ref := whosaid.ArticleRef{ID: doc.ID}
	if doc.ID == "" || doc.Text == "" {
		return ref, whosaid.InputError(whosaid.EInvalid, doc.Source, "an article without text cannot be stored")
	}
	var version int
	err := t.tx.QueryRowContext(ctx, "SELECT version FROM articles WHERE id = ?", doc.ID).Scan(&version)
	if err == nil {
		ref.Version = version
		return ref, nil // stored already: idempotent
	}
	if err != sql.ErrNoRows {
		return ref, dbError("article "+doc.ID, err)
	}
	ref.New, ref.Version = true, 1
	if doc.URL != "" {
		var last sql.NullInt64
		if err := t.tx.QueryRowContext(ctx, "SELECT MAX(version) FROM articles WHERE url = ?", doc.URL).Scan(&last); err != nil {
			return ref, dbError("article "+doc.ID, err)
		}
		ref.Version = int(last.Int64) + 1
	}
	rawGz, err := compress(doc.Raw)
	if err != nil {
		return ref, dbError("article "+doc.ID, err)
	}
	rawSum := doc.RawSHA256
	if rawSum == "" && doc.Raw != nil {
		rawSum = whosaid.RawSHA256(doc.Raw)
	}
	m := doc.Meta
	res, err := t.tx.ExecContext(ctx, `INSERT INTO articles(id, url, source, version, title, outlet, byline, published, published_from,
		text, raw_gz, raw_sha256, media_type, fetched, ingested_at, charset, charset_from, medium, via)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		doc.ID, null(doc.URL), null(doc.Source), ref.Version, null(m.Title), null(m.Outlet), null(m.Byline),
		timeText(m.Published, m.PublishedClock), null(m.PublishedFrom), doc.Text, rawGz, null(rawSum), null(doc.MediaType),
		timeText(doc.Fetched, true), t.s.now().Format(time.RFC3339), null(m.Charset), null(m.CharsetFrom), null(doc.Medium), null(doc.Via))
	if err != nil {
		return ref, dbError("article "+doc.ID, err)
	}
	if ref.Version > 1 {
		if _, err := t.tx.ExecContext(ctx, "UPDATE articles SET latest = 0 WHERE url = ? AND id != ?", doc.URL, doc.ID); err != nil {
			return ref, dbError("article "+doc.ID, err)
		}
	}
	if m.Outlet != "" {
		if _, err := t.tx.ExecContext(ctx, "INSERT OR IGNORE INTO outlets(name) VALUES(?)", m.Outlet); err != nil {
			return ref, dbError("article "+doc.ID, err)
		}
	}
	arow, _ := res.LastInsertId()
	if _, err := t.tx.ExecContext(ctx, "INSERT INTO articles_fts(rowid, title, text) VALUES(?,?,?)", arow, m.Title, doc.Text); err != nil {
		return ref, dbError("article "+doc.ID, err)
	}
	for _, sp := range doc.Speakers {
		n := 0
		for _, e := range doc.Entities {
			if e.SpeakerID == sp.ID {
				n += len(e.Mentions) + len(e.Sources)
			}
		}
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO article_speakers(article_id, speaker_id, mentions) VALUES(?,?,?)
			ON CONFLICT(article_id, speaker_id) DO UPDATE SET mentions = mentions + excluded.mentions`, doc.ID, sp.ID, n); err != nil {
			return ref, dbError("article "+doc.ID, err)
		}
	}
	for i := range doc.Statements {
		if err := t.putStatement(ctx, doc, i); err != nil {
			return ref, err
		}
	}
	if ref.Version > 1 {
		if err := t.carryCorrections(ctx, doc); err != nil {
			return ref, err
		}
	}
	return ref, t.countClusters(ctx, doc)
}

// putStatement stores statement i of doc with code-point offsets.
func (t *tx) putStatement(ctx context.Context, doc *whosaid.Doc, i int) error {
	st := &doc.Statements[i]
	id := doc.StatementID(i)
	var speakerID, variant, speakerName any
	if sp := doc.SpeakerOf(i); sp != nil {
		speakerID, speakerName = sp.ID, sp.Name
		variant = doc.Entities[st.Entity].Name // the name it goes by in this article
	}
	span := func(s *whosaid.Span) (any, any, any) {
		if s == nil {
			return nil, nil, nil
		}
		return doc.Str(*s), doc.Char(s.Start), doc.Char(s.End)
	}
	srcT, srcS, srcE := span(st.Source)
	cueT, cueS, cueE := span(st.Cue)
	whole := st.ContentSpan()
	frags := make([][2]int, len(st.Content))
	for k, f := range st.Content {
		frags[k] = [2]int{doc.Char(f.Start), doc.Char(f.End)}
	}
	fragJSON, _ := json.Marshal(frags)
	res, err := t.tx.ExecContext(ctx, `INSERT INTO statements(id, article_id, seq, kind, speaker_id, speaker_variant,
		source_text, source_start, source_end, cue_text, cue_start, cue_end,
		content_text, content_start, content_end, fragments, said_on, said_on_from, confidence,
		class, class_confidence, source_type, speech, cluster_id, medium, via)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		id, doc.ID, i, string(st.Kind), speakerID, variant, srcT, srcS, srcE, cueT, cueS, cueE,
		doc.Str(whole), doc.Char(whole.Start), doc.Char(whole.End), string(fragJSON), timeText(st.SaidOn, false), null(st.SaidOnFrom), st.Confidence,
		null(string(st.Class)), st.ClassConfidence, null(string(st.SourceType)), st.IsSpeech(), null(st.Cluster), null(st.Medium), null(st.Via))
	if err != nil {
		return dbError("statement "+id, err)
	}
	row, _ := res.LastInsertId()
	speakerText := ""
	if speakerID != nil {
		speakerText = speakerTokens(speakerName.(string), speakerID.(string))
	}
	_, err = t.tx.ExecContext(ctx, "INSERT INTO statements_fts(rowid, content, speaker, title) VALUES(?,?,?,?)", row, doc.Str(whole), speakerText,
		doc.Meta.Title+" "+outletToken(doc.Meta.Outlet))
	return dbError("statement "+id, err)
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

// null stores "" as NULL: an unknown value, not an empty one.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// timeText is how the store writes a time: YYYY-MM-DD, or RFC 3339 when
// the time of day is known (without an offset when the text gave no zone).
// parseTime reads it back.
func timeText(t *time.Time, clock bool) any {
	switch {
	case t == nil:
		return nil
	case clock && t.Location() == whosaid.Unzoned:
		return t.Format("2006-01-02T15:04:05")
	case clock:
		return t.Format(time.RFC3339)
	}
	return t.Format("2006-01-02")
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

// speakerTokens is the speaker column of the full-text index: the name,
// and the speaker's id as one token, so a search for a word said by one
// speaker is a single index lookup.
func speakerTokens(name, id string) string { return name + " " + idToken(id) }

// idToken is the id as the tokenizer keeps it (letters and digits only).
func idToken(id string) string {
	out := make([]byte, 0, len(id))
	for i := 0; i < len(id); i++ {
		if c := id[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			out = append(out, c)
		}
	}
	return string(out)
}

// outletToken marks the outlet in the title column of the index ("Daily
// Harbour" → "outletdailyharbour"), so an outlet filter is an index lookup
// too. Migration 5 writes the same form in SQL.
func outletToken(o string) string {
	if o == "" {
		return ""
	}
	return "outlet" + strings.ToLower(strings.ReplaceAll(o, " ", ""))
}
