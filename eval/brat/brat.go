package brat

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid"
)

// Span is a labelled text-bound annotation: fragments of [start, end) in
// code points.
type Span struct {
	ID        string
	Label     string
	Fragments [][2]int
}

// Start and End give the span's extent over all fragments.
func (s Span) Start() int { return s.Fragments[0][0] }
func (s Span) End() int   { return s.Fragments[len(s.Fragments)-1][1] }

// Attribution ties a content to its cue and source. Source and Cue may be
// nil (an attribution without a source; annotation gaps).
type Attribution struct {
	Source, Cue, Content *Span
}

// Document is one annotated text.
type Document struct {
	Name         string
	Text         string
	Spans        map[string]*Span
	Attributions []Attribution
}

// ReadAnn parses a .ann stream. Lines it does not understand (annotator
// notes, text that spilled over a line break) are skipped.
func ReadAnn(r io.Reader) (map[string]*Span, []map[string]string, error) {
	spans := map[string]*Span{}
	var events []map[string]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 2 {
			continue
		}
		id := parts[0]
		switch {
		case strings.HasPrefix(id, "T") && len(parts) >= 2:
			label, rest, ok := strings.Cut(parts[1], " ")
			if !ok {
				continue
			}
			var frags [][2]int
			good := true
			for _, f := range strings.Split(rest, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(f), " ")
				x, err1 := strconv.Atoi(a)
				y, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || y < x {
					good = false
					break
				}
				frags = append(frags, [2]int{x, y})
			}
			if good && len(frags) > 0 {
				spans[id] = &Span{ID: id, Label: label, Fragments: frags}
			}
		case strings.HasPrefix(id, "E"):
			roles := map[string]string{}
			for _, kv := range strings.Fields(parts[1]) {
				k, v, ok := strings.Cut(kv, ":")
				if ok {
					roles[k] = v
				}
			}
			events = append(events, roles)
		}
	}
	return spans, events, sc.Err()
}

// Load reads one text and its annotation file.
func Load(textPath, annPath string) (*Document, error) {
	text, err := os.ReadFile(textPath)
	if err != nil {
		return nil, whosaid.InputError(whosaid.ENotFound, textPath, "cannot read: %v", err)
	}
	f, err := os.Open(annPath)
	if err != nil {
		return nil, whosaid.InputError(whosaid.ENotFound, annPath, "cannot read: %v", err)
	}
	defer f.Close()
	spans, events, err := ReadAnn(f)
	if err != nil {
		return nil, whosaid.InputError(whosaid.EInvalid, annPath, "%v", err)
	}
	doc := &Document{Name: strings.TrimSuffix(filepath.Base(textPath), ".txt"), Text: string(text), Spans: spans}
	for _, roles := range events {
		a := Attribution{Content: spans[roles["Content"]], Cue: spans[roles["Cue"]], Source: spans[roles["Source"]]}
		if a.Content == nil {
			continue
		}
		doc.Attributions = append(doc.Attributions, a)
	}
	return doc, nil
}

// LoadCorpus reads a corpus folder in the usual layout — text/NAME.txt and
// annotations/NAME_ANNOTATOR.ann or attributions/NAME_ANNOTATOR.ann — or a
// flat folder of NAME.txt beside NAME.ann. Where an article has several
// annotators' files, the first in sorted order is used.
func LoadCorpus(dir string) ([]*Document, error) {
	var annDir, textDir string
	for _, d := range []string{"attributions", "annotations"} {
		if st, err := os.Stat(filepath.Join(dir, d)); err == nil && st.IsDir() {
			annDir, textDir = filepath.Join(dir, d), filepath.Join(dir, "text")
		}
	}
	if annDir == "" {
		annDir, textDir = dir, dir
	}
	entries, err := os.ReadDir(annDir)
	if err != nil {
		return nil, whosaid.InputError(whosaid.ENotFound, dir, "not a corpus folder: %v", err)
	}
	chosen := map[string]string{}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".ann") {
			continue
		}
		base := strings.TrimSuffix(n, ".ann")
		article := base
		if _, err := os.Stat(filepath.Join(textDir, base+".txt")); err != nil {
			if i := strings.LastIndexByte(base, '_'); i > 0 {
				article = base[:i]
			}
		}
		if _, ok := chosen[article]; !ok {
			chosen[article] = n
			names = append(names, article)
		}
	}
	sort.Strings(names)
	var docs []*Document
	for _, name := range names {
		d, err := Load(filepath.Join(textDir, name+".txt"), filepath.Join(annDir, chosen[name]))
		if err != nil {
			continue
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, whosaid.InputError(whosaid.EEmpty, dir, "no annotated texts found")
	}
	return docs, nil
}
