package clean

import (
	"strings"
	"testing"
	"time"
)

// A page in the shape scrapers produce: notices, a doubled headline,
// widgets, a byline with a date, a photo credit, the story, a list of
// other stories with a teaser, a comment box.
const scraped = `Loading...

Enable JavaScript

Harbour Times Mobile

Port Workers Vote to End Strike After Pay Deal

Port Workers Vote to End Strike After Pay Deal
category_iconNews schedule 2 hours ago
bookmarkSave article

By Lena Okafor - March 3, 2023

[Photo: Harbour Times]

KINGSTOWN (Harbour Wire) - Dock workers voted on Thursday to accept a new pay offer, ending a strike that had closed the port for two weeks.

“This is a fair deal and we will go back on Monday,” union secretary Mara Velez told reporters.
Port authority chief Dan Oduya said the backlog would take a month to clear.
Article ID: 88412

Related Articles
Ferry Fares Rise for Third Year Running
Harbour Times - The ferry operator said on Tuesday that fares would rise again ...
2 March 2023
City Council Approves New Fish Market
2 March 2023
Comments (4)
`

func TestPlainScrapedPage(t *testing.T) {
	r := Plain(scraped)
	if r.Meta.Title != "Port Workers Vote to End Strike After Pay Deal" {
		t.Errorf("title %q", r.Meta.Title)
	}
	if r.Meta.Byline != "Lena Okafor" {
		t.Errorf("byline %q", r.Meta.Byline)
	}
	if r.Meta.Outlet != "Harbour Wire" {
		t.Errorf("outlet %q", r.Meta.Outlet)
	}
	for _, chrome := range []string{"Loading", "JavaScript", "Harbour Times Mobile", "category_icon", "hours ago",
		"Save article", "By Lena", "[Photo", "KINGSTOWN", "Article ID", "Related Articles", "Ferry Fares",
		"fares would rise", "Fish Market", "2 March", "Comments", "Port Workers Vote"} {
		if strings.Contains(r.Text, chrome) {
			t.Errorf("chrome %q left in %q", chrome, r.Text)
		}
	}
	for _, body := range []string{"Dock workers voted on Thursday", "“This is a fair deal", "would take a month to clear."} {
		if !strings.Contains(r.Text, body) {
			t.Errorf("article text %q lost:\n%s", body, r.Text)
		}
	}
	pub, clock, from := resolveDate(r.dates, nil, "")
	if pub == nil || pub.Format("2006-01-02") != "2023-03-03" || clock || !strings.Contains(from, "byline") {
		t.Errorf("published %v clock=%v from %q", pub, clock, from)
	}
}

func TestPlainRelativeHeaderDate(t *testing.T) {
	page := "Storm Closes Schools Across the Region\nschedule 3 days ago\n\nHeavy snow closed schools across the region, officials said, and roads were blocked for hours.\n"
	r := Plain(page)
	if pub, _, from := resolveDate(r.dates, nil, ""); pub != nil || from == "" {
		t.Errorf("without a reference a relative date must stay unresolved: %v (%q)", pub, from)
	}
	ref := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	if pub, _, from := resolveDate(r.dates, &ref, "--as-of"); pub == nil || pub.Format("2006-01-02") != "2024-02-27" || !strings.Contains(from, "--as-of") {
		t.Errorf("3 days before 2024-03-01: %v (%q)", pub, from)
	}
}

func TestPlainKeepsShortArticleLines(t *testing.T) {
	// A subheading and a one-line closing sentence are article text.
	page := "Budget Passes After Long Night\n\nThe assembly passed the budget at dawn after a session that ran through the night, the speaker said.\n\nWhat Comes Next\n\nThe senate votes on it next week, and the president has said she will sign it.\n\nThat is all.\n"
	r := Plain(page)
	for _, want := range []string{"What Comes Next", "That is all.", "The assembly passed"} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("%q lost:\n%s", want, r.Text)
		}
	}
	if strings.Contains(r.Text, "Budget Passes") {
		t.Errorf("headline left in the body")
	}
}

func TestPlainWithoutTitleOrChrome(t *testing.T) {
	page := "The minister said on Monday that the plan would go ahead.\nShe added that costs were under control.\n"
	r := Plain(page)
	if r.Meta.Title != "" {
		t.Errorf("a sentence is not a title: %q", r.Meta.Title)
	}
	if r.Text != strings.TrimSpace(page) {
		t.Errorf("text changed: %q", r.Text)
	}
}

func TestPlainDatelines(t *testing.T) {
	cases := []struct{ in, outlet, start string }{
		{"Daily Ledger / The mayor said the bridge would reopen in May after repairs were finished.", "Daily Ledger", "The mayor"},
		{"NAIROBI, May 4 (Wire Service) - The central bank held its rate steady on Tuesday, its governor said.", "Wire Service", "The central bank"},
		{"LIMA - Protesters marched through the capital on Sunday, police said, in the largest rally this year.", "", "Protesters"},
		{"Lima is the capital, and the mayor said on Sunday that the rally had been peaceful and orderly.", "", "Lima is"},
	}
	for _, c := range cases {
		r := Plain("Some Headline Here\n\n" + c.in)
		if r.Meta.Outlet != c.outlet || !strings.HasPrefix(r.Text, c.start) {
			t.Errorf("%q: outlet %q text %q", c.in, r.Meta.Outlet, r.Text)
		}
	}
}

func TestPlainHeadlineWithFullStop(t *testing.T) {
	r := Plain("Senator Warns Of Budget Gap In Annual Report.\n\nThe senator said on Monday that the gap would grow next year unless spending was cut.\n")
	if r.Meta.Title != "Senator Warns Of Budget Gap In Annual Report." || strings.Contains(r.Text, "Annual Report") {
		t.Errorf("title %q, text %q", r.Meta.Title, r.Text)
	}
}
