package server

import (
	"net/http"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// apiExport streams every statement matching the filters, oldest first,
// as CSV or JSON lines (the wire writers `whosaid export` uses), as a
// download: the "export" links of the search page.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) error {
	p, err := s.params(r, true, exportParams...)
	if err != nil {
		return err
	}
	q, err := p.statementQuery()
	if err != nil {
		return err
	}
	format := p.str("format")
	ctype := map[string]string{wire.FormatCSV: "text/csv; charset=utf-8", wire.FormatJSONL: "application/x-ndjson; charset=utf-8"}[format]
	if ctype == "" {
		return whosaid.Errorf(whosaid.EInvalid, "?format=%q: want csv or jsonl", format)
	}
	// Resolve the filters before the first byte, so a bad speaker name or
	// a store failure is still an error response.
	first := true
	var out *wire.Writer[wire.Hit]
	start := func() error {
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Content-Disposition", `attachment; filename="whosaid-statements-`+time.Now().UTC().Format("20060102-150405")+"."+format+`"`)
		var err error
		out, err = wire.NewWriter[wire.Hit](w, format)
		return err
	}
	err = s.store.Export(r.Context(), q, func(h whosaid.StatementHit) error {
		if first {
			first = false
			if err := start(); err != nil {
				return err
			}
		}
		return out.Write(wire.FromHit(h))
	})
	if err != nil {
		return err
	}
	if first { // nothing matched: still a file, with its header row
		if err := start(); err != nil {
			return err
		}
	}
	return out.Close()
}
