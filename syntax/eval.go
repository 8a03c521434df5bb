package syntax

// TaggerAccuracy is the share of words of sents that t tags right.
func TaggerAccuracy(t *Tagger, sents []Sentence) float64 {
	right, total := 0, 0
	for _, s := range sents {
		for i, tag := range t.Tag(s.Words) {
			if tag == s.Tags[i] {
				right++
			}
			total++
		}
	}
	return float64(right) / float64(max(total, 1))
}

// ParserAccuracy returns the unlabelled and labelled attachment scores of
// p on sents (punctuation included), parsing with the tags of tagger, or
// with the gold tags when tagger is nil.
func ParserAccuracy(p *Parser, sents []Sentence, tagger *Tagger) (uas, las float64) {
	u, l, total := 0, 0, 0
	for _, s := range sents {
		tags := s.Tags
		if tagger != nil {
			tags = tagger.Tag(s.Words)
		}
		heads, labels := p.Parse(s.Words, tags)
		for i := range heads {
			if heads[i] == s.Heads[i] {
				u++
				if labels[i] == s.Labels[i] {
					l++
				}
			}
			total++
		}
	}
	return float64(u) / float64(max(total, 1)), float64(l) / float64(max(total, 1))
}
