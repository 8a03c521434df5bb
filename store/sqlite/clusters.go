package sqlite

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

// outletKey is what makes reports independent: the outlet of the
// original when the article is a reprint (package dedup), else its own
// outlet, or the article itself when it names none.
const outletKey = `COALESCE((SELECT COALESCE(NULLIF(o.outlet, ''), o.id) FROM duplicates d JOIN articles o ON o.id = d.duplicate_of
	WHERE d.article_id = a.id), NULLIF(a.outlet, ''), a.id)`

// ClusterCandidates returns the speaker's clusters with a member indexed
// under one of keys, oldest first.
func (t *tx) ClusterCandidates(ctx context.Context, speakerID string, keys []string) ([]whosaid.ClusterSketch, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := []any{speakerID, speakerID}
	for _, k := range keys {
		args = append(args, k)
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT DISTINCT c.rowid, c.id, c.speaker_id, c.wording, c.negated FROM cluster_keys k JOIN clusters c ON c.id = k.cluster_id
		WHERE k.speaker_id IN (SELECT id FROM speakers WHERE id = ? OR merged_into = ?) AND k.key IN (`+placeholders(len(keys))+`)
		ORDER BY c.rowid`, args...)
	if err != nil {
		return nil, dbError("cluster candidates", err)
	}
	defer rows.Close()
	var out []whosaid.ClusterSketch
	for rows.Next() {
		var rowid int64
		var c whosaid.ClusterSketch
		if err := rows.Scan(&rowid, &c.ID, &c.Speaker, &c.Wording, &c.Negated); err != nil {
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
	pub := timeText(m.Published, false)
	if _, err := t.tx.ExecContext(ctx, `INSERT INTO clusters(id, speaker_id, wording, first_statement, first_published, negated) VALUES(?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET
			wording = CASE WHEN length(excluded.wording) > length(wording) THEN excluded.wording ELSE wording END,
			first_statement = CASE WHEN excluded.first_published IS NOT NULL AND (first_published IS NULL OR excluded.first_published < first_published)
				THEN excluded.first_statement ELSE first_statement END,
			first_published = CASE WHEN excluded.first_published IS NOT NULL AND (first_published IS NULL OR excluded.first_published < first_published)
				THEN excluded.first_published ELSE first_published END`,
		m.Cluster, m.Speaker, m.Wording, m.Statement, pub, m.Negated); err != nil {
		return dbError("cluster "+m.Cluster, err)
	}
	for _, k := range m.Keys {
		if _, err := t.tx.ExecContext(ctx, "INSERT OR IGNORE INTO cluster_keys(speaker_id, key, cluster_id) VALUES(?,?,?)", m.Speaker, k, m.Cluster); err != nil {
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
		rows, err := t.tx.QueryContext(ctx, "SELECT DISTINCT cluster_id FROM statements WHERE article_id = ? AND cluster_id IS NOT NULL", a)
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
		if _, err := t.tx.ExecContext(ctx, `UPDATE clusters SET
			reports = (SELECT COUNT(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.cluster_id = clusters.id AND a.latest = 1),
			independent = (SELECT COUNT(DISTINCT `+outletKey+`) FROM statements s JOIN articles a ON a.id = s.article_id
				WHERE s.cluster_id = clusters.id AND a.latest = 1)
			WHERE id = ?`, id); err != nil {
			return dbError("cluster "+id, err)
		}
	}
	return nil
}

// Clusters returns one page of clusters with a statement matching q,
// most independent outlets first. The cursor is an offset.
func (s *Store) Clusters(ctx context.Context, q whosaid.ClusterQuery) (whosaid.Page[whosaid.ClusterSummary], error) {
	var page whosaid.Page[whosaid.ClusterSummary]
	where, args, err := s.where(ctx, q.StatementQuery)
	if err != nil {
		return page, err
	}
	fts, err := matchQuery(q.Text)
	if err != nil {
		return page, err
	}
	if fts != "" {
		where += " AND s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
		args = append(args, fts)
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
	rows, err := s.db.QueryContext(ctx, `SELECT c.id FROM clusters c WHERE c.id IN (SELECT s.cluster_id`+hitFrom+` WHERE `+where+`)
		ORDER BY c.independent DESC, c.reports DESC, c.id LIMIT ? OFFSET ?`, append(args, limit+1, offset)...)
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
	var speakerID, first string
	err := s.db.QueryRowContext(ctx, "SELECT speaker_id, wording, first_statement, reports, independent FROM clusters WHERE id = ?", id).
		Scan(&speakerID, &c.Wording, &first, &c.Reports, &c.Independent)
	if err == sql.ErrNoRows {
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
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT a.outlet FROM statements s JOIN articles a ON a.id = s.article_id
		WHERE s.cluster_id = ? AND a.outlet IS NOT NULL AND a.outlet != '' ORDER BY a.outlet`, id)
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
	rows, err := s.db.QueryContext(ctx, `SELECT `+hitColumns+hitFrom+` WHERE s.cluster_id = ?
		ORDER BY a.published IS NULL, a.published, s.rowid`, id)
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
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.speaker_id, c.wording, c.first_statement, COALESCE(c.first_published, ''),
		c.reports, c.independent, c.negated, COALESCE((SELECT group_concat(k.key, ' ') FROM cluster_keys k WHERE k.cluster_id = c.id), '')
		FROM clusters c ORDER BY c.rowid`)
	if err != nil {
		return dbError("dump clusters", err)
	}
	var all []whosaid.ArchivedCluster
	for rows.Next() {
		var c whosaid.ArchivedCluster
		var keys string
		if err := rows.Scan(&c.ID, &c.SpeakerID, &c.Wording, &c.FirstStatement, &c.FirstPublished, &c.Reports, &c.Independent, &c.Negated, &keys); err != nil {
			rows.Close()
			return dbError("dump clusters", err)
		}
		c.Keys = strings.Fields(keys)
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
