// Package gen writes synthetic news articles for benchmarks: many
// speakers with spelling variants, outlets, bylines, dates, direct and
// indirect statements, pronouns, and the site chrome scrapers leave. The
// text is made from syllables and templates, so no real article is
// shipped and any number can be made, deterministic given a seed.
package gen

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
)

// Article is one generated article.
type Article struct {
	URL       string
	Published time.Time
	Text      string // a scraped plain-text page
	HTML      string // the same article as an HTML page
}

// Generator makes articles.
type Generator struct {
	rng      *rand.Rand
	speakers []speaker
	outlets  []string
	places   []string
	start    time.Time
	n        int
}

type speaker struct {
	given, family, role, org string
	female                   bool
}

var (
	onsets = []string{"b", "d", "k", "m", "n", "r", "s", "t", "v", "z", "l", "h", "kh", "sh", "al", "or", "el", "y"}
	vowels = []string{"a", "e", "i", "o", "u", "ai", "ou", "ee"}
	codas  = []string{"", "n", "r", "m", "l", "s", "d", "z"}
	roles  = []string{"minister", "spokesman", "leader", "governor", "mayor", "commander", "secretary-general", "chairman", "senator", "director"}
	orgs   = []string{"Party", "Ministry", "Movement", "Council", "Union", "Front", "Authority", "Alliance"}
	verbs  = []string{"said", "stressed", "warned", "claimed", "noted", "added", "insisted", "pointed out", "argued", "declared", "told reporters"}
	topics = []string{"the budget", "the border", "the elections", "the ceasefire", "the reforms", "the strike", "fuel prices", "the talks", "the water supply", "the new law"}
	// things gives topics a proper noun of their own ("the Varo dam
	// project"), so the vocabulary grows with the corpus as news does.
	things  = []string{"dam project", "province", "pipeline", "port", "railway", "hospital", "district", "agreement", "commission", "airport", "refinery", "bridge"}
	claims  = []string{"would not be delayed", "was a matter of national security", "had been agreed in principle", "must be reviewed by parliament", "would be decided next month", "was the fault of the previous government", "could not continue without outside help", "was moving in the right direction"}
	chrome  = []string{"Share", "Add to favorites", "Loading...", "Print", "Most Popular", "Related Stories", "Comments"}
	weekday = []string{"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "yesterday", "on Sunday"}
)

// New returns a generator with speakers and outlets drawn from seed.
func New(seed int64, speakers, outlets int) *Generator {
	g := &Generator{rng: rand.New(rand.NewSource(seed)), start: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i := 0; i < speakers; i++ {
		g.speakers = append(g.speakers, speaker{
			given: g.word(2), family: g.word(3), role: g.pick(roles),
			org: g.word(2) + " " + g.pick(orgs), female: g.rng.Intn(2) == 0,
		})
	}
	for i := 0; i < 20*speakers+100; i++ {
		g.places = append(g.places, g.word(2))
	}
	for i := 0; i < outlets; i++ {
		g.outlets = append(g.outlets, g.word(2)+" "+g.pick([]string{"News", "Times", "Post", "Daily", "Observer", "Agency"}))
	}
	return g
}

func (g *Generator) pick(xs []string) string { return xs[g.rng.Intn(len(xs))] }

// topic is a common topic or one about a named place or project.
func (g *Generator) topic() string {
	if g.rng.Intn(2) == 0 {
		return g.pick(topics)
	}
	return "the " + g.places[g.rng.Intn(len(g.places))] + " " + g.pick(things)
}

// word makes a capitalised pseudo-word of n syllables.
func (g *Generator) word(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(g.pick(onsets) + g.pick(vowels) + g.pick(codas))
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// variant spells a family name the way another outlet might.
func (g *Generator) variant(s string) string {
	switch g.rng.Intn(4) {
	case 0:
		return "al-" + s
	case 1:
		return strings.Replace(s, "ou", "u", 1)
	case 2:
		return strings.Replace(s, "ee", "i", 1)
	}
	return s
}

// Next returns the next article.
func (g *Generator) Next() Article {
	g.n++
	sp := g.speakers[g.rng.Intn(len(g.speakers))]
	other := g.speakers[g.rng.Intn(len(g.speakers))]
	outlet := g.pick(g.outlets)
	pub := g.start.Add(time.Duration(g.rng.Intn(5*365*24)) * time.Hour)
	he := "he"
	if sp.female {
		he = "she"
	}
	full := sp.given + " " + sp.family
	topic := strings.TrimPrefix(g.pick(topics), "the ")
	title := fmt.Sprintf("%s: %s %s", g.variant(sp.family), strings.ToUpper(topic[:1])+topic[1:], g.pick(claims))
	var paras []string
	paras = append(paras, fmt.Sprintf("The %s of the %s, %s, %s %s that %s %s.", sp.role, sp.org, full, g.pick(verbs), g.pick(weekday), g.topic(), g.pick(claims)))
	for k := 0; k < 3+g.rng.Intn(6); k++ {
		switch g.rng.Intn(4) {
		case 0:
			paras = append(paras, fmt.Sprintf("“We have said many times that %s %s,” %s %s.", g.topic(), g.pick(claims), g.variant(sp.family), g.pick(verbs)))
		case 1:
			paras = append(paras, fmt.Sprintf("%s also %s that %s %s, adding that %s %s.", strings.ToUpper(he[:1])+he[1:], g.pick(verbs), g.topic(), g.pick(claims), g.topic(), g.pick(claims)))
		case 2:
			paras = append(paras, fmt.Sprintf("According to %s %s, %s %s.", other.given, other.family, g.topic(), g.pick(claims)))
		default:
			paras = append(paras, fmt.Sprintf("Officials in the capital met %s to discuss %s and %s, but no decision was announced.", g.pick(weekday), g.topic(), g.topic()))
		}
	}
	byline := fmt.Sprintf("By %s %s - %s", g.word(2), g.word(2), pub.Format("January 2 2006"))
	var text strings.Builder
	fmt.Fprintf(&text, "%s\n\n%s\n%s\n\n%s\n\n", g.pick(chrome), title, g.pick(chrome), byline)
	fmt.Fprintf(&text, "%s / %s\n\n", outlet, strings.Join(paras, "\n\n"))
	fmt.Fprintf(&text, "%s\n%s %s\n", g.pick(chrome), g.word(2), g.word(3))
	var html strings.Builder
	fmt.Fprintf(&html, "<!doctype html><html><head><meta charset=\"utf-8\"><title>%s</title><meta property=\"og:site_name\" content=\"%s\">", title, outlet)
	fmt.Fprintf(&html, "<meta property=\"article:published_time\" content=\"%s\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>%s</h1>", pub.Format(time.RFC3339), title)
	for _, p := range paras {
		fmt.Fprintf(&html, "<p>%s</p>", p)
	}
	html.WriteString("</article><footer>© All rights reserved</footer></body></html>")
	return Article{
		URL:       fmt.Sprintf("https://%s.example/%d", strings.ToLower(strings.ReplaceAll(outlet, " ", "-")), g.n),
		Published: pub,
		Text:      text.String(),
		HTML:      html.String(),
	}
}

// Intn draws from the generator's own random source, for callers that
// sample from what it generated.
func (g *Generator) Intn(n int) int { return g.rng.Intn(n) }
