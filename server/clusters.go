package server

import (
	"net/http"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/wire"
)

// clusterParams are the statement filters with a page size and cursor:
// clusters are ordered by independent outlets, not sorted otherwise.
var clusterParams = append(append([]string{}, filterParams...), "limit", "cursor")

// apiClusters lists the clusters with a statement matching the query and
// filters, most independent outlets first.
func (s *Server) apiClusters(w http.ResponseWriter, r *http.Request) error {
	p, err := s.params(r, true, clusterParams...)
	if err != nil {
		return err
	}
	q, err := p.statementQuery()
	if err != nil {
		return err
	}
	page, err := s.store.Clusters(r.Context(), whosaid.ClusterQuery{StatementQuery: q})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.PageOf(page, wire.FromClusterSummary))
	return nil
}

// apiCluster is one cluster with every report.
func (s *Server) apiCluster(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.params(r, true); err != nil {
		return err
	}
	c, err := s.store.Cluster(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, wire.FromClusterDetail(c))
	return nil
}
