package wire

import (
	"strconv"
	"time"

	"github.com/whosaid/whosaid"
)

// Alert is what a saved search sends when it fires: the body of a webhook
// POST, and what a mail or a log line says.
type Alert struct {
	Alert string `json:"alert"` // the saved search's name
	// Unit is what it fired once for: "statement:ID" (or "cluster:ID").
	Unit    string `json:"unit"`
	FiredAt string `json:"fired_at"`
	// Statement carries the speaker, the article's URL, outlet and date.
	Statement Hit `json:"statement"`
	// Cluster is the id of the statement's cluster where statements are
	// clustered, else null.
	Cluster *string `json:"cluster"`
}

// SavedSearch is a saved search with what it fired (`alerts list`).
type SavedSearch struct {
	Name        string      `json:"name"`
	Query       *string     `json:"query"`
	Speaker     *string     `json:"speaker"`
	Outlet      *string     `json:"outlet"`
	Kind        *string     `json:"kind"`
	Independent int         `json:"independent"`
	On          string      `json:"on"`
	Notify      string      `json:"notify"`
	Created     string      `json:"created"`
	Checked     string      `json:"checked"`
	Fired       int         `json:"fired"`
	Pending     int         `json:"pending"`
	Failed      int         `json:"failed"`
	Latest      []AlertSent `json:"latest"`
}

// AlertSent is one alert a saved search fired and how its delivery went.
type AlertSent struct {
	Unit      string  `json:"unit"`
	Statement string  `json:"statement"`
	FiredAt   string  `json:"fired_at"`
	Delivered *string `json:"delivered"`
	Attempts  int     `json:"attempts"`
	GaveUp    bool    `json:"gave_up"`
	LastError *string `json:"last_error"`
}

// FromSavedSearch is the SavedSearch of a stored one.
func FromSavedSearch(s whosaid.SavedSearchSummary) SavedSearch {
	out := SavedSearch{Name: s.Name, Query: optional(s.Query.Text), Speaker: optional(s.Query.Speaker), Outlet: optional(s.Query.Outlet),
		Kind: optional(string(s.Query.Kind)), Independent: s.Independent, On: s.On, Notify: s.Notify,
		Created: instant(s.Created), Checked: instant(s.Checked), Fired: s.Fired, Pending: s.Pending, Failed: s.Failed, Latest: []AlertSent{}}
	for _, d := range s.Latest {
		a := AlertSent{Unit: d.Unit, Statement: d.StatementID, FiredAt: instant(d.Fired), Attempts: d.Attempts, GaveUp: d.GaveUp,
			LastError: optional(d.LastError)}
		if d.Delivered != nil {
			a.Delivered = optional(instant(*d.Delivered))
		}
		out.Latest = append(out.Latest, a)
	}
	return out
}

func instant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

var _ Tabular = SavedSearch{}

// CSVHeader names the CSV columns of a SavedSearch.
func (SavedSearch) CSVHeader() []string {
	return []string{"name", "query", "speaker", "outlet", "kind", "independent", "on", "notify", "created", "checked", "fired", "pending", "failed", "last_fired"}
}

// CSVRecord is the saved search as one CSV row.
func (s SavedSearch) CSVRecord() []string {
	last := ""
	if len(s.Latest) > 0 {
		last = s.Latest[0].FiredAt
	}
	return []string{s.Name, str(s.Query), str(s.Speaker), str(s.Outlet), str(s.Kind), strconv.Itoa(s.Independent), s.On, s.Notify,
		s.Created, s.Checked, strconv.Itoa(s.Fired), strconv.Itoa(s.Pending), strconv.Itoa(s.Failed), last}
}

// TableHeader names the table columns of a SavedSearch.
func (SavedSearch) TableHeader() []string {
	return []string{"name", "filters", "notify", "fired", "pending", "failed", "last fired"}
}

// TableRecord is the saved search as a table row.
func (s SavedSearch) TableRecord() []string {
	filters := ""
	add := func(k string, v *string) {
		if v != nil {
			if filters != "" {
				filters += " "
			}
			filters += k + strconv.Quote(*v)
		}
	}
	add("", s.Query)
	add("speaker=", s.Speaker)
	add("outlet=", s.Outlet)
	add("kind=", s.Kind)
	if s.Independent > 1 {
		filters += " independent=" + strconv.Itoa(s.Independent)
	}
	last := ""
	if len(s.Latest) > 0 {
		last = s.Latest[0].FiredAt
	}
	return []string{s.Name, Clip(filters, 60), Clip(s.Notify, 40), strconv.Itoa(s.Fired), strconv.Itoa(s.Pending), strconv.Itoa(s.Failed), last}
}
