package storetest

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
)

// said is one statement of a made-up article: its source as written, the
// entity's fullest name in the article, and the entity's type. An empty
// name is an unnamed source ("officials").
type said struct {
	source, name string
	typ          whosaid.EntityType
}

// madeDoc builds an annotated article by hand, one "SOURCE said …"
// sentence per statement, each source an entity of its own unless two
// share a name, so the rules below test the linker and the store, not the
// NLP.
func madeDoc(url string, ss ...said) *whosaid.Doc {
	var b strings.Builder
	type at struct{ src, cue, content whosaid.Span }
	var spans []at
	for _, s := range ss {
		var a at
		a.src.Start = b.Len()
		b.WriteString(s.source)
		a.src.End = b.Len()
		b.WriteString(" ")
		a.cue.Start = b.Len()
		b.WriteString("said")
		a.cue.End = b.Len()
		b.WriteString(" that ")
		a.content.Start = b.Len()
		b.WriteString("the harbour would reopen in " + strings.ToLower(s.source))
		a.content.End = b.Len()
		b.WriteString(".\n\n")
		spans = append(spans, a)
	}
	d := &whosaid.Doc{URL: url}
	d.SetText(b.String())
	entityOf := map[string]int{}
	for i, s := range ss {
		a := spans[i]
		m := whosaid.Mention{Span: a.src, Head: a.src, Kind: whosaid.MentionName, Type: s.typ, Person: 3, Apposition: -1, Name: s.source}
		if s.name == "" {
			m.Kind, m.Name = whosaid.MentionNominal, ""
		}
		mi := len(d.Mentions)
		key := s.name
		if key == "" {
			key = "\x00" + s.source
		}
		ei, ok := entityOf[key]
		if !ok {
			name := s.name
			if name == "" {
				name = s.source
			}
			ei = len(d.Entities)
			entityOf[key] = ei
			d.Entities = append(d.Entities, whosaid.Entity{Name: name, Type: s.typ})
		}
		m.Entity = ei
		d.Mentions = append(d.Mentions, m)
		d.Entities[ei].Mentions = append(d.Entities[ei].Mentions, mi)
		src, cue := a.src, a.cue
		d.Statements = append(d.Statements, whosaid.Statement{Kind: whosaid.Indirect, Source: &src, Cue: &cue,
			Content: []whosaid.Span{a.content}, Mention: mi, Entity: ei, Confidence: 0.9})
	}
	return d
}

// identityRules checks the rules of identity across the store that hold
// whatever the NLP does: different given names never merge; a bare family
// name links within its own article only; an unnamed source keeps its
// statements but is not a speaker of the index.
func identityRules(t *testing.T, open func(t *testing.T) whosaid.Store) {
	ctx := context.Background()
	person, org := whosaid.Person, whosaid.Organization
	s := open(t)
	put(t, s,
		madeDoc("https://rules.example/1", said{"Maria Lenk", "Maria Lenk", person}, said{"Lenk", "Maria Lenk", person},
			said{"officials", "", whosaid.UnknownType}),
		madeDoc("https://rules.example/2", said{"Tomas Lenk", "Tomas Lenk", person}, said{"Lenk", "Tomas Lenk", person}),
		madeDoc("https://rules.example/3", said{"Lenk", "Lenk", person}, said{"the ministry", "", org}),
		madeDoc("https://rules.example/4", said{"Maria Lenk", "Maria Lenk", person}, said{"officials", "", whosaid.UnknownType}),
	)
	page, err := s.Speakers(ctx, whosaid.SpeakerQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	var listed []string
	for _, sp := range page.Items {
		listed = append(listed, sp.Name)
		count[sp.Name] = sp.Statements
		for _, v := range sp.Variants {
			if strings.Contains(sp.Name, "Maria") && strings.Contains(v, "Tomas") || strings.Contains(sp.Name, "Tomas") && strings.Contains(v, "Maria") {
				t.Errorf("different given names merged: %s has variant %q", sp.Name, v)
			}
		}
	}
	sort.Strings(listed)
	// Maria Lenk: 2 + 1 statements in two articles; Tomas Lenk 2; the bare
	// Lenk of article 3 is a speaker of that article only.
	want := map[string]int{"Maria Lenk": 3, "Tomas Lenk": 2, "Lenk": 1}
	for n, c := range want {
		if count[n] != c {
			t.Errorf("%s has %d statements, want %d (speakers %v)", n, count[n], c, listed)
		}
	}
	if len(listed) != len(want) {
		t.Errorf("speakers %v, want only the named ones (no \"officials\", no \"ministry\")", listed)
	}
	if st := stats(t, s); st.Speakers != len(want) || st.Statements != 9 {
		t.Errorf("stats %+v: want %d speakers (unnamed sources not counted) and all 9 statements", st, len(want))
	}
	// The unnamed sources keep their statements, with their source text.
	hits, err := s.Search(ctx, whosaid.StatementQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	sources := 0
	for _, h := range hits.Items {
		if h.Source != nil && (h.Source.Text == "officials" || h.Source.Text == "the ministry") {
			sources++
		}
	}
	if sources != 3 {
		t.Errorf("%d statements keep an unnamed source, want 3", sources)
	}
	// An unnamed source is not found by its words either.
	if _, err := s.Speaker(ctx, "officials"); whosaid.ErrorCode(err) != whosaid.ENotFound {
		t.Errorf("speaker \"officials\": %v, want ENotFound", err)
	}
	// A query for the full name finds its bearer, never one merged
	// speaker.
	for _, who := range []string{"Maria Lenk", "Tomas Lenk"} {
		sp, err := s.Speaker(ctx, who)
		if err != nil {
			t.Errorf("speaker %q: %v", who, err)
			continue
		}
		if sp.Name != who {
			t.Errorf("speaker %q is %q", who, sp.Name)
		}
	}
}
