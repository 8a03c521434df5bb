package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/whosaid/whosaid"
)

// migrations build the schema step by step; schema_version holds how
// many have run. Never edit a migration once released: add one at the end.
var migrations = []string{
	// 1: everything the SQLite store's thirteen migrations built, at once.
	//
	// The full-text search configuration: the store folds text itself
	// (searchText) into lower-case letters and digits without diacritics,
	// so the parser sees only words, and every word is stemmed with
	// English Snowball, keeping stop words, as SQLite's index keeps them.
	`CREATE TEXT SEARCH DICTIONARY whosaid_stem (TEMPLATE = snowball, Language = english);
	CREATE TEXT SEARCH CONFIGURATION whosaid (PARSER = default);
	ALTER TEXT SEARCH CONFIGURATION whosaid ADD MAPPING FOR asciiword, word, numword, asciihword, hword, numhword,
		hword_asciipart, hword_part, hword_numpart, int, uint, float, sfloat, version WITH whosaid_stem;

	CREATE TABLE articles(
		n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		id text COLLATE "C" NOT NULL UNIQUE,
		url text COLLATE "C", source text COLLATE "C", version integer NOT NULL DEFAULT 1, latest boolean NOT NULL DEFAULT true,
		title text COLLATE "C", outlet text COLLATE "C", byline text COLLATE "C", published text COLLATE "C", published_from text COLLATE "C", fetched text COLLATE "C",
		charset text COLLATE "C", charset_from text COLLATE "C", medium text COLLATE "C", via text COLLATE "C",
		text text COLLATE "C" NOT NULL,
		raw_gz bytea, raw_sha256 text COLLATE "C", media_type text COLLATE "C",
		ingested_at text COLLATE "C" NOT NULL,
		UNIQUE(url, version));
	CREATE INDEX articles_raw ON articles(raw_sha256);
	CREATE INDEX articles_ingested ON articles(ingested_at);
	CREATE INDEX articles_outlet ON articles(outlet);
	CREATE INDEX articles_latest ON articles(url) WHERE latest;

	CREATE TABLE outlets(name text COLLATE "C" PRIMARY KEY);

	CREATE TABLE speakers(id text COLLATE "C" PRIMARY KEY, name text COLLATE "C" NOT NULL, type text COLLATE "C", merged_into text COLLATE "C");
	CREATE TABLE speaker_variants(speaker_id text COLLATE "C" NOT NULL, variant text COLLATE "C" NOT NULL, n integer NOT NULL DEFAULT 1,
		PRIMARY KEY(speaker_id, variant));
	CREATE INDEX speaker_variants_lower ON speaker_variants(lower(variant));
	CREATE TABLE speaker_keys(key text COLLATE "C" NOT NULL, speaker_id text COLLATE "C" NOT NULL, PRIMARY KEY(key, speaker_id));
	CREATE TABLE speaker_roles(speaker_id text COLLATE "C" NOT NULL, role text COLLATE "C" NOT NULL, PRIMARY KEY(speaker_id, role));
	CREATE TABLE article_speakers(article_id text COLLATE "C" NOT NULL, speaker_id text COLLATE "C" NOT NULL, mentions integer NOT NULL,
		PRIMARY KEY(article_id, speaker_id));
	CREATE INDEX article_speakers_speaker ON article_speakers(speaker_id);

	-- tsv is content (A), speaker (B), title and outlet (C); ntok_* count
	-- the words of each, for BM25 (rank.go).
	CREATE TABLE statements(
		n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		id text COLLATE "C" NOT NULL UNIQUE,
		article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
		seq integer NOT NULL, kind text COLLATE "C" NOT NULL,
		speaker_id text COLLATE "C", speaker_variant text COLLATE "C",
		source_text text COLLATE "C", source_start integer, source_end integer,
		cue_text text COLLATE "C", cue_start integer, cue_end integer,
		content_text text COLLATE "C" NOT NULL, content_start integer NOT NULL, content_end integer NOT NULL, fragments text COLLATE "C",
		said_on text COLLATE "C", said_on_from text COLLATE "C", confidence double precision,
		tsv tsvector NOT NULL,
		ntok_content integer NOT NULL DEFAULT 0, ntok_speaker integer NOT NULL DEFAULT 0, ntok_title integer NOT NULL DEFAULT 0);
	CREATE INDEX statements_article ON statements(article_id);
	CREATE INDEX statements_speaker ON statements(speaker_id);
	CREATE INDEX statements_said_on ON statements(said_on);
	CREATE INDEX statements_tsv ON statements USING gin(tsv);
	-- Totals of the full-text index (rows and words), in a few shards so
	-- concurrent writers seldom wait on one row.
	CREATE TABLE fts_totals(shard integer PRIMARY KEY, rows bigint NOT NULL DEFAULT 0, tokens bigint NOT NULL DEFAULT 0);

	CREATE TABLE decisions(n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text COLLATE "C" NOT NULL, speaker_id text COLLATE "C" NOT NULL,
		other_id text COLLATE "C", variants text COLLATE "C", statement_id text COLLATE "C", why text COLLATE "C" NOT NULL, at text COLLATE "C" NOT NULL);
	CREATE TABLE pinned(variant text COLLATE "C" PRIMARY KEY, speaker_id text COLLATE "C" NOT NULL);
	CREATE TABLE corrections(statement_id text COLLATE "C" PRIMARY KEY, speaker_id text COLLATE "C", why text COLLATE "C" NOT NULL, at text COLLATE "C" NOT NULL);

	CREATE TABLE watch_sources(url text COLLATE "C" PRIMARY KEY, etag text COLLATE "C", last_modified text COLLATE "C", raw_sha256 text COLLATE "C",
		last_poll text COLLATE "C", last_ok text COLLATE "C", next_poll text COLLATE "C", failures integer NOT NULL DEFAULT 0, last_error text COLLATE "C");
	CREATE TABLE watch_seen(source text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL, url text COLLATE "C", article_id text COLLATE "C", error text COLLATE "C", at text COLLATE "C" NOT NULL,
		PRIMARY KEY(source, key));
	CREATE TABLE saved_searches(name text COLLATE "C" PRIMARY KEY, query text COLLATE "C" NOT NULL, independent integer NOT NULL DEFAULT 0,
		fire_on text COLLATE "C" NOT NULL, notify text COLLATE "C" NOT NULL, created text COLLATE "C" NOT NULL, checked text COLLATE "C" NOT NULL);
	CREATE TABLE alert_deliveries(id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		search text COLLATE "C" NOT NULL REFERENCES saved_searches(name) ON DELETE CASCADE,
		unit text COLLATE "C" NOT NULL, statement_id text COLLATE "C", notify text COLLATE "C" NOT NULL, payload bytea, fired text COLLATE "C" NOT NULL,
		attempts integer NOT NULL DEFAULT 0, next_attempt text COLLATE "C" NOT NULL, delivered text COLLATE "C", gave_up boolean NOT NULL DEFAULT false,
		last_error text COLLATE "C", UNIQUE(search, unit));
	CREATE INDEX alert_deliveries_due ON alert_deliveries(next_attempt) WHERE delivered IS NULL AND NOT gave_up;`,
	// 2: the speaker words each statement's index holds (the name when it
	// was stored), so a copy of the store indexes it alike.
	`ALTER TABLE statements ADD COLUMN fts_speaker text COLLATE "C";`,
	// 3: the ingest queue (whosaid.Queue). Leases are in the database's
	// time, so the clocks of the workers' machines do not matter.
	`CREATE TABLE jobs(
		id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		input text COLLATE "C" NOT NULL,
		state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
		attempts integer NOT NULL DEFAULT 0,
		worker text, lease_until timestamptz,
		enqueued timestamptz NOT NULL DEFAULT now(), finished timestamptz,
		summary text, reason text);
	CREATE UNIQUE INDEX jobs_open_input ON jobs(input) WHERE state IN ('pending', 'running');
	CREATE INDEX jobs_due ON jobs(id) WHERE state IN ('pending', 'running');`,
	// 4: the store writes its tsvectors itself, with FTS5's porter stems
	// (porter.go), instead of through a Snowball configuration: every
	// statement is indexed again (reindexAll) and the configuration goes.
	`DROP TEXT SEARCH CONFIGURATION whosaid; DROP TEXT SEARCH DICTIONARY whosaid_stem;`,
	// 5: how many statements hold each term, in any column ('') and in
	// each (A, B, C), in shards like fts_totals: BM25's document
	// frequencies without counting matches at every search (terms.go).
	`CREATE TABLE fts_terms(term text COLLATE "C" NOT NULL, col text NOT NULL, shard integer NOT NULL, docs bigint NOT NULL,
		PRIMARY KEY(term, col, shard));
	INSERT INTO fts_terms(term, col, shard, docs) SELECT u.lexeme, '', 0, count(*) FROM statements s, unnest(s.tsv) u GROUP BY u.lexeme;
	INSERT INTO fts_terms(term, col, shard, docs) SELECT x.lexeme, x.w, 0, count(DISTINCT x.n)
		FROM (SELECT s.n, u.lexeme, unnest(u.weights) AS w FROM statements s, unnest(s.tsv) u) x GROUP BY x.lexeme, x.w;`,
	// 6: what each statement reports and what kind of source it names;
	// speech says whether searches answer with it by default (as the
	// SQLite store's migration 14). Statements stored before are speech.
	`ALTER TABLE statements ADD COLUMN class text COLLATE "C";
	ALTER TABLE statements ADD COLUMN class_confidence double precision;
	ALTER TABLE statements ADD COLUMN source_type text COLLATE "C";
	ALTER TABLE statements ADD COLUMN speech boolean NOT NULL DEFAULT true;`,
	// 7: across articles, as the SQLite store's migration 15: each
	// article's MinHash signature (package dedup) and the original it
	// copies (NULL for an original), its LSH band keys to find near
	// copies by key; and how each statement reached the article (medium)
	// and through whom (via).
	`CREATE TABLE duplicates(
		n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		article_id text COLLATE "C" NOT NULL UNIQUE,
		signature bytea NOT NULL,
		published text,
		duplicate_of text COLLATE "C");
	CREATE INDEX duplicates_of ON duplicates(duplicate_of) WHERE duplicate_of IS NOT NULL;
	CREATE TABLE duplicate_keys(key bigint NOT NULL, entry bigint NOT NULL, PRIMARY KEY(key, entry));
	ALTER TABLE statements ADD COLUMN medium text;
	ALTER TABLE statements ADD COLUMN via text;`,
	// 8: statement clusters (package cluster), as the SQLite store's
	// migration 16.
	`ALTER TABLE statements ADD COLUMN cluster_id text COLLATE "C";
	CREATE INDEX statements_cluster ON statements(cluster_id);
	CREATE TABLE clusters(n bigint GENERATED ALWAYS AS IDENTITY, id text COLLATE "C" PRIMARY KEY,
		speaker_id text COLLATE "C" NOT NULL, wording text COLLATE "C" NOT NULL,
		first_statement text COLLATE "C" NOT NULL, first_published text COLLATE "C",
		reports integer NOT NULL DEFAULT 0, independent integer NOT NULL DEFAULT 0, negated boolean NOT NULL DEFAULT false);
	CREATE INDEX clusters_rank ON clusters(independent DESC, reports DESC, id);
	CREATE TABLE cluster_keys(speaker_id text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL,
		cluster_id text COLLATE "C" NOT NULL, PRIMARY KEY(speaker_id, key, cluster_id));`,
}

