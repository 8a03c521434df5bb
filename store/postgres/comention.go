package postgres

import (
	"context"

	"github.com/whosaid/whosaid"
)

// CoMentioned lists the speakers named in the articles that name id
// (article_speakers), counting the versions of one URL as one article.
func (s *Store) CoMentioned(ctx context.Context, id string, limit int) ([]whosaid.CoMention, error) {
	if limit <= 0 {
		limit = 10
	}
	id, err := live(ctx, s.pool, id)
	if err != nil {
		return nil, err
	}
	if ok, err := exists(ctx, s.pool, "SELECT 1 FROM speakers WHERE id = $1", id); err != nil {
		return nil, err
	} else if !ok {
		return nil, whosaid.Errorf(whosaid.ENotFound, "no speaker %q in the store", id)
	}
	// Per other speaker and story (URL, else article id): the most
	// mentions any version gives; then per speaker, stories and mentions.
	rows, err := s.pool.Query(ctx, `SELECT x.id, sp.name, COALESCE(sp.type, ''), count(*), sum(x.m) FROM (
			SELECT o.speaker_id AS id, COALESCE(NULLIF(a.url, ''), a.id) AS story, max(o.mentions) AS m
			FROM article_speakers me
			JOIN article_speakers o ON o.article_id = me.article_id AND o.speaker_id <> me.speaker_id
			JOIN articles a ON a.id = me.article_id
			WHERE me.speaker_id = $1 GROUP BY o.speaker_id, story) x
		JOIN speakers sp ON sp.id = x.id AND sp.merged_into IS NULL AND `+named+`
		GROUP BY x.id, sp.name, sp.type ORDER BY count(*) DESC, sum(x.m) DESC, x.id LIMIT $2`, id, limit)
	if err != nil {
		return nil, dbError("co-mentions of "+id, err)
	}
	defer rows.Close()
	var out []whosaid.CoMention
	for rows.Next() {
		var c whosaid.CoMention
		var typ string
		if err := rows.Scan(&c.Speaker.ID, &c.Speaker.Name, &typ, &c.Articles, &c.Mentions); err != nil {
			return nil, dbError("co-mentions of "+id, err)
		}
		c.Speaker.Type = entityType(typ)
		out = append(out, c)
	}
	return out, dbError("co-mentions of "+id, rows.Err())
}
