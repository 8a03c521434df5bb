package brat

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadAnn(t *testing.T) {
	ann := "T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 14;20 25\tyes  then\nspilled text line\n#1\tAnnotatorNotes T1\tnote\nT4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tContent x y\tbad\n"
	spans, events, err := ReadAnn(strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	if len(spans) != 4 || spans["T3"].Start() != 9 || spans["T3"].End() != 25 || len(spans["T3"].Fragments) != 2 {
		t.Errorf("spans %+v", spans)
	}
	if len(events) != 1 || events[0]["Content"] != "T3" || events[0]["Source"] != "T1" {
		t.Errorf("events %+v", events)
	}
}

func TestLoadCorpusPolNeARLayout(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "text"), 0o755)
	os.MkdirAll(filepath.Join(dir, "attributions"), 0o755)
	os.WriteFile(filepath.Join(dir, "text", "a_b.txt"), []byte("She said yes."), 0o644)
	os.WriteFile(filepath.Join(dir, "attributions", "a_b_x1.ann"), []byte("T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 12\tyes\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "attributions", "a_b_y2.ann"), []byte("T1\tContent 0 13\tShe said yes.\nE1\tAttribution-no-source:T2 Content:T1\n"), 0o644)
	docs, err := LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Name != "a_b" || len(docs[0].Attributions) != 1 {
		t.Fatalf("docs %+v", docs)
	}
	a := docs[0].Attributions[0]
	if a.Source == nil || a.Cue == nil || a.Content.Start() != 9 {
		t.Errorf("attribution %+v", a)
	}
	if _, err := LoadCorpus(filepath.Join(dir, "nope")); err == nil {
		t.Errorf("missing folder accepted")
	}
}
