package postgres

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/whosaid/whosaid"
)

// outletKey is what makes reports independent: the outlet of the
// original when the article is a reprint (package dedup), else its own
// outlet, or the article itself when it names none (as the SQLite store).
const outletKey = `COALESCE((SELECT COALESCE(NULLIF(o.outlet, ''), o.id) FROM duplicates d JOIN articles o ON o.id = d.duplicate_of
	WHERE d.article_id = a.id), NULLIF(a.outlet, ''), a.id)`

// ClusterCandidates returns the speaker's clusters with a member indexed
// under one of keys, oldest first.
func (t *tx) ClusterCandidates(ctx context.Context, speakerID string, keys []string) ([]whosaid.ClusterSketch, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	rows, err := t.tx.Query(ctx, `SELECT c.id, c.speaker_id, c.wording, c.negated FROM clusters c
		WHERE c.id IN (SELECT k.cluster_id FROM cluster_keys k
			WHERE k.speaker_id IN (SELECT id FROM speakers WHERE id = $1 OR merged_into = $1) AND k.key = ANY($2))
		ORDER BY c.n`, speakerID, keys)
	if err != nil {
		return nil, dbError("cluster candidates", err)
	}
	defer rows.Close()
	var out []whosaid.ClusterSketch
	for rows.Next() {
		var c whosaid.ClusterSketch
		if err := rows.Scan(&c.ID, &c.Speaker, &c.Wording, &c.Negated); err != nil {
			return nil, dbError("cluster candidates", err)
		}
		out = append(out, c)
	}
	return out, dbError("cluster candidates", rows.Err())
}

// PutClusterMember records a member: the cluster is created with it as
// its first report, takes its wording when fuller, and its first report
// when it was published earlier (a known date before an unknown one).
func (t *tx) PutClusterMember(ctx context.Context, m whosaid.ClusterMember) error {
	if _, err := t.tx.Exec(ctx, `INSERT INTO clusters(id, speaker_id, wording, first_statement, first_published, negated) VALUES($1,$2,$3,$4,$5,$6)
		ON CONFLICT(id) DO UPDATE SET
			wording = CASE WHEN length(excluded.wording) > length(clusters.wording) THEN excluded.wording ELSE clusters.wording END,
			first_statement = CASE WHEN excluded.first_published IS NOT NULL AND (clusters.first_published IS NULL OR excluded.first_published < clusters.first_published)
				THEN excluded.first_statement ELSE clusters.first_statement END,
			first_published = CASE WHEN excluded.first_published IS NOT NULL AND (clusters.first_published IS NULL OR excluded.first_published < clusters.first_published)
				THEN excluded.first_published ELSE clusters.first_published END`,
		m.Cluster, m.Speaker, m.Wording, m.Statement, timeText(m.Published, false), m.Negated); err != nil {
		return dbError("cluster "+m.Cluster, err)
	}
	if len(m.Keys) > 0 {
		if _, err := t.tx.Exec(ctx, `INSERT INTO cluster_keys(speaker_id, key, cluster_id) SELECT $1, k, $3 FROM unnest($2::text[]) k
			ON CONFLICT DO NOTHING`, m.Speaker, m.Keys, m.Cluster); err != nil {
			return dbError("cluster "+m.Cluster, err)
		}
	}
	return nil
}

// countClusters recounts the reports and independent outlets of the
// clusters doc's statements joined, once they are stored.
func (t *tx) countClusters(ctx context.Context, doc *whosaid.Doc) error {
	var ids []string
	seen := map[string]bool{}
	for _, st := range doc.Statements {
		if st.Cluster != "" && !seen[st.Cluster] {
			seen[st.Cluster] = true
			ids = append(ids, st.Cluster)
		}
	}
	return t.recount(ctx, ids)
}

