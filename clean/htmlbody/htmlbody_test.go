package htmlbody

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/whosaid/whosaid"
)

const article = `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Harbour strike ends | The Coastline Courier</title>
<meta property="og:site_name" content="The Coastline Courier">
<meta name="author" content="Lena Okafor">
<meta property="article:published_time" content="2023-03-03T08:15:00+01:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour strike ends</h1>
<p>Dock workers voted on Thursday to accept a new pay offer, ending a strike that had closed the port for two weeks and stranded dozens of ships.</p>
<p>“This is a fair deal and we will go back on Monday,” union secretary Mara Velez told reporters outside the union hall.</p>
<p>Port authority chief Dan Oduya said the backlog would take a month to clear, and that extra shifts would be added at the container terminal.</p>
</article>
<section class="comments"><h3>Comments</h3><p>Great news, finally! — a reader</p></section>
<footer><p>© 2023 The Coastline Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`

func TestExtractArticle(t *testing.T) {
	p, err := Extract([]byte(article), "https://courier.example/harbour")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(p.Paragraphs, "\n")
	if len(p.Paragraphs) < 3 {
		t.Errorf("paragraphs were joined: %q", p.Paragraphs)
	}
	for _, want := range []string{"Dock workers voted", "“This is a fair deal", "extra shifts would be added"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lost %q:\n%s", want, body)
		}
	}
	for _, chrome := range []string{"Sport", "Great news, finally", "All rights reserved", "Privacy"} {
		if strings.Contains(body, chrome) {
			t.Errorf("chrome %q in the body:\n%s", chrome, body)
		}
	}
	if p.SiteName != "The Coastline Courier" || p.Author != "Lena Okafor" {
		t.Errorf("site %q author %q", p.SiteName, p.Author)
	}
	if !strings.Contains(p.Title, "Harbour strike ends") {
		t.Errorf("title %q", p.Title)
	}
	if p.Published == nil || p.Published.Format("2006-01-02") != "2023-03-03" || !p.PublishedClock || p.PublishedFrom == "" {
		t.Errorf("published %v clock=%v from %q", p.Published, p.PublishedClock, p.PublishedFrom)
	}
}

func TestExtractWindows1252(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Réforme</title></head><body><article>
<p>Le ministre a déclaré mardi que la réforme des retraites était « nécessaire » et qu'elle serait votée avant l'été.</p>
<p>Les syndicats ont répondu qu'ils manifesteraient à nouveau jeudi dans toutes les grandes villes du pays.</p>
<p>Le gouvernement a indiqué qu'il n'excluait pas de recourir à une procédure accélérée au Parlement.</p>
</article></body></html>`
	raw, err := charmap.Windows1252.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Extract(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	if body := strings.Join(p.Paragraphs, " "); !strings.Contains(body, "a déclaré mardi que la réforme") {
		t.Errorf("charset not decoded: %q", body)
	}
}

func TestExtractDateFromText(t *testing.T) {
	page := `<html><head><title>Council votes</title></head><body><article>
<p class="date">Published: 14 February 2022</p>
<p>The city council voted late on Monday to approve the new budget after a debate that lasted more than six hours.</p>
<p>Councillors said the plan would fund repairs to schools and roads across the northern districts of the city.</p>
</article></body></html>`
	p, err := Extract([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Published == nil || p.Published.Format("2006-01-02") != "2022-02-14" || p.PublishedClock {
		t.Errorf("published %v clock=%v", p.Published, p.PublishedClock)
	}
}

func TestExtractBadInput(t *testing.T) {
	cases := map[string][]byte{
		"empty":   []byte("   \n"),
		"binary":  {0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
		"no body": []byte("<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>"),
	}
	for name, raw := range cases {
		_, err := Extract(raw, "")
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if whosaid.ErrorCode(err) == "" {
			t.Errorf("%s: error without a code: %v", name, err)
		}
	}
}
