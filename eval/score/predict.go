package score

import "github.com/whosaid/whosaid/wire"

// FromArticle turns one article of `whosaid extract` output into labelled
// spans in the code points of goldText: as they are when the article's
// text is goldText, else found by their strings nearest their offsets.
func FromArticle(a wire.Article, goldText []rune) []Span {
	same := a.Text == string(goldText)
	text := []rune(a.Text)
	var out []Span
	add := func(label string, s, e int) {
		if e <= s || s < 0 || e > len(text) {
			return
		}
		if !same {
			at, ok := Locate(goldText, string(text[s:e]), s)
			if !ok {
				return
			}
			s, e = at, at+(e-s)
		}
		out = append(out, Span{Label: label, Start: s, End: e})
	}
	for _, st := range a.Statements {
		if st.Source != nil {
			add("source", st.Source.Start, st.Source.End)
		}
		if st.Cue != nil {
			add("cue", st.Cue.Start, st.Cue.End)
		}
		if st.Content != nil {
			if len(st.Content.Fragments) == 0 {
				add("content", st.Content.Start, st.Content.End)
			}
			for _, f := range st.Content.Fragments {
				add("content", f[0], f[1])
			}
		}
	}
	return out
}
