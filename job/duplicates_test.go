package job_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/ingest"
	"github.com/whosaid/whosaid/job"
	"github.com/whosaid/whosaid/store/sqlite"
)

const dockStory = `The port authority of Brannick will shut the eastern quay for a month from April to replace its cranes, officials said on Tuesday.

Quay manager Nella Sorvik said the old cranes had failed twice this winter. "We cannot keep ships waiting while we fix machines older than most of our crews," she said.

Hauliers said the closure would push lorries onto the coast road for weeks. Their association asked the authority to open the western gate at night.

The new cranes cost 12 million crowns and arrive from the builder's yard in March. The authority said the quay would reopen before the summer season.`

const otherDockStory = `The port authority of Brannick reported a record number of cruise ship visits last year, its annual report said on Wednesday.

Quay manager Nella Sorvik said the cruise terminal would need a second gangway within two years. "The ships are getting longer and the passengers more numerous," she said.

Local shops said the visitors had brought them their best summer in a decade.`

// Ingesting a copy before its original: the original, published
// earlier, becomes the group's original, the copy and a lightly edited
// copy are its duplicates, and another story of the outlet stays apart.
func TestIngestDuplicates(t *testing.T) {
	ctx := context.Background()
	line := func(url, title, outlet, published, text string) string {
		b, _ := json.Marshal(map[string]string{"url": url, "title": title, "outlet": outlet, "published": published, "text": text})
		return string(b)
	}
	paras := strings.Split(dockStory, "\n\n")
	edited := strings.Join(append(paras[:3:3], "The last cranes were bought in 1994.", paras[3]), "\n\n")
	input := strings.Join([]string{
		line("https://b.example/cranes", "Brannick quay to close", "Bay Wire", "2024-03-06", dockStory+"\n\nRead more stories from the Bay Wire."),
		line("https://c.example/quay", "Cranes out, lorries in", "Coast Post", "2024-03-07", edited),
		line("https://a.example/quay", "Eastern quay shuts for new cranes", "Brannick Herald", "2024-03-05", dockStory),
		line("https://a.example/cruise", "Record cruise year", "Brannick Herald", "2024-03-05", otherDockStory),
	}, "\n") + "\n"
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := &ingest.Reader{Stdin: strings.NewReader(input)}
	byURL := map[string]string{}
	opt := job.Options{OnStored: func(d *whosaid.Doc, ref whosaid.ArticleRef) { byURL[d.URL] = d.ID }}
	if rep, err := job.Ingest(ctx, st, r.Docs(ctx, []string{"-"}), opt); err != nil || rep.Stored != 4 {
		t.Fatalf("stored %d, %v", rep.Stored, err)
	}
	want := map[string]string{
		"https://a.example/quay":   "",
		"https://b.example/cranes": byURL["https://a.example/quay"],
		"https://c.example/quay":   byURL["https://a.example/quay"],
		"https://a.example/cruise": "",
	}
	for url, of := range want {
		a, err := st.Article(ctx, byURL[url])
		if err != nil {
			t.Fatal(err)
		}
		if a.DuplicateOf != of {
			t.Errorf("%s: duplicate of %q, want %q", url, a.DuplicateOf, of)
		}
		if a.Title == "" || a.Outlet == "" || a.Published == nil {
			t.Errorf("%s: metadata of the record lost: %q %q %v", url, a.Title, a.Outlet, a.Published)
		}
	}
}
