package dedup

import (
	"context"
	"strings"
	"testing"
	"time"
)

// An invented wire story, its reprints and another story of the same outlet.
const story = `The port authority of Velmora will close the eastern harbour for six weeks from March to rebuild its breakwater, officials said on Tuesday.

Harbour master Ilse Kovander said the works could not wait another winter. "The wall has moved eleven centimetres since the January storms, and we will not gamble with the crews who moor behind it," she told reporters at the harbour office.

Fishing cooperatives said the closure would cost their members a season's catch. Their spokesman, Dario Penn, said boats would be moved to the western basin, where the authority has promised forty extra berths.

The authority put the cost of the works at 38 million crowns, two thirds of it paid by the regional fund for coastal defence. Tenders closed in December and the contract went to a consortium of three local builders.

Ferry services to the outer islands will run from the western basin during the works, with timetables unchanged, the operator said in a statement.

Kovander said the harbour would reopen in time for the summer regatta. "We have planned this to the day," she said.`

const otherStory = `Velmora's city council approved a new budget for its public libraries on Monday after a debate that lasted well into the night.

Councillor Maren Oster said the plan would keep all eleven branches open on Saturdays. "Reading rooms are where this city does its homework," she said during the session.

The opposition said the money should have gone to school buildings, several of which need new roofs before the autumn term. Its leader, Bruno Kell, called the vote a missed chance.

The budget adds 2.4 million crowns to the library service over three years, most of it for staff and longer opening hours. A mobile library will visit the villages of the northern valley twice a month.

Library staff welcomed the decision, their union said in a statement on Tuesday.`

const footer = "\n\nCopyright Velmora Daily Courier. All rights reserved. Sign up for our morning newsletter and follow us on social media for more local news."

func day(s string) *time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestAdd(t *testing.T) {
	reprint := "Breakwater works to shut Velmora's eastern harbour\n\n" + story + "\n\nReporting by the Coastal Wire; editing by the night desk."
	paragraphs := strings.Split(story, "\n\n")
	edited := strings.Join(append(paragraphs[:4:4], append([]string{"The last major repair of the breakwater was in 1987, after a storm surge flooded the harbour road and damaged two warehouses."}, paragraphs[4:]...)...), "\n\n")
	cut := strings.Join(append(paragraphs[:2:2], paragraphs[3:]...), "\n\n")
	ctx := context.Background()

	type add struct {
		id, text  string
		published *time.Time
		wantOf    string // the original Add names
	}
	cases := []struct {
		name  string
		adds  []add
		final map[string]string // id → DuplicateOf after all adds
	}{
		{"reprint with another headline and footer joins",
			[]add{{"orig", "Harbour to close for repairs\n\n" + story + footer, day("2024-02-06"), ""},
				{"copy", reprint, day("2024-02-07"), "orig"}},
			map[string]string{"orig": "", "copy": "orig"}},
		{"a paragraph added, a paragraph cut",
			[]add{{"orig", story, day("2024-02-06"), ""},
				{"added", edited + footer, day("2024-02-06"), "orig"},
				{"cut", cut, day("2024-02-08"), "orig"}},
			map[string]string{"orig": "", "added": "orig", "cut": "orig"}},
		{"another story by the same outlet stays apart",
			[]add{{"harbour", story + footer, day("2024-02-06"), ""},
				{"library", otherStory + footer, day("2024-02-06"), ""}},
			map[string]string{"harbour": "", "library": ""}},
		{"the copy ingested first gives way to the earlier original",
			[]add{{"copy", reprint, day("2024-02-07"), ""},
				{"copy2", edited, day("2024-02-09"), "copy"},
				{"orig", story + footer, day("2024-02-06"), ""}},
			map[string]string{"orig": "", "copy": "orig", "copy2": "orig"}},
		{"undated copies: the first recorded is the original",
			[]add{{"first", story, nil, ""}, {"second", reprint, nil, "first"}},
			map[string]string{"first": "", "second": "first"}},
		{"a dated copy does not displace an undated first copy",
			[]add{{"first", story, nil, ""}, {"second", reprint, day("2024-01-01"), "first"}},
			map[string]string{"first": "", "second": "first"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ix := NewMemoryIndex()
			for _, a := range c.adds {
				of, err := Add(ctx, ix, a.id, a.text, a.published)
				if err != nil {
					t.Fatal(err)
				}
				if of != a.wantOf {
					t.Errorf("Add(%s) = %q, want %q", a.id, of, a.wantOf)
				}
			}
			for id, want := range c.final {
				if got := ix.DuplicateOf(id); got != want {
					t.Errorf("%s: duplicate of %q, want %q", id, got, want)
				}
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	same := Similarity(Sign(story), Sign(strings.ReplaceAll(story, "\"", "“")))
	other := Similarity(Sign(story), Sign(otherStory))
	if same != 1 {
		t.Errorf("other quotation marks: similarity %.2f, want 1", same)
	}
	if other >= 0.1 {
		t.Errorf("another story: similarity %.2f, want under 0.1", other)
	}
	if Sign("  ...  ") != nil {
		t.Errorf("a text without words has a signature")
	}
	if got := Sign("Three words only"); len(got) != Hashes {
		t.Errorf("a text shorter than a shingle: %d hashes", len(got))
	}
}
