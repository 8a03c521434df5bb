package extract

import (
	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/attrib"
	"github.com/whosaid/whosaid/clean"
	"github.com/whosaid/whosaid/dates"
	"github.com/whosaid/whosaid/identity"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/segment"
)

// DefaultStages is the annotation pipeline, in order. This table is the one
// place where stages are chosen.
func DefaultStages() []whosaid.Stage { return Stages(false) }

// Stages is the annotation pipeline; textAsIs keeps plain-text inputs as
// they are (see clean.Cleaner.AsIs).
func Stages(textAsIs bool) []whosaid.Stage {
	return []whosaid.Stage{
		clean.Cleaner{AsIs: textAsIs},
		segment.Segmenter{},
		segment.Quoter{},
		mention.Detector{},
		attrib.Rules{},
		identity.Resolver{},
		dates.SaidOn{},
	}
}

// DefaultLinker links speakers across the articles of one run.
func DefaultLinker() whosaid.Linker { return identity.Linker{} }
