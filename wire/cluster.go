package wire

import (
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

// Cluster is one statement as many reports carry it (`search
// --clusters`, `cluster ID`): its speaker, fullest wording, how many
// reports and independent outlets, the first report, and with `cluster
// ID` every report in order of publication.
type Cluster struct {
	ID          string      `json:"id"`
	Speaker     *SpeakerRef `json:"speaker"`
	Wording     string      `json:"wording"`
	Reports     int         `json:"reports"`
	Independent int         `json:"independent"`
	Outlets     []string    `json:"outlets"`
	First       Hit         `json:"first"`
	Statements  []Hit       `json:"statements,omitempty"`
}

// FromClusterSummary is the Cluster of a stored cluster.
func FromClusterSummary(c whosaid.ClusterSummary) Cluster {
	out := Cluster{ID: c.ID, Wording: c.Wording, Reports: c.Reports, Independent: c.Independent,
		Outlets: nonNil(c.Outlets), First: FromHit(c.First)}
	if c.Speaker != nil {
		out.Speaker = &SpeakerRef{ID: c.Speaker.ID, Name: c.Speaker.Name, Type: string(c.Speaker.Type)}
	}
	return out
}

// FromClusterDetail is the Cluster with every report.
func FromClusterDetail(c *whosaid.ClusterDetail) Cluster {
	out := FromClusterSummary(c.ClusterSummary)
	out.Statements = []Hit{}
	for _, h := range c.Statements {
		out.Statements = append(out.Statements, FromHit(h))
	}
	return out
}

var _ Tabular = Cluster{}

// CSVHeader names the CSV columns of a Cluster.
func (Cluster) CSVHeader() []string {
	return []string{"id", "speaker_id", "speaker", "wording", "reports", "independent", "outlets",
		"first_statement", "first_published", "first_outlet", "first_url"}
}

// CSVRecord is the Cluster as one CSV row, every field whole.
func (c Cluster) CSVRecord() []string {
	var spID, spName string
	if c.Speaker != nil {
		spID, spName = c.Speaker.ID, c.Speaker.Name
	}
	return []string{c.ID, spID, spName, c.Wording, strconv.Itoa(c.Reports), strconv.Itoa(c.Independent),
		strings.Join(c.Outlets, "; "), c.First.ID, str(c.First.Published), str(c.First.Outlet), str(c.First.URL)}
}

// TableHeader names the table columns of a Cluster.
func (Cluster) TableHeader() []string {
	return []string{"outlets", "reports", "first", "speaker", "statement", "id"}
}

// TableRecord is the Cluster as a table row for people.
func (c Cluster) TableRecord() []string {
	who := ""
	if c.Speaker != nil {
		who = c.Speaker.Name
	}
	first := str(c.First.Published)
	if len(first) > 10 {
		first = first[:10]
	}
	return []string{strconv.Itoa(c.Independent), strconv.Itoa(c.Reports), first, who, Clip(c.Wording, 80), c.ID}
}
