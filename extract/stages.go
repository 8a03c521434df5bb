package extract

import (
	"context"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/clean"
	"github.com/whosaid/whosaid/segment"
)

// DefaultStages is the annotation pipeline, in order. This table is the one
// place where stages are chosen.
func DefaultStages() []whosaid.Stage {
	return []whosaid.Stage{
		clean.Cleaner{},
		segment.Segmenter{},
		segment.Quoter{},
	}
}

// DefaultLinker links speakers across the articles of one run.
func DefaultLinker() whosaid.Linker { return noLinker{} }

type noLinker struct{}

func (noLinker) Link(context.Context, []*whosaid.Doc) ([]whosaid.Speaker, error) { return nil, nil }
