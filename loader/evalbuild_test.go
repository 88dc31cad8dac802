package loader

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kapgraph/kapgraph/loader/build"
	"github.com/kapgraph/kapgraph/loader/review"
)

// TestDevReviewsBuild builds every development review with no lexicon and
// no curation, as `kapgraph load` does a review nobody curated, and fails
// on any review the reader accepts but the build refuses: an extraction
// rule that names an entity in a claim must also make its node, or the
// whole review is lost ("edge ... points at unknown node").
func TestDevReviewsBuild(t *testing.T) {
	files, err := filepath.Glob("extract/testdata/eval/dev/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no dev reviews (%v)", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rev, err := review.ParseReview(filepath.Base(f), text)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			doc, _, err := build.Build(rev, nil, nil)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			if len(doc.Nodes) == 0 || len(doc.Edges) == 0 {
				t.Fatalf("built %d nodes and %d edges", len(doc.Nodes), len(doc.Edges))
			}
		})
	}
}
