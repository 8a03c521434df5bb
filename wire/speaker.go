package wire

import (
	"sort"
	"time"

	"github.com/whosaid/whosaid"
)

// SpeakerSummary is a speaker of the store: names, roles, outlets,
// statements in all and per month, and the review decisions about it.
type SpeakerSummary struct {
	ID         string         `json:"id"`
	Name       string         `json:"name"`
	Type       string         `json:"type"`
	Statements int            `json:"statements"`
	Variants   []string       `json:"variants"`
	Roles      []string       `json:"roles"`
	Outlets    []string       `json:"outlets"`
	PerMonth   map[string]int `json:"per_month"`
	Decisions  []Decision     `json:"decisions"`
}

// Decision is a review decision: a merge or a split of speakers, or the
// correction of one statement's speaker (kind "correct": speaker is the
// statement's speaker now, "" for nobody, other the one before).
type Decision struct {
	Kind      string   `json:"kind"`
	Speaker   string   `json:"speaker"`
	Other     string   `json:"other"`
	Variants  []string `json:"variants"`
	Statement *string  `json:"statement"`
	Why       string   `json:"why"`
	At        string   `json:"at"`
}

// FromSpeaker is the SpeakerSummary of a stored speaker.
func FromSpeaker(s whosaid.SpeakerSummary) SpeakerSummary {
	out := SpeakerSummary{ID: s.ID, Name: s.Name, Type: string(s.Type), Statements: s.Statements,
		Variants: nonNil(s.Variants), Roles: nonNil(s.Roles), Outlets: nonNil(s.Outlets), PerMonth: s.PerMonth, Decisions: []Decision{}}
	if out.PerMonth == nil {
		out.PerMonth = map[string]int{}
	}
	for _, d := range s.Decisions {
		out.Decisions = append(out.Decisions, FromDecision(d))
	}
	return out
}

// FromDecision is the Decision of a stored review decision.
func FromDecision(d whosaid.Decision) Decision {
	return Decision{Kind: string(d.Kind), Speaker: d.Speaker, Other: d.Other, Variants: nonNil(d.Variants), Statement: optional(d.Statement),
		Why: d.Why, At: d.At.UTC().Format(time.RFC3339)}
}

// Months returns the months of PerMonth in order ("undated" last).
func (s SpeakerSummary) Months() []string {
	out := make([]string, 0, len(s.PerMonth))
	for m := range s.PerMonth {
		out = append(out, m)
	}
	sort.Strings(out) // "undated" sorts after every "YYYY-MM"
	return out
}

// Stats is what a store holds.
type Stats struct {
	Articles   int    `json:"articles"`
	Statements int    `json:"statements"`
	Speakers   int    `json:"speakers"`
	Outlets    int    `json:"outlets"`
	Bytes      int64  `json:"bytes"`
	Location   string `json:"location"`
	// Queue is the store's work queue, when it has one that was used.
	Queue *Queue `json:"queue,omitempty"`
}

// Queue is the state of a store's work queue (ingest --enqueue, worker).
type Queue struct {
	Pending  int          `json:"pending"`
	Running  int          `json:"running"`
	Done     int          `json:"done"`
	Failed   int          `json:"failed"`
	Failures []JobFailure `json:"failures"`
}

// JobFailure is a job that failed, and why.
type JobFailure struct {
	Input    string    `json:"input"`
	Reason   string    `json:"reason"`
	Attempts int       `json:"attempts"`
	At       time.Time `json:"at"`
}

// FromQueue is the Queue of a store's queue stats; nil for a queue that
// never held a job.
func FromQueue(q whosaid.QueueStats) *Queue {
	if q.Pending+q.Running+q.Done+q.Failed == 0 {
		return nil
	}
	out := &Queue{Pending: q.Pending, Running: q.Running, Done: q.Done, Failed: q.Failed, Failures: []JobFailure{}}
	for _, f := range q.Failures {
		out.Failures = append(out.Failures, JobFailure{Input: f.Input, Reason: f.Reason, Attempts: f.Attempts, At: f.At})
	}
	return out
}

// FromStats is the Stats of a store.
func FromStats(s whosaid.StoreStats) Stats {
	return Stats{Articles: s.Articles, Statements: s.Statements, Speakers: s.Speakers, Outlets: s.Outlets, Bytes: s.Bytes, Location: s.Location}
}
