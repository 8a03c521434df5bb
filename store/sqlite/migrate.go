package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations build the schema step by step; the file's user_version says
// how many have run. Never edit a migration once released: add one.
var migrations = []string{
	// 1: articles, speakers, statements, review decisions.
	`CREATE TABLE articles(
		rowid INTEGER PRIMARY KEY,
		id TEXT NOT NULL UNIQUE,
		url TEXT, source TEXT, version INTEGER NOT NULL DEFAULT 1,
		title TEXT, outlet TEXT, byline TEXT, published TEXT, published_from TEXT,
		text TEXT NOT NULL,
		raw_gz BLOB, raw_sha256 TEXT,
		ingested_at TEXT NOT NULL);
	CREATE INDEX articles_url ON articles(url);
	CREATE TABLE speakers(
		rowid INTEGER PRIMARY KEY,
		id TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL, type TEXT,
		merged_into TEXT);
	CREATE TABLE speaker_variants(speaker_id TEXT NOT NULL, variant TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 1,
		PRIMARY KEY(speaker_id, variant));
	CREATE TABLE speaker_keys(key TEXT NOT NULL, speaker_id TEXT NOT NULL, PRIMARY KEY(key, speaker_id));
	CREATE TABLE speaker_roles(speaker_id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY(speaker_id, role));
	CREATE TABLE statements(
		rowid INTEGER PRIMARY KEY,
		id TEXT NOT NULL UNIQUE,
		article_id TEXT NOT NULL REFERENCES articles(id),
		seq INTEGER NOT NULL, kind TEXT NOT NULL,
		speaker_id TEXT, speaker_variant TEXT,
		source_text TEXT, source_start INTEGER, source_end INTEGER,
		cue_text TEXT, cue_start INTEGER, cue_end INTEGER,
		content_text TEXT NOT NULL, content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, fragments TEXT,
		said_on TEXT, said_on_from TEXT, confidence REAL);
	CREATE INDEX statements_article ON statements(article_id);
	CREATE INDEX statements_speaker ON statements(speaker_id);
	CREATE TABLE decisions(rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, speaker_id TEXT NOT NULL, other_id TEXT,
		variants TEXT, why TEXT NOT NULL, at TEXT NOT NULL);
	CREATE TABLE pinned(variant TEXT PRIMARY KEY, speaker_id TEXT NOT NULL);`,
	// 2: full-text search and date filters.
	`CREATE VIRTUAL TABLE statements_fts USING fts5(content, speaker, title, tokenize='unicode61 remove_diacritics 2');
	INSERT INTO statements_fts(rowid, content, speaker, title)
		SELECT s.rowid, s.content_text, COALESCE(sp.name, '') || ' ' || COALESCE(s.speaker_variant, ''), COALESCE(a.title, '')
		FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id;
	CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize='unicode61 remove_diacritics 2');
	INSERT INTO articles_fts(rowid, title, text) SELECT rowid, COALESCE(title, ''), text FROM articles;
	CREATE INDEX statements_said_on ON statements(said_on);
	CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);`,
	// 3: rank statements by content first, then speaker, then title, so
	// FTS5 can order and cut matches itself.
	`INSERT INTO statements_fts(statements_fts, rank) VALUES('rank', 'bm25(4.0, 2.0, 1.0)');`,
	// 4: the speaker column of the index carries the speaker's id too.
	`UPDATE statements_fts SET speaker = (SELECT COALESCE(sp.name, '') || ' ' || replace(COALESCE(s.speaker_id, ''), '_', '')
		FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.rowid = statements_fts.rowid);`,
	// 5: the title column of the index carries the outlet as one token.
	`UPDATE statements_fts SET title = title || ' ' || COALESCE((SELECT 'outlet' || lower(replace(a.outlet, ' ', ''))
		FROM statements s JOIN articles a ON a.id = s.article_id
		WHERE s.rowid = statements_fts.rowid AND a.outlet IS NOT NULL AND a.outlet != ''), '');`,
	// 6: what a full read of an article needs (the raw copy's media type,
	// the crawl date), the raw copy found by its hash, and which speakers
	// each article names (with how often), statements or not.
	`ALTER TABLE articles ADD COLUMN media_type TEXT;
	ALTER TABLE articles ADD COLUMN fetched TEXT;
	CREATE INDEX articles_raw ON articles(raw_sha256);
	CREATE TABLE article_speakers(article_id TEXT NOT NULL, speaker_id TEXT NOT NULL, mentions INTEGER NOT NULL,
		PRIMARY KEY(article_id, speaker_id));
	CREATE INDEX article_speakers_speaker ON article_speakers(speaker_id);`,
	// 7: English stemming in both full-text indexes ("withdraw" finds
	// "withdrawal"): rebuilt with the porter tokenizer over unicode61, the
	// rows copied as they are, speaker-id and outlet tokens included.
	`CREATE VIRTUAL TABLE statements_fts_porter USING fts5(content, speaker, title, tokenize='porter unicode61 remove_diacritics 2');
	INSERT INTO statements_fts_porter(rowid, content, speaker, title) SELECT rowid, content, speaker, title FROM statements_fts;
	DROP TABLE statements_fts;
	ALTER TABLE statements_fts_porter RENAME TO statements_fts;
	INSERT INTO statements_fts(statements_fts, rank) VALUES('rank', 'bm25(4.0, 2.0, 1.0)');
	CREATE VIRTUAL TABLE articles_fts_porter USING fts5(title, text, tokenize='porter unicode61 remove_diacritics 2');
	INSERT INTO articles_fts_porter(rowid, title, text) SELECT rowid, title, text FROM articles_fts;
	DROP TABLE articles_fts;
	ALTER TABLE articles_fts_porter RENAME TO articles_fts;`,
	// 8: which article is the newest version of its URL, so queries answer
	// from it alone unless asked for every version.
	`ALTER TABLE articles ADD COLUMN latest INTEGER NOT NULL DEFAULT 1;
	UPDATE articles SET latest = 0 WHERE url IS NOT NULL
		AND version < (SELECT MAX(b.version) FROM articles b WHERE b.url = articles.url);`,
	// 9: the charset each article was read in, and how it was known.
	`ALTER TABLE articles ADD COLUMN charset TEXT;
	ALTER TABLE articles ADD COLUMN charset_from TEXT;`,
	// 10: corrections of single statements (review decisions), kept by
	// statement so they win over linking and follow new versions.
	`CREATE TABLE corrections(statement_id TEXT PRIMARY KEY, speaker_id TEXT, why TEXT NOT NULL, at TEXT NOT NULL);
	ALTER TABLE decisions ADD COLUMN statement_id TEXT;`,
	// 11: the outlets, one row each, so an outlet filter reads a short
	// list instead of every article.
	`CREATE TABLE outlets(name TEXT PRIMARY KEY);
	INSERT OR IGNORE INTO outlets(name) SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL AND outlet != '';`,
	// 12: how an article was published and where it was taken from (a
	// Telegram post, forwarded from another channel), and the articles
	// stored since a time (what saved searches look at).
	`ALTER TABLE articles ADD COLUMN medium TEXT;
	ALTER TABLE articles ADD COLUMN via TEXT;
	CREATE INDEX articles_ingested ON articles(ingested_at);`,
	// 13: following sources (each feed's validators and backoff, the feed
	// items handled) and saved searches with the alerts they fired: one
	// row per (search, unit), so a search fires once per unit.
	`CREATE TABLE watch_sources(url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, raw_sha256 TEXT,
		last_poll TEXT, last_ok TEXT, next_poll TEXT, failures INTEGER NOT NULL DEFAULT 0, last_error TEXT);
	CREATE TABLE watch_seen(source TEXT NOT NULL, key TEXT NOT NULL, url TEXT, article_id TEXT, error TEXT, at TEXT NOT NULL,
		PRIMARY KEY(source, key));
	CREATE TABLE saved_searches(name TEXT PRIMARY KEY, query TEXT NOT NULL, independent INTEGER NOT NULL DEFAULT 0,
		fire_on TEXT NOT NULL, notify TEXT NOT NULL, created TEXT NOT NULL, checked TEXT NOT NULL);
	CREATE TABLE alert_deliveries(id INTEGER PRIMARY KEY, search TEXT NOT NULL REFERENCES saved_searches(name) ON DELETE CASCADE,
		unit TEXT NOT NULL, statement_id TEXT, notify TEXT NOT NULL, payload BLOB, fired TEXT NOT NULL,
		attempts INTEGER NOT NULL DEFAULT 0, next_attempt TEXT NOT NULL, delivered TEXT, gave_up INTEGER NOT NULL DEFAULT 0,
		last_error TEXT, UNIQUE(search, unit));
	CREATE INDEX alert_deliveries_due ON alert_deliveries(next_attempt) WHERE delivered IS NULL AND gave_up = 0;`,
	// 14: what each statement reports (speech, thought, evidence, intent,
	// other) and what kind of source it names; speech says whether
	// searches answer with it by default. Statements stored before count
	// as speech, as they were shown before.
	`ALTER TABLE statements ADD COLUMN class TEXT;
	ALTER TABLE statements ADD COLUMN class_confidence REAL;
	ALTER TABLE statements ADD COLUMN source_type TEXT;
	ALTER TABLE statements ADD COLUMN speech INTEGER NOT NULL DEFAULT 1;`,
	// 15: across articles. duplicates holds each article's MinHash
	// signature (package dedup) and the original it copies, NULL for an
	// original; duplicate_keys its LSH band keys, so a new article finds
	// its near copies by key instead of comparing with every article.
	// Articles stored before have no signature and are never matched.
	// Statements get how they reached the article (medium) and through
	// whom (via).
	`CREATE TABLE duplicates(
		rowid INTEGER PRIMARY KEY,
		article_id TEXT NOT NULL UNIQUE,
		signature BLOB NOT NULL,
		published TEXT,
		duplicate_of TEXT);
	CREATE INDEX duplicates_of ON duplicates(duplicate_of) WHERE duplicate_of IS NOT NULL;
	CREATE TABLE duplicate_keys(key INTEGER NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY(key, entry)) WITHOUT ROWID;
	ALTER TABLE statements ADD COLUMN medium TEXT;
	ALTER TABLE statements ADD COLUMN via TEXT;`,
	// 16: statement clusters (package cluster): each statement's cluster,
	// each cluster's fullest wording, first report and counts, and the
	// words that index its members for new statements of the speaker.
	`ALTER TABLE statements ADD COLUMN cluster_id TEXT;
	CREATE INDEX statements_cluster ON statements(cluster_id);
	CREATE TABLE clusters(id TEXT PRIMARY KEY, speaker_id TEXT NOT NULL, wording TEXT NOT NULL,
		first_statement TEXT NOT NULL, first_published TEXT, reports INTEGER NOT NULL DEFAULT 0,
		independent INTEGER NOT NULL DEFAULT 0, negated INTEGER NOT NULL DEFAULT 0);
	CREATE INDEX clusters_rank ON clusters(independent DESC, reports DESC, id);
	CREATE TABLE cluster_keys(speaker_id TEXT NOT NULL, key TEXT NOT NULL, cluster_id TEXT NOT NULL,
		PRIMARY KEY(speaker_id, key, cluster_id)) WITHOUT ROWID;`,
}

// SchemaVersion is the version this build writes.
var SchemaVersion = len(migrations)

// migrate runs the migrations the file has not seen, each in its own
// transaction, up to version to.
func migrate(ctx context.Context, db *sql.DB, to int) error {
	var have int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return err
	}
	if have > len(migrations) {
		return fmt.Errorf("the store was written by a newer whosaid (schema %d, this one knows %d)", have, len(migrations))
	}
	for v := have; v < to; v++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("schema migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
