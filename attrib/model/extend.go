package model

import (
	"github.com/whosaid/whosaid"
)

// extendContents runs an indirect content that stops short in its
// sentence on to the sentence's end, when nothing else of a statement
// (cue, source, another content) and no quotation follows it there: the
// tagger tends to stop reported speech at a comma or a subordinate clause
// ("he said the rule was on hold [while the court considered it]").
func extendContents(doc *whosaid.Doc, sts []whosaid.Statement, labels []int) {
	for i := range sts {
		n := len(sts[i].Content)
		if n == 0 {
			continue
		}
		last := &sts[i].Content[n-1]
		si := doc.SentenceAt(max(last.Start, last.End-1))
		if si < 0 {
			continue
		}
		s := doc.Sentences[si]
		end := s.EndToken
		// Leave the final punctuation out, as annotators do.
		for end > s.FirstToken && !wordy(doc.Str(doc.Tokens[end-1].Span)) {
			end--
		}
		k := doc.TokenAt(last.End - 1)
		if k < 0 || k+1 >= end {
			continue
		}
		clear := true
		for j := k + 1; j < end; j++ {
			if labels[j] != lO || inQuote(doc, doc.Tokens[j].Start) {
				clear = false
				break
			}
		}
		if clear {
			last.End = doc.Tokens[end-1].End
		}
	}
}

func inQuote(doc *whosaid.Doc, b int) bool {
	for _, q := range doc.Quotes {
		if q.Outer.Start <= b && b < q.Outer.End {
			return true
		}
	}
	return false
}
