package score

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"unicode"
)

// Sentence is a tokenized sentence with gold BIO labels; ID is the
// article name, an underscore and the annotator.
type Sentence struct {
	ID     string   `json:"id"`
	Tokens []string `json:"tokens"`
	Labels []string `json:"labels"`
}

// Article is the name of the article the sentence belongs to.
func (s Sentence) Article() string {
	if i := strings.LastIndexByte(s.ID, '_'); i > 0 {
		return s.ID[:i]
	}
	return s.ID
}

// ReadSentences reads one JSON sentence per line.
func ReadSentences(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var s Sentence
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// Sentences scores predicted spans (per article, in code points of
// texts[article]) on tokenized gold sentences: each token takes the label
// of the shortest predicted span that covers it, and the labels are read
// back as runs inside the sentence.
func Sentences(sents []Sentence, texts map[string][]rune, pred map[string][]Span) *Report {
	r := newReport()
	aligners := map[string]*aligner{}
	pos := map[string]int{}
	seen := map[string]bool{}
	for _, s := range sents {
		art := s.Article()
		if !seen[art] {
			seen[art] = true
			r.Docs++
			if _, ok := pred[art]; !ok {
				r.MissingDocs++
			}
		}
		al, ok := aligners[s.ID]
		if !ok {
			al = newAligner(texts[art])
			aligners[s.ID] = al
		}
		ranges, end := al.align(s.Tokens, pos[s.ID])
		if end > pos[s.ID] {
			pos[s.ID] = end
		}
		predLabels := labelTokens(ranges, pred[art])
		r.add(runs(s.Labels), runs(predLabels))
	}
	return r
}

// runs reads BIO labels as spans of token indices. An I- label that does
// not continue a run of its kind starts nothing.
func runs(labels []string) []Span {
	var out []Span
	cur, start := "", -1
	for i, l := range labels {
		switch {
		case strings.HasPrefix(l, "B-"):
			if cur != "" {
				out = append(out, Span{cur, start, i})
			}
			cur, start = l[2:], i
		case strings.HasPrefix(l, "I-") && cur == l[2:]:
		default:
			if cur != "" {
				out = append(out, Span{cur, start, i})
			}
			cur = ""
		}
	}
	if cur != "" {
		out = append(out, Span{cur, start, len(labels)})
	}
	return out
}

// labelTokens gives each token range the BIO label of the shortest
// predicted span covering it.
func labelTokens(ranges [][2]int, spans []Span) []string {
	labels := make([]string, len(ranges))
	prev := -1
	for i, rg := range ranges {
		labels[i] = "O"
		if rg[1] <= rg[0] {
			prev = -1
			continue
		}
		hit := -1
		for k, sp := range spans {
			if sp.Start <= rg[0] && rg[1] <= sp.End && (hit < 0 || sp.End-sp.Start < spans[hit].End-spans[hit].Start) {
				hit = k
			}
		}
		if hit < 0 {
			prev = -1
			continue
		}
		if hit == prev {
			labels[i] = "I-" + spans[hit].Label
		} else {
			labels[i] = "B-" + spans[hit].Label
		}
		prev = hit
	}
	return labels
}

// aligner places Penn-Treebank tokens in a text, ignoring white space and
// the spelling differences between raw and PTB quotes, brackets and dashes.
type aligner struct {
	norm []rune // text without spaces, quotes folded to Q, dashes to -
	idx  []int  // position in the text of each norm rune
}

func newAligner(text []rune) *aligner {
	a := &aligner{}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case unicode.IsSpace(c) || c == '\u00ad' || c == '\u200b' || c == '\ufeff':
		case isQuoteRune(c):
			a.norm, a.idx = append(a.norm, 'Q'), append(a.idx, i)
		case c == '—' || c == '–' || c == '‒' || c == '―':
			a.norm, a.idx = append(a.norm, '-'), append(a.idx, i)
		case c == '-' && i+1 < len(text) && text[i+1] == '-':
			a.norm, a.idx = append(a.norm, '-'), append(a.idx, i+1)
			i++
		case c == '…':
			a.norm, a.idx = append(a.norm, '.', '.', '.'), append(a.idx, i, i, i)
		default:
			a.norm, a.idx = append(a.norm, c), append(a.idx, i)
		}
	}
	return a
}

func isQuoteRune(c rune) bool { return strings.ContainsRune("\"“”„‘’'`´", c) }

var ptbBrackets = map[string]string{"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}

func normToken(t string) string {
	if b, ok := ptbBrackets[t]; ok {
		return b
	}
	allQ := t != ""
	for _, c := range t {
		if !isQuoteRune(c) {
			allQ = false
		}
	}
	if allQ {
		if len([]rune(t)) == 3 {
			return "QQ"
		}
		return "Q"
	}
	if t == "--" {
		return "-"
	}
	var b strings.Builder
	for _, c := range t {
		switch {
		case unicode.IsSpace(c) || c == '\u00ad' || c == '\u200b':
		case isQuoteRune(c):
			b.WriteRune('Q')
		case c == '—' || c == '–':
			b.WriteRune('-')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// align returns each token's [start, end) in the text (empty where it
// cannot be placed) and the end of the sentence, searching from start.
func (a *aligner) align(tokens []string, start int) ([][2]int, int) {
	out := make([][2]int, len(tokens))
	if len(a.norm) == 0 {
		return out, start
	}
	lo := 0
	for lo < len(a.idx) && a.idx[lo] < start {
		lo++
	}
	nt := make([]string, len(tokens))
	var whole strings.Builder
	for i, t := range tokens {
		nt[i] = normToken(t)
		whole.WriteString(nt[i])
	}
	norm := string(a.norm)
	// Byte offsets in norm differ from rune offsets; work in runes.
	at := runeIndex([]rune(norm), []rune(whole.String()), lo)
	if at < 0 {
		at = runeIndex([]rune(norm), []rune(whole.String()), 0)
	}
	end := start
	if at >= 0 {
		p := at
		for i, t := range nt {
			n := len([]rune(t))
			if n == 0 {
				continue
			}
			out[i] = [2]int{a.idx[p], a.idx[p+n-1] + 1}
			p += n
			end = out[i][1]
		}
		return out, end
	}
	p := lo
	for i, t := range nt {
		rt := []rune(t)
		if len(rt) == 0 {
			continue
		}
		q := runeIndexWithin(a.norm, rt, p, p+200+len(rt))
		if q < 0 {
			continue
		}
		out[i] = [2]int{a.idx[q], a.idx[q+len(rt)-1] + 1}
		p = q + len(rt)
		end = out[i][1]
	}
	return out, end
}

func runeIndex(hay, needle []rune, from int) int {
	return runeIndexWithin(hay, needle, from, len(hay))
}

func runeIndexWithin(hay, needle []rune, from, to int) int {
	if to > len(hay) {
		to = len(hay)
	}
	if len(needle) == 0 {
		return -1
	}
	for i := from; i+len(needle) <= to; i++ {
		match := true
		for k, c := range needle {
			if hay[i+k] != c {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
