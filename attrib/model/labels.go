package model

// Labels of the tagger. The order is part of the model file format.
const (
	lO = iota
	lBSource
	lISource
	lBCue
	lICue
	lBContent
	lIContent
	nLabels
)

var labelNames = [nLabels]string{"O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content"}

// component of a label: "source", "cue", "content" or "".
func component(l int) string {
	switch l {
	case lBSource, lISource:
		return "source"
	case lBCue, lICue:
		return "cue"
	case lBContent, lIContent:
		return "content"
	}
	return ""
}

func isBegin(l int) bool { return l == lBSource || l == lBCue || l == lBContent }

// inside returns the I- label of a component's B- label and vice versa
// stays.
func inside(l int) int {
	if isBegin(l) {
		return l + 1
	}
	return l
}

// allowed reports whether label cur may follow label prev: an I- label
// only continues its own component.
func allowed(prev, cur int) bool {
	switch cur {
	case lISource:
		return prev == lBSource || prev == lISource
	case lICue:
		return prev == lBCue || prev == lICue
	case lIContent:
		return prev == lBContent || prev == lIContent
	}
	return true
}

// startAllowed reports whether a sentence may start with label l.
func startAllowed(l int) bool { return l == lO || isBegin(l) }

// LabelName is the name of a label Tag returned ("B-cue", "O", …).
func LabelName(l int) string { return labelNames[l] }
