package server

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// apiStatements searches statements: best match first for a text query,
// newest first without one or with ?sort=date; a page at a time.
func (s *Server) apiStatements(w http.ResponseWriter, r *http.Request) error {
	p, err := s.params(r, true, searchParams...)
	if err != nil {
		return err
	}
	q, err := p.statementQuery()
	if err != nil {
		return err
	}
	page, err := s.store.Search(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.PageOf(page, wire.FromHit))
	return nil
}

func (s *Server) apiStatement(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	h, err := s.store.Statement(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.FromHit(*h))
	return nil
}

// apiSpeakers lists speakers, most statements first; ?q= keeps those
// with a name or variant containing it.
func (s *Server) apiSpeakers(w http.ResponseWriter, r *http.Request) error {
	p, err := s.params(r, true, "q", "limit", "cursor")
	if err != nil {
		return err
	}
	limit, err := p.pageSize(20)
	if err != nil {
		return err
	}
	page, err := s.store.Speakers(r.Context(), whosaid.SpeakerQuery{Query: p.str("q"), Limit: limit, Cursor: p.str("cursor")})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.PageOf(page, wire.FromSpeaker))
	return nil
}

// apiSpeaker is one speaker by id (or by a name that names one speaker).
func (s *Server) apiSpeaker(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	sp, err := s.store.Speaker(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.FromSpeaker(*sp))
	return nil
}

// apiCoMentioned lists the people named most often in the articles that
// name a speaker.
func (s *Server) apiCoMentioned(w http.ResponseWriter, r *http.Request) error {
	p, err := s.params(r, true, "limit")
	if err != nil {
		return err
	}
	limit, err := p.pageSize(10)
	if err != nil {
		return err
	}
	sp, err := s.store.Speaker(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	list, err := s.coMentioned(r, sp.ID, limit)
	if err != nil {
		return err
	}
	out := wire.Page[wire.CoMention]{Items: []wire.CoMention{}}
	for _, c := range list {
		out.Items = append(out.Items, wire.FromCoMention(c))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// coMentioned asks the store who is named with speaker id, when the
// store can tell.
func (s *Server) coMentioned(r *http.Request, id string, limit int) ([]whosaid.CoMention, error) {
	cm, ok := s.store.(whosaid.CoMentioner)
	if !ok {
		return nil, whosaid.Errorf(whosaid.EUnsupported, "this store cannot tell who is named with whom")
	}
	return cm.CoMentioned(r.Context(), id, limit)
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	a, err := s.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.FromArticle(a))
	return nil
}

// apiRawCopy sends the bytes an article was read from, as a download
// that no browser renders: they are the open web's HTML, scripts and all.
func (s *Server) apiRawCopy(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	raw, err := s.store.RawCopy(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	ext := ".txt"
	if raw.MediaType == whosaid.MediaHTML {
		ext = ".html"
	}
	h := w.Header()
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s%s"`, safeFilename(raw.ArticleID), ext))
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	h.Set("X-Whosaid-Media-Type", raw.MediaType)
	h.Set("X-Whosaid-SHA256", raw.SHA256)
	w.Write(raw.Bytes)
	return nil
}

// safeFilename keeps letters, digits, '-' and '_' (article ids are hex;
// this is for a header, where anything else could break out).
func safeFilename(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, s)
}

// apiDecisions lists every review decision (merges, splits), oldest first.
func (s *Server) apiDecisions(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	ds, err := s.store.Decisions(r.Context())
	if err != nil {
		return err
	}
	out := []wire.Decision{}
	for _, d := range ds {
		out = append(out, wire.FromDecision(d))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	st, err := s.store.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.FromStats(st))
	return nil
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPIDoc)
	return nil
}
