package sqlite

import (
	"context"
	"crypto/sha1"
	"database/sql"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid/export"
	"github.com/whosaid/whosaid/identity/names"
)

func defaultMatcher() (func(string) []string, func(string, string) (bool, float64)) {
	return names.Keys, names.Compare
}

// linkSpeaker finds the stored speaker an article's speaker is, or makes
// one: first a review decision pinning one of its names, then a stored
// speaker whose name matches (candidates by key, confirmed by the name
// matcher), else a new speaker. It records the names and roles seen.
func (s *Store) linkSpeaker(ctx context.Context, tx *sql.Tx, sp export.Speaker) (string, error) {
	variants := nameVariants(sp)
	id, err := s.pinnedSpeaker(ctx, tx, variants)
	if err != nil {
		return "", err
	}
	if id == "" {
		id, err = s.matchSpeaker(ctx, tx, sp.Name)
		if err != nil {
			return "", err
		}
	}
	if id == "" {
		id = newSpeakerID(sp.Name)
		for n := 1; ; n++ {
			var one int
			err := tx.QueryRowContext(ctx, "SELECT 1 FROM speakers WHERE id = ?", id).Scan(&one)
			if err == sql.ErrNoRows {
				break
			}
			if err != nil {
				return "", err
			}
			id = newSpeakerID(sp.Name + "#" + strconv.Itoa(n))
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO speakers(id, name, type) VALUES(?,?,?)", id, sp.Name, sp.Type); err != nil {
			return "", err
		}
	} else if err := s.preferName(ctx, tx, id, sp.Name); err != nil {
		return "", err
	}
	for _, v := range variants {
		if _, err := tx.ExecContext(ctx, `INSERT INTO speaker_variants(speaker_id, variant) VALUES(?,?)
			ON CONFLICT(speaker_id, variant) DO UPDATE SET n = n + 1`, id, v); err != nil {
			return "", err
		}
		for _, k := range s.opt.SpeakerKeys(v) {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO speaker_keys(key, speaker_id) VALUES(?,?)", k, id); err != nil {
				return "", err
			}
		}
	}
	for _, r := range sp.Roles {
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO speaker_roles(speaker_id, role) VALUES(?,?)", id, r); err != nil {
			return "", err
		}
	}
	return id, nil
}

// nameVariants are the speaker's mentions that are names (not "he", not
// "the ministry").
func nameVariants(sp export.Speaker) []string {
	seen := map[string]bool{}
	var out []string
	add := func(v string) {
		v = strings.TrimSpace(v)
		if v == "" || seen[v] || !properName(v) {
			return
		}
		seen[v] = true
		out = append(out, v)
	}
	add(sp.Name)
	for _, m := range sp.Mentions {
		add(m)
	}
	return out
}

func properName(v string) bool {
	first, _, _ := strings.Cut(v, " ")
	switch strings.ToLower(first) {
	case "he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "its", "the", "a", "an", "who", "this", "that":
		return false
	}
	for _, r := range v {
		return unicode.IsUpper(r)
	}
	return false
}

// pinnedSpeaker returns the speaker a review decision gave one of the
// variants to, following merges.
func (s *Store) pinnedSpeaker(ctx context.Context, tx *sql.Tx, variants []string) (string, error) {
	for _, v := range variants {
		var id string
		err := tx.QueryRowContext(ctx, "SELECT speaker_id FROM pinned WHERE variant = ?", pinKey(v)).Scan(&id)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return "", err
		}
		return s.live(ctx, tx, id)
	}
	return "", nil
}

// live follows merges to the speaker that stands for id now.
func (s *Store) live(ctx context.Context, q querier, id string) (string, error) {
	for i := 0; i < 100; i++ {
		var into sql.NullString
		err := q.QueryRowContext(ctx, "SELECT merged_into FROM speakers WHERE id = ?", id).Scan(&into)
		if err != nil || !into.Valid || into.String == "" {
			return id, nil
		}
		id = into.String
	}
	return id, nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// matchSpeaker looks for a stored speaker one of whose names matches name.
func (s *Store) matchSpeaker(ctx context.Context, tx *sql.Tx, name string) (string, error) {
	best, bestScore := "", 0.0
	for _, k := range s.opt.SpeakerKeys(name) {
		rows, err := tx.QueryContext(ctx, `SELECT v.speaker_id, v.variant FROM speaker_keys k
			JOIN speaker_variants v ON v.speaker_id = k.speaker_id
			JOIN speakers sp ON sp.id = k.speaker_id AND sp.merged_into IS NULL
			WHERE k.key = ? LIMIT 500`, k)
		if err != nil {
			return "", err
		}
		for rows.Next() {
			var id, variant string
			if err := rows.Scan(&id, &variant); err != nil {
				rows.Close()
				return "", err
			}
			if same, score := s.opt.SameSpeaker(name, variant); same && score > bestScore {
				best, bestScore = id, score
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", err
		}
	}
	if best == "" {
		return "", nil
	}
	// A split decision may have taken this name away from that speaker.
	var blocked int
	err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM decisions WHERE kind = 'split' AND speaker_id = ? AND instr(variants, ?) > 0", best, "\x1f"+pinKey(name)+"\x1f").Scan(&blocked)
	if err != nil {
		return "", err
	}
	if blocked > 0 {
		return "", nil
	}
	return best, nil
}

// preferName keeps the fullest proper form of a speaker's name.
func (s *Store) preferName(ctx context.Context, tx *sql.Tx, id, name string) error {
	var cur string
	if err := tx.QueryRowContext(ctx, "SELECT name FROM speakers WHERE id = ?", id).Scan(&cur); err != nil {
		return err
	}
	if len(strings.Fields(name)) > len(strings.Fields(cur)) && properName(name) {
		_, err := tx.ExecContext(ctx, "UPDATE speakers SET name = ? WHERE id = ?", name, id)
		return err
	}
	return nil
}

func pinKey(v string) string { return strings.ToLower(strings.Join(strings.Fields(v), " ")) }

func newSpeakerID(name string) string {
	sum := sha1.Sum([]byte(strings.ToLower(name)))
	return "spk_" + hex.EncodeToString(sum[:6])
}
