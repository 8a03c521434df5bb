package lexicon

import "testing"

func TestCommonWord(t *testing.T) {
	for w, want := range map[string]bool{"police": true, "footage": true, "year": true, "rival": true,
		"bush": false, "mark": false, "rose": false, "bill": false, "Police": false, "": false} {
		if got := CommonWord(w); got != want {
			t.Errorf("CommonWord(%q) = %v, want %v", w, got, want)
		}
	}
}
