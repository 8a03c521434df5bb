package job_test

import (
	"context"
	"github.com/whosaid/whosaid/internal/testshared"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/wire"
)

// sharedDir finds ../shared from the module root, or skips the test.
func sharedDir(t testing.TB) string {
	return filepath.Dir(testshared.Dir(t, "corpora"))
}

// seedRun extracts the five seed articles once per test binary.
func seedRun(t *testing.T, asOf *time.Time) map[string]wire.Article {
	t.Helper()
	seeds := filepath.Join(sharedDir(t), "corpora", "seeds")
	docs, rep, err := job.ExtractFiles(context.Background(), []string{seeds}, job.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 0 || len(docs) != 5 {
		t.Fatalf("%d docs, %d failed", len(docs), rep.Failed)
	}
	out := map[string]wire.Article{}
	for _, d := range docs {
		out[filepath.Base(d.Source)[:3]] = wire.FromDoc(d)
	}
	return out
}

// statementWith returns the statement whose content contains s; where
// speech is reported within speech ("he referred to X, who told him that
// s"), the innermost one, whose speaker said s.
func statementWith(t *testing.T, a wire.Article, s string) *wire.Statement {
	t.Helper()
	var best *wire.Statement
	for i := range a.Statements {
		c := a.Statements[i].Content
		if c != nil && strings.Contains(c.Text, s) && (best == nil || len(c.Text) < len(best.Content.Text)) {
			best = &a.Statements[i]
		}
	}
	return best
}

// The leader's statements, by seed: a piece of each one's content.
var leaderSays = map[string][]string{
	"000": {
		"the armed resistance will officially end when the occupation forces leave the country",
		"the resistance is not a mere military movement",
		"American forces can only remain in Iraq with Parliament",
		"this matter does not solely apply to the military forces",
		"he first shots fired against the occupation came from",
		"there was a discussion within Al-Hawza",
		"special groups were formed to fight the American occupation",
		"I was influenced by the inspiring notions",
		"held the concerns of the poor",
		"it was done by British forces",
		"Iraq is now number 15 on the American agenda",
		"bombing diplomatic missions would not be in the country",
		"he obtained the names of those who bombed",
		"the perpetrators of the bombing were insiders",
		"withdrew from Syria except for few who stayed behind",
		"more than 90% of",
	},
	"001": {
		"The fact that the Iranian parliament speaker congratulated",
		"the Coordination Framework is considering its options",
		"as long as the occupying forces are present",
		"whether we have tension with them",
		"I reiterate that our decision is independent",
		"I say frankly that even if the Vienna talks are concluded",
		"resistance groups in Iraq and Yemen have reached a stage",
		"he had information about foreign plans",
		"the existence of a supreme Shia authority",
		"is unlikely to succeed",
		"served as “proof” of resistance groups",
	},
	"002": {
		"the withdrawal of the \"occupier\" (US forces) is not an easy matter",
		"the withdrawal of the occupier requires a popular and political rejection",
		"popular stances and resistance factions reject the presence",
		"the Iraqi position is strong, patriotic",
		"the government's position is non-negotiable",
		"the Iraqi government is keen for the timing",
		"the resistance factions and their operations have sent clear messages",
		"will not be prolonged for months",
	},
	"003": {
		"military action is both",
		"If diplomatic efforts alone are pursued",
		"diplomatic measures alone will not suffice",
		"The military actions of the resistance factions are therefore essential",
	},
	"004": {
		"any US military presence is a target for the resistance",
		"This depends on forbearance in this confrontation",
		"the resistance could not negotiate with the occupying forces",
		"There are many qualitative weapons within the Iraqi resistance",
		"Iran won’t negotiate the US military presence",
		"the Iraqi resistance would never stop fighting the US occupation",
	},
}

// Statements of other people, which must not carry the leader's id.
var othersSay = map[string][]string{
	"000": {"the progression of the Iraqi resistance was going ahead"},
	"001": {"national majority government"},
	"002": {"received it from the US administration", "the Coalition had become a factor of instability"},
	"003": {"there are no combat troops from the US in Iraq", "an agreement on a withdrawal timeline was close"},
}

func TestSeedsLeaderIsOneSpeaker(t *testing.T) {
	arts := seedRun(t, nil)
	leaderID := ""
	for seed, pieces := range leaderSays {
		for _, p := range pieces {
			s := statementWith(t, arts[seed], p)
			switch {
			case s == nil:
				t.Errorf("%s: no statement with %q", seed, p)
			case s.Speaker == nil:
				t.Errorf("%s: statement %q has no speaker", seed, p)
			default:
				if leaderID == "" {
					leaderID = s.Speaker.ID
				}
				if s.Speaker.ID != leaderID || s.Speaker.Name != "Qais al-Khazali" {
					t.Errorf("%s: %q by %s %q, want the leader %s \"Qais al-Khazali\"", seed, p, s.Speaker.ID, s.Speaker.Name, leaderID)
				}
			}
		}
	}
	for seed, pieces := range othersSay {
		for _, p := range pieces {
			s := statementWith(t, arts[seed], p)
			if s != nil && s.Speaker != nil && s.Speaker.ID == leaderID {
				t.Errorf("%s: %q attributed to the leader", seed, p)
			}
		}
	}
}

func TestSeedsOtherSpeakers(t *testing.T) {
	arts := seedRun(t, nil)
	cases := []struct{ seed, piece, name string }{
		{"002", "the Coalition had become a factor of instability", "Mohammed Shia Al-Sudani"},
		{"002", "received it from the US administration", "Mohammed Shia Al-Sudani"},
		{"003", "there are no combat troops from the US in Iraq", "Iraqi Foreign Ministry"},
		{"003", "an agreement on a withdrawal timeline was close", "Iraqi Foreign Ministry"},
		{"000", "the progression of the Iraqi resistance was going ahead", "Emad Mughniyeh"},
	}
	ids := map[string]string{}
	for _, c := range cases {
		s := statementWith(t, arts[c.seed], c.piece)
		if s == nil || s.Speaker == nil {
			t.Errorf("%s: %q: no statement or no speaker", c.seed, c.piece)
			continue
		}
		if s.Speaker.Name != c.name {
			t.Errorf("%s: %q by %q, want %q", c.seed, c.piece, s.Speaker.Name, c.name)
		}
		if id, ok := ids[c.name]; ok && id != s.Speaker.ID {
			t.Errorf("%s has two speaker ids", c.name)
		}
		ids[c.name] = s.Speaker.ID
	}
}

func TestSeedsDates(t *testing.T) {
	arts := seedRun(t, nil)
	want := map[string]string{"001": "2022-01-20", "004": "2021-06-02T09:08:00"}
	for seed, a := range arts {
		w, ok := want[seed]
		switch {
		case !ok && a.Published != nil:
			t.Errorf("%s: published %q, but the text gives no date", seed, *a.Published)
		case ok && (a.Published == nil || !strings.HasPrefix(*a.Published, w)):
			t.Errorf("%s: published %v, want %s", seed, a.Published, w)
		case ok && a.PublishedFrom == nil:
			t.Errorf("%s: published_from empty", seed)
		}
	}
	s := statementWith(t, arts["004"], "any US military presence is a target")
	if s == nil || s.SaidOn == nil || *s.SaidOn != "2021-06-01" {
		t.Errorf("004: the interview aired Tuesday evening should date the statement 2021-06-01, got %+v", s)
	}
	// With a reference date the relative "30 days ago" resolves.
	asOf := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	arts = seedRun(t, &asOf)
	if p := arts["003"].Published; p == nil || *p != "2024-01-31" {
		t.Errorf("003 with --as-of 2024-03-01: published %v, want 2024-01-31", p)
	}
}

func TestSeedsNoChrome(t *testing.T) {
	arts := seedRun(t, nil)
	chrome := []string{"No Script", "Please Wait", "Add to favorites", "folder_open", "access_time",
		"Related Stories", "Featured Stories", "Most Popular", "Story Code", "(Photo credit: AP)",
		"Comments", "Al-Ahed Telegram", "By Staff, Agencies", "By News Desk", "date 2021-06-02",
		"Iron Dome", "Says Israel Harmful", "UAE Embassy in Tel Aviv", "Spy on Merkel", "┬á"}
	for seed, a := range arts {
		for _, c := range chrome {
			if strings.Contains(a.Text, c) {
				t.Errorf("%s: chrome %q left in the text", seed, c)
			}
		}
		for _, line := range strings.Split(a.Text, "\n") {
			if strings.TrimSpace(line) == "Comment" {
				t.Errorf("%s: a comment widget line is left", seed)
			}
		}
		for _, s := range a.Statements {
			for _, teaser := range []string{"Israel Harmful", "aggressive Israeli regime", "Denmark Helped", "Iron Dome"} {
				if strings.Contains(s.Content.Text, teaser) {
					t.Errorf("%s: a teaser made a statement: %q", seed, s.Content.Text)
				}
			}
		}
	}
	// Headlines are titles, not body text, and a repeated one is kept once.
	if arts["003"].Title == nil || *arts["003"].Title != "Resistance Leader: Military Action Essential for Expelling US Forces from Iraq" {
		t.Errorf("003 title %v", arts["003"].Title)
	}
	if strings.Count(arts["004"].Text, "Any American Military Presence in Iraq is a Target") > 0 {
		t.Errorf("004: the headline is repeated in the body")
	}
}

var _ = whosaid.Direct

// TestSeedsMentionedPeople: people who are only mentioned get identities
// too — variants merged across articles, namesakes kept apart.
func TestSeedsMentionedPeople(t *testing.T) {
	seeds := filepath.Join(sharedDir(t), "corpora", "seeds")
	docs, _, err := job.ExtractFiles(context.Background(), []string{seeds}, job.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]bool{} // mention as written → speaker ids
	for _, d := range docs {
		for _, m := range d.Mentions {
			if m.Entity < 0 {
				continue
			}
			text := d.Str(m.Span)
			if ids[text] == nil {
				ids[text] = map[string]bool{}
			}
			ids[text][d.Entities[m.Entity].SpeakerID] = true
		}
	}
	// one returns the speaker id of the mentions containing name ("General
	// Qassem Soleimani" for "Qassem Soleimani").
	one := func(name string) string {
		found := map[string]bool{}
		for text, set := range ids {
			if strings.Contains(text, name) {
				for id := range set {
					found[id] = true
				}
			}
		}
		if len(found) != 1 {
			t.Errorf("mentions of %q carry %d speaker ids", name, len(found))
		}
		for id := range found {
			return id
		}
		return ""
	}
	same := [][2]string{{"Qasim Suleimani", "Qassem Soleimani"}, {"Abu Mahdi Al-Muhanades", "Abu Mahdi Al-Muhandis"}}
	for _, p := range same {
		if a, b := one(p[0]), one(p[1]); a == "" || a != b {
			t.Errorf("%q and %q should be one person: %q %q", p[0], p[1], a, b)
		}
	}
	apart := [][2]string{{"Muhammed Baqir Al-Sadr", "Muqtada al-Sadr"}, {"Qassem Soleimani", "Qassem Al-Murqa"}}
	for _, p := range apart {
		if a, b := one(p[0]), one(p[1]); a != "" && a == b {
			t.Errorf("%q and %q must stay apart", p[0], p[1])
		}
	}
}

// Every statement of the leader carries the medium or the intermediary
// the article gives (four of the five seeds give one), and no carrier of
// words (a channel, "the message") is any statement's speaker.
func TestSeedProvenance(t *testing.T) {
	arts := seedRun(t, nil)
	for seed, pieces := range leaderSays {
		a := arts[seed]
		for _, p := range pieces {
			st := statementWith(t, a, p)
			if st == nil {
				continue // a missed statement is TestSeed's business
			}
			if seed != "003" && st.Medium == nil && st.Via == nil {
				t.Errorf("seed %s: %q has neither medium nor via", seed, p)
			}
		}
		for _, st := range a.Statements {
			if st.Speaker == nil {
				continue
			}
			name := strings.ToLower(st.Speaker.Name)
			for _, carrier := range []string{"channel", "message"} {
				if name == carrier || strings.HasSuffix(name, " "+carrier) {
					t.Errorf("seed %s: a carrier is a speaker: %q", seed, st.Speaker.Name)
				}
			}
		}
	}
}
