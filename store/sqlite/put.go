package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/export"
)

// Has tells whether the article with content id is stored.
func (s *Store) Has(ctx context.Context, id string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE id = ?", id).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, err
}

// PutArticle stores doc in one transaction.
func (s *Store) PutArticle(ctx context.Context, doc *whosaid.Doc) (whosaid.ArticleRef, error) {
	a := export.FromDoc(doc)
	ref := whosaid.ArticleRef{ID: a.ID}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return ref, err
	}
	defer tx.Rollback()
	var version int
	err = tx.QueryRowContext(ctx, "SELECT version FROM articles WHERE id = ?", a.ID).Scan(&version)
	if err == nil {
		ref.Version = version
		return ref, nil // stored already: idempotent
	}
	if err != sql.ErrNoRows {
		return ref, err
	}
	ref.New, ref.Version = true, 1
	if a.URL != "" {
		var last sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT MAX(version) FROM articles WHERE url = ?", a.URL).Scan(&last); err != nil {
			return ref, err
		}
		ref.Version = int(last.Int64) + 1
	}
	rawGz, rawSum := compress(doc.Raw)
	res, err := tx.ExecContext(ctx, `INSERT INTO articles(id, url, source, version, title, outlet, byline, published, published_from, text, raw_gz, raw_sha256, ingested_at)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.URL, a.Source, ref.Version, a.Title, deref(a.Outlet), deref(a.Byline), deref(a.Published), a.PublishedFrom,
		a.Text, rawGz, rawSum, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return ref, err
	}
	arow, _ := res.LastInsertId()
	if _, err := tx.ExecContext(ctx, "INSERT INTO articles_fts(rowid, title, text) VALUES(?,?,?)", arow, a.Title, a.Text); err != nil {
		return ref, err
	}
	// The run's speakers become the store's speakers.
	speakerOf := map[string]string{} // run speaker id → store speaker id
	for _, sp := range a.Speakers {
		id, err := s.linkSpeaker(ctx, tx, sp)
		if err != nil {
			return ref, err
		}
		speakerOf[sp.ID] = id
	}
	for i, st := range a.Statements {
		if err := s.putStatement(ctx, tx, a, i, st, speakerOf); err != nil {
			return ref, err
		}
	}
	return ref, tx.Commit()
}

func (s *Store) putStatement(ctx context.Context, tx *sql.Tx, a export.Article, seq int, st export.Statement, speakerOf map[string]string) error {
	var speakerID, variant, speakerName any
	if st.Speaker != nil {
		if id, ok := speakerOf[st.Speaker.ID]; ok {
			speakerID, variant, speakerName = id, st.Speaker.Name, st.Speaker.Name
		}
	}
	span := func(t *export.TextSpan) (any, any, any) {
		if t == nil {
			return nil, nil, nil
		}
		return t.Text, t.Start, t.End
	}
	srcT, srcS, srcE := span(st.Source)
	cueT, cueS, cueE := span(st.Cue)
	frags, _ := json.Marshal(st.Content.Fragments)
	res, err := tx.ExecContext(ctx, `INSERT INTO statements(id, article_id, seq, kind, speaker_id, speaker_variant,
		source_text, source_start, source_end, cue_text, cue_start, cue_end,
		content_text, content_start, content_end, fragments, said_on, said_on_from, confidence)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		st.ID, a.ID, seq, st.Kind, speakerID, variant, srcT, srcS, srcE, cueT, cueS, cueE,
		st.Content.Text, st.Content.Start, st.Content.End, string(frags), deref(st.SaidOn), st.SaidOnFrom, st.Confidence)
	if err != nil {
		return fmt.Errorf("statement %s: %w", st.ID, err)
	}
	row, _ := res.LastInsertId()
	speakerText := ""
	if speakerID != nil {
		speakerText = speakerTokens(speakerName.(string), speakerID.(string))
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO statements_fts(rowid, content, speaker, title) VALUES(?,?,?,?)", row, st.Content.Text, speakerText,
		a.Title+" "+outletToken(deref(a.Outlet)))
	return err
}

func compress(raw []byte) ([]byte, string) {
	if raw == nil {
		return nil, ""
	}
	sum := sha256.Sum256(raw)
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(raw)
	zw.Close()
	return b.Bytes(), hex.EncodeToString(sum[:])
}

func deref(p *string) any {
	if p == nil {
		return nil
	}
	return *p
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
func outletToken(o any) string {
	s, _ := o.(string)
	if s == "" {
		return ""
	}
	return "outlet" + strings.ToLower(strings.ReplaceAll(s, " ", ""))
}
