package server

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// mergeRequest is the body of POST /api/v1/speakers/{id}/merge: the
// speaker merged into {id}, and why.
type mergeRequest struct {
	From string `json:"from"`
	Why  string `json:"why"`
}

// splitRequest is the body of POST /api/v1/speakers/{id}/split: the
// variants that name another person, and why.
type splitRequest struct {
	Variants []string `json:"variants"`
	Why      string   `json:"why"`
}

// apiMerge makes one speaker of two, as `whosaid speakers merge`: the
// decision is kept with its reason and binds later ingests.
func (s *Server) apiMerge(w http.ResponseWriter, r *http.Request) error {
	var req mergeRequest
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	if req.From == "" {
		return whosaid.Errorf(whosaid.EInvalid, `the body needs "from": the id of the speaker to merge into this one`)
	}
	id := r.PathValue("id")
	if err := s.store.MergeSpeakers(r.Context(), whosaid.Merge{Into: id, From: req.From, Why: req.Why}); err != nil {
		return err
	}
	sp, err := s.store.Speaker(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.FromSpeaker(*sp))
	return nil
}

// apiSplit moves variants of a speaker (and their statements) to a new
// speaker, as `whosaid speakers split`, and answers with the new one.
func (s *Server) apiSplit(w http.ResponseWriter, r *http.Request) error {
	var req splitRequest
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	newID, err := s.store.SplitSpeaker(r.Context(), whosaid.Split{ID: r.PathValue("id"), Variants: req.Variants, Why: req.Why})
	if err != nil {
		return err
	}
	sp, err := s.store.Speaker(r.Context(), newID)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/speakers/"+newID)
	writeJSON(w, http.StatusCreated, wire.FromSpeaker(*sp))
	return nil
}

// decode reads a JSON body of at most MaxBody bytes into v, refusing
// unknown fields and trailing data.
func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	body, err := readBody(w, r, s.limits.MaxBody)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return whosaid.Errorf(whosaid.EInvalid, "the body is not the JSON object this route takes: %v", err)
	}
	if dec.More() {
		return whosaid.Errorf(whosaid.EInvalid, "the body holds more than one JSON value")
	}
	return nil
}
