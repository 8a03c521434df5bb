package job_test

import (
	"strings"
	"testing"
)

// TestSeedsNoThingSpeaks: no seed statement's speaker is a document, an
// outlet or a bare organisation word — a relayed statement ("according to
// the channel affiliated with the movement") and a cited document ("the
// message mentioned by …") speak with their issuer's voice or none.
func TestSeedsNoThingSpeaks(t *testing.T) {
	arts := seedRun(t, nil)
	things := map[string]bool{"message": true, "the message": true, "movement": true, "channel": true,
		"statement": true, "report": true}
	for seed, a := range arts {
		for _, s := range a.Statements {
			if s.Speaker == nil {
				continue
			}
			if things[strings.ToLower(s.Speaker.Name)] {
				src := ""
				if s.Source != nil {
					src = s.Source.Text
				}
				t.Errorf("%s: speaker %q (source %q)", seed, s.Speaker.Name, src)
			}
		}
	}
}
