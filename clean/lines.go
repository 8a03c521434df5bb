package clean

import (
	_ "embed"
	"regexp"
	"strings"
	"unicode"
)

//go:embed words/chrome.txt
var chromeList string

var chromeLabels = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(chromeList, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

var (
	// Icon-font ligatures leak into scraped text as snake_case words
	// ("folder_open", "access_time") or glued to the label ("starAdd").
	reIconWord = regexp.MustCompile(`\b[a-z]+(?:_[a-z]+)+|^[a-z]{3,}[A-Z]`)
	// "By News Desk - January 20 2022", "By Staff, Agencies", "Written by …".
	reByline = regexp.MustCompile(`^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eported by|[Aa]uthor:)\s+(\p{Lu}[^\n]*)$`)
	// "(Photo credit: AP)", "Photo: Reuters", "Image via …", "[File photo]".
	reCredit = regexp.MustCompile(`(?i)^[(\[]?\s*(?:file\s+)?(?:photo|image|picture|photograph|video|illustration|credit)s?(?:\s+credits?)?\s*(?::|/|by\b|via\b|courtesy\b|[)\]]$)`)
	// "Story Code : 935898", "News ID: 12345", "Article No. 77".
	reCode = regexp.MustCompile(`(?i)^(?:story|news|article|post|content|item)\s*(?:code|id|no\.?|number|#)\s*:?\s*[\w-]+$`)
	// Labels a date line may carry besides the date itself.
	reDateLabel = regexp.MustCompile(`(?i)\b(?:date|dated|published|posted|updated|last updated|modified|on|at|time|gmt|utc|ast|est|edt|local)\b|[-–—|:,.·/()\[\]]|\b\d\b`)
)

// words splits a line into its words (runs of letters and digits).
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-')
	})
}

// isChromeLabel tells whether a whole line is a widget label or notice.
func isChromeLabel(s string) bool {
	s = reIconWord.ReplaceAllStringFunc(s, func(w string) string {
		if strings.Contains(w, "_") {
			return " "
		}
		return w[len(w)-1:] // keep the label's capital: "starAdd" → "Add"
	})
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimRight(s, ".…:!»>›|-–— ")
	s = strings.TrimLeft(s, "«<‹|-–—•· ")
	s = strings.Join(strings.Fields(s), " ")
	if chromeLabels[s] {
		return true
	}
	// "Comments (12)", "Share 0".
	if i := strings.IndexAny(s, "(0123456789"); i > 0 {
		return chromeLabels[strings.TrimSpace(s[:i])]
	}
	return false
}

// hasIconWord tells whether the line carries icon-font ligature words.
func hasIconWord(s string) bool { return reIconWord.MatchString(s) }

// endsSentence tells whether the line ends like a sentence, not like a
// headline or a teaser cut short ("…").
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"”’')]»")
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return false
	}
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// teaser tells whether the line is cut off with an ellipsis, as the blurbs
// of other articles are.
func teaser(s string) bool {
	s = strings.TrimRight(s, " ")
	return strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")
}

// headlineCase tells whether most longer words are capitalised, the way
// headlines and link lists are written and running prose is not.
func headlineCase(ws []string) bool {
	long, upper := 0, 0
	for _, w := range ws {
		if len([]rune(w)) < 4 {
			continue
		}
		long++
		for _, r := range w {
			if unicode.IsUpper(r) || unicode.IsDigit(r) {
				upper++
			}
			break
		}
	}
	return long >= 2 && float64(upper) >= 0.7*float64(long)
}

// prose tells whether a line reads as a paragraph of the article: a
// sentence, or a long line that is not a headline or a teaser.
func prose(s string) bool {
	ws := words(s)
	if teaser(s) || hasIconWord(s) {
		return false
	}
	if endsSentence(s) && len(ws) >= 2 && !headlineCase(ws) {
		return true
	}
	return len(ws) >= 12 && !headlineCase(ws)
}

// dateOnly tells whether a line is nothing but a date with its labels.
func dateOnly(s string, dateStart, dateEnd int) bool {
	rest := s[:dateStart] + " " + s[dateEnd:]
	rest = reDateLabel.ReplaceAllString(rest, " ")
	return strings.TrimSpace(rest) == ""
}
