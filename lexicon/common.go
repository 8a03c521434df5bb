package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"sync"
)

// common.txt.gz: English words the dictionary writes in lower case only
// (scripts/gen-common-words.sh; licence in COMMON-LICENSE).
//
//go:embed common.txt.gz
var commonGz []byte

var (
	commonOnce sync.Once
	common     map[string]bool
)

// CommonWord reports whether the lower-case word w is an ordinary English
// word that is never a name: the dictionary lists it in lower case and
// never capitalised ("police", "footage"; not "bush", "mark" or "rose").
// A capitalised common word that starts a sentence is that word, not a
// name.
func CommonWord(w string) bool {
	commonOnce.Do(func() {
		common = map[string]bool{}
		r, err := gzip.NewReader(bytes.NewReader(commonGz))
		if err != nil {
			panic("lexicon: common.txt.gz: " + err.Error())
		}
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			common[sc.Text()] = true
		}
		if err := sc.Err(); err != nil {
			panic("lexicon: common.txt.gz: " + err.Error())
		}
	})
	return common[w]
}
