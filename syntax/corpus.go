package syntax

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Sentence is one sentence of a treebank: words, tags, and for each word
// its head (1-based index of the head word, 0 for the root) and relation.
type Sentence struct {
	Words  []string
	Tags   []string
	Heads  []int
	Labels []string
}

// ReadCoNLL reads sentences in the tab-separated layout of
// corpora/polnear-corenlp (id, word, lemma, tag, entity, head, relation,
// …), blank lines between sentences, "#" lines as comments. A .gz file is
// decompressed.
func ReadCoNLL(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	return readCoNLL(path, r)
}

func readCoNLL(name string, r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 7 {
			return nil, fmt.Errorf("%s:%d: want at least 7 tab-separated fields, got %d", name, n, len(f))
		}
		head, err := strconv.Atoi(f[5])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: head %q is not a number", name, n, f[5])
		}
		cur.Words = append(cur.Words, f[1])
		cur.Tags = append(cur.Tags, f[3])
		cur.Heads = append(cur.Heads, head)
		cur.Labels = append(cur.Labels, f[6])
	}
	flush()
	return out, sc.Err()
}