// goMigrations are the steps of a migration that SQL cannot do, by
// version; they run in its transaction, after its SQL.
var goMigrations = map[int]func(ctx context.Context, tx pgx.Tx) error{
	4: reindexAll,
}

// reindexAll builds every statement's tsvector again from its columns.
func reindexAll(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT s.n, s.content_text,
		COALESCE(s.fts_speaker, CASE WHEN s.speaker_id IS NULL THEN '' ELSE COALESCE(sp.name, '') || ' ' || s.speaker_id END),
		COALESCE(a.title, ''), COALESCE(a.outlet, '')
		FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id`)
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	for rows.Next() {
		var n int64
		var content, speaker, title, outlet string
		if err := rows.Scan(&n, &content, &speaker, &title, &outlet); err != nil {
			rows.Close()
			return err
		}
		b.Queue("UPDATE statements SET tsv = $1::tsvector WHERE n = $2",
			tsvector(column{terms(content), "A"}, column{terms(speaker), "B"}, column{terms(titleColumn(title, outlet)), "C"}), n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if b.Len() == 0 {
		return nil
	}
	return tx.SendBatch(ctx, b).Close()
}

// SchemaVersion is the version this build writes.
var SchemaVersion = len(migrations)

// migrationLock is the advisory lock key under which one process at a
// time migrates a database.
const migrationLock = 0x77686f7361696401 // "whosaid" 01

// schemaVersion reads the database's version: 0 for a database without
// whosaid's tables, -1 for one that holds other tables (another
// program's).
func schemaVersion(ctx context.Context, q querier) (int, error) {
	// pg_tables reads the catalog with the statement's snapshot, so a
	// table another process just committed is seen at once (to_regclass
	// goes through caches that may not have caught up yet).
	var tables, ours int
	if err := q.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE tablename = 'schema_version')
		FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables, &ours); err != nil {
		return 0, err
	}
	switch {
	case ours == 0 && tables > 0:
		return -1, nil
	case ours == 0:
		return 0, nil
	}
	var v int
	err := q.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&v)
	return v, err
}

// migrate runs the migrations the database has not seen, each in its own
// transaction, under an advisory lock so two processes starting at once
// migrate it once.
func migrate(ctx context.Context, pool *pgxpool.Pool, to int) error {
	for {
		done, err := migrateOne(ctx, pool, to)
		if err != nil || done {
			return err
		}
	}
}

func migrateOne(ctx context.Context, pool *pgxpool.Pool, to int) (bool, error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrationLock)); err != nil {
		return false, err
	}
	have, err := schemaVersion(ctx, tx)
	if err != nil {
		return false, err
	}
	if have >= to {
		return true, nil
	}
	if have < 0 {
		return false, whosaid.Errorf(whosaid.EInvalid, "the database holds tables of another program, not a whosaid store")
	}
	if have == 0 {
		if _, err := tx.Exec(ctx, "CREATE TABLE schema_version(version integer NOT NULL); INSERT INTO schema_version VALUES(0)"); err != nil {
			return false, fmt.Errorf("schema version table: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, migrations[have]); err != nil {
		return false, fmt.Errorf("schema migration %d: %w", have+1, err)
	}
	if fn := goMigrations[have+1]; fn != nil {
		if err := fn(ctx, tx); err != nil {
			return false, fmt.Errorf("schema migration %d: %w", have+1, err)
		}
	}
	if _, err := tx.Exec(ctx, "UPDATE schema_version SET version = $1", have+1); err != nil {
		return false, err
	}
	return false, tx.Commit(ctx)
}

// querier is what pools, connections and transactions share.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}
