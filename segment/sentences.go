package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"
)

// Paragraphs returns the paragraphs of text. Blank lines always separate
// paragraphs; a single line break does too, unless the block it sits in is
// hard-wrapped (every line but the last of similar, moderate width, as in
// e-mail and plain-text wire copy), where it is only a space.
func Paragraphs(text string) []whosaid.Span {
	var out []whosaid.Span
	for _, block := range blocks(text) {
		lines := lineSpans(text, block)
		if hardWrapped(text, lines) {
			out = append(out, block)
			continue
		}
		for _, l := range lines {
			if s, e := trimSpan(text, l.Start, l.End); e > s {
				out = append(out, whosaid.Span{Start: s, End: e})
			}
		}
	}
	return out
}

// blocks splits text at blank lines.
func blocks(text string) []whosaid.Span {
	var out []whosaid.Span
	start, lineStart := -1, 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		if strings.TrimSpace(text[lineStart:i]) == "" {
			if start >= 0 {
				if s, e := trimSpan(text, start, lineStart); e > s {
					out = append(out, whosaid.Span{Start: s, End: e})
				}
				start = -1
			}
		} else if start < 0 {
			start = lineStart
		}
		lineStart = i + 1
	}
	if start >= 0 {
		if s, e := trimSpan(text, start, len(text)); e > s {
			out = append(out, whosaid.Span{Start: s, End: e})
		}
	}
	return out
}

func lineSpans(text string, b whosaid.Span) []whosaid.Span {
	var out []whosaid.Span
	s := b.Start
	for i := b.Start; i <= b.End; i++ {
		if i == b.End || text[i] == '\n' {
			out = append(out, whosaid.Span{Start: s, End: i})
			s = i + 1
		}
	}
	return out
}

// hardWrapped reports whether lines look wrapped at a fixed width: at least
// three lines, all but the last between 40 and 100 characters and within
// 25 characters of the longest, and some not ending a sentence.
func hardWrapped(text string, lines []whosaid.Span) bool {
	if len(lines) < 3 {
		return false
	}
	longest, open := 0, 0
	for _, l := range lines[:len(lines)-1] {
		n := utf8.RuneCountInString(strings.TrimSpace(text[l.Start:l.End]))
		if n < 40 || n > 100 {
			return false
		}
		if n > longest {
			longest = n
		}
		t := strings.TrimRight(text[l.Start:l.End], " \t\r")
		if !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "”") && !strings.HasSuffix(t, "\"") {
			open++
		}
	}
	for _, l := range lines[:len(lines)-1] {
		if longest-utf8.RuneCountInString(strings.TrimSpace(text[l.Start:l.End])) > 25 {
			return false
		}
	}
	return open*2 >= len(lines)-1
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// Sentences splits the tokens of one paragraph (toks, offsets into text)
// into sentences and returns the index ranges [i, j) of each.
func Sentences(text string, toks []whosaid.Span) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		if !endsSentence(text, toks, i) {
			continue
		}
		// Closing quotes and brackets after the final mark belong to this
		// sentence.
		j := i + 1
		for j < len(toks) && isCloser(text, toks[j], toks[j-1]) {
			j++
		}
		if j < len(toks) && !startsSentence(text, toks, j) {
			continue
		}
		out = append(out, [2]int{start, j})
		start = j
		i = j - 1
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

func tok(text string, s whosaid.Span) string { return text[s.Start:s.End] }

func endsSentence(text string, toks []whosaid.Span, i int) bool {
	t := tok(text, toks[i])
	switch t {
	case ".", "!", "?", "…", "...", "?!", "!!", "??":
		return true
	}
	if strings.HasSuffix(t, ".") && len(t) > 1 {
		// An abbreviation ends a sentence only when a capitalised word that
		// is not a name-like continuation follows; titles never do.
		lw := strings.ToLower(strings.TrimSuffix(t, "."))
		if titleAbbrevs[lw] || utf8.RuneCountInString(lw) == 1 {
			return false
		}
		if i+1 < len(toks) {
			next := tok(text, toks[i+1])
			return startsSentence(text, toks, i+1) && !isLowerStart(next) && commonSentenceStarter(next)
		}
		return true
	}
	return false
}

// commonSentenceStarter guesses whether a capitalised word after an
// abbreviation starts a new sentence ("U.S. officials" continues, "U.S. The
// next" starts one): function words and pronouns start sentences.
func commonSentenceStarter(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "this", "that",
		"there", "his", "her", "their", "its", "as", "at", "for", "if", "when", "while", "after", "so", "yet",
		"however", "meanwhile", "still", "some", "many", "most", "no", "one", "those", "these", "what", "who":
		return true
	}
	return isQuoteRune(w)
}

func isLowerStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func isCloser(text string, s, prev whosaid.Span) bool {
	t := tok(text, s)
	switch t {
	case ")", "]", "}", "”", "’", "»":
		return true
	case "\"", "'":
		// A straight quote right after the mark, with no space, closes.
		return s.Start == prev.End
	}
	return false
}

func isQuoteRune(w string) bool {
	switch w {
	case "\"", "“", "‘", "'", "«", "„":
		return true
	}
	return false
}

func startsSentence(text string, toks []whosaid.Span, j int) bool {
	t := tok(text, toks[j])
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	if isQuoteRune(t) || t == "(" || t == "[" || t == "—" || t == "-" || t == "–" {
		return true
	}
	// Lower-case words after a full stop do not start sentences, except in
	// text that never capitalises; keep it simple and require a capital.
	return false
}