// recountArticles recounts the clusters of the articles' statements: a
// reprint found (or an original found later) changes their independent
// outlets.
func (t *tx) recountArticles(ctx context.Context, articles []string) error {
	var ids []string
	for _, a := range articles {
		rows, err := t.tx.Query(ctx, "SELECT DISTINCT cluster_id FROM statements WHERE article_id = $1 AND cluster_id IS NOT NULL", a)
		if err != nil {
			return dbError("clusters of "+a, err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return dbError("clusters of "+a, err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return dbError("clusters of "+a, err)
		}
	}
	return t.recount(ctx, ids)
}

// recount sets the reports and independent outlets of the clusters ids.
func (t *tx) recount(ctx context.Context, ids []string) error {
	for _, id := range ids {
		if _, err := t.tx.Exec(ctx, `UPDATE clusters SET
			reports = (SELECT COUNT(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.cluster_id = clusters.id AND a.latest),
			independent = (SELECT COUNT(DISTINCT `+outletKey+`) FROM statements s JOIN articles a ON a.id = s.article_id
				WHERE s.cluster_id = clusters.id AND a.latest)
			WHERE id = $1`, id); err != nil {
			return dbError("cluster "+id, err)
		}
	}
	return nil
}

// Clusters returns one page of clusters with a statement matching q,
// most independent outlets first. The cursor is an offset.
func (s *Store) Clusters(ctx context.Context, q whosaid.ClusterQuery) (whosaid.Page[whosaid.ClusterSummary], error) {
	var page whosaid.Page[whosaid.ClusterSummary]
	var a args
	c, err := s.compile(q.Text)
	if err != nil {
		return page, err
	}
	where, err := s.where(ctx, q.StatementQuery, &a)
	if err != nil {
		return page, err
	}
	if c != nil {
		where += " AND s.tsv @@ " + a.add(c.TSQuery) + "::tsquery"
	}
	offset := 0
	if q.Cursor != "" {
		if offset, err = strconv.Atoi(q.Cursor); err != nil || offset < 0 {
			return page, whosaid.Errorf(whosaid.EInvalid, "bad cursor %q", q.Cursor)
		}
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.pool.Query(ctx, `SELECT c.id FROM clusters c WHERE c.id IN (SELECT s.cluster_id`+hitFrom+` WHERE `+where+`)
		ORDER BY c.independent DESC, c.reports DESC, c.id LIMIT `+a.add(limit+1)+` OFFSET `+a.add(offset), a...)
	if err != nil {
		return page, dbError("clusters", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return page, dbError("clusters", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, dbError("clusters", err)
	}
	if len(ids) > limit {
		ids, page.Next = ids[:limit], strconv.Itoa(offset+limit)
	}
	for _, id := range ids {
		c, err := s.clusterSummary(ctx, id)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, *c)
	}
	return page, nil
}

// clusterSummary reads one cluster's row, speaker, outlets and first
// report.
func (s *Store) clusterSummary(ctx context.Context, id string) (*whosaid.ClusterSummary, error) {
	c := &whosaid.ClusterSummary{ID: id}
	var first string
	err := s.pool.QueryRow(ctx, "SELECT wording, first_statement, reports, independent FROM clusters WHERE id = $1", id).
		Scan(&c.Wording, &first, &c.Reports, &c.Independent)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no cluster %q in the store", id)
	}
	if err != nil {
		return nil, dbError("cluster "+id, err)
	}
	h, err := s.Statement(ctx, first)
	if err != nil {
		return nil, err
	}
	c.First = *h
	c.Speaker = h.Speaker
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT a.outlet FROM statements s JOIN articles a ON a.id = s.article_id
		WHERE s.cluster_id = $1 AND a.outlet IS NOT NULL AND a.outlet <> '' ORDER BY a.outlet`, id)
	if err != nil {
		return nil, dbError("cluster "+id, err)
	}
	defer rows.Close()
	c.Outlets = []string{}
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, dbError("cluster "+id, err)
		}
		c.Outlets = append(c.Outlets, o)
	}
	return c, dbError("cluster "+id, rows.Err())
}

// Cluster returns one cluster with every report, in order of
// publication (undated last, then as stored).
func (s *Store) Cluster(ctx context.Context, id string) (*whosaid.ClusterDetail, error) {
	id = strings.TrimSpace(id)
	sum, err := s.clusterSummary(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &whosaid.ClusterDetail{ClusterSummary: *sum}
	rows, err := s.pool.Query(ctx, `SELECT `+hitColumns+hitFrom+` WHERE s.cluster_id = $1
		ORDER BY a.published IS NULL, a.published, s.n`, id)
	if err != nil {
		return nil, dbError("cluster "+id, err)
	}
	defer rows.Close()
	for rows.Next() {
		h, _, err := scanHit(rows)
		if err != nil {
			return nil, err
		}
		d.Statements = append(d.Statements, h)
	}
	return d, dbError("cluster "+id, rows.Err())
}

// dumpClusters calls fn with every cluster and the words it is indexed
// under, in the order they were made.
func (s *Store) dumpClusters(ctx context.Context, fn func(whosaid.ArchiveRecord) error) error {
	rows, err := s.pool.Query(ctx, `SELECT c.id, c.speaker_id, c.wording, c.first_statement, COALESCE(c.first_published, ''),
		c.reports, c.independent, c.negated, COALESCE((SELECT array_agg(k.key ORDER BY k.key) FROM cluster_keys k WHERE k.cluster_id = c.id), '{}')
		FROM clusters c ORDER BY c.n`)
	if err != nil {
		return dbError("dump clusters", err)
	}
	var all []whosaid.ArchivedCluster
	for rows.Next() {
		var c whosaid.ArchivedCluster
		if err := rows.Scan(&c.ID, &c.SpeakerID, &c.Wording, &c.FirstStatement, &c.FirstPublished, &c.Reports, &c.Independent, &c.Negated, &c.Keys); err != nil {
			rows.Close()
			return dbError("dump clusters", err)
		}
		all = append(all, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return dbError("dump clusters", err)
	}
	for i := range all {
		if err := fn(whosaid.ArchiveRecord{Cluster: &all[i]}); err != nil {
			return err
		}
	}
	return nil
}
