package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"

	"github.com/kapgraph/kapgraph/loader/build"
	"github.com/kapgraph/kapgraph/loader/review"
)

// TestEvalReviewsBuild builds every evaluation review (dev and the frozen
// test sets) with no lexicon and no curation, as `kapgraph load` does a
// review nobody curated, and fails on any review the reader accepts but
// the build refuses: an extraction rule that names an entity in a claim
// must also make its node, and every claim must be one the graph can
// hold, or the whole review is lost ("edge ... points at unknown node",
// "needs a sign"). It checks that a review loads, not what was found.
func TestEvalReviewsBuild(t *testing.T) {
	files, err := filepath.Glob("extract/testdata/eval/*/*.txt")
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

// TestUnsignedStatementsBuild: a statement with no direction ("plays a
// key role in", "alters") is kept unsigned, and the review builds: before,
// one unsigned correlation refused the whole review ("needs a sign").
func TestUnsignedStatementsBuild(t *testing.T) {
	tests := []struct{ sentence, subject, object string }{
		{"Dynorphin plays a key role in relapse to cocaine seeking [1].", "dynorphin", "relapse"},
		{"These findings support a role for kappa-opioid receptor signalling in alcohol intake [1].", "kappa-opioid receptor", "alcohol intake"},
	}
	for _, tc := range tests {
		t.Run(tc.subject, func(t *testing.T) {
			text := "A Short Review of Relapse\n\nAna Ruiz and Karl Berg\n\nReceived 2 May 2025; accepted 30 August 2025\n\nIntroduction\n\n" +
				tc.sentence + "\n\nReferences\n\n1. Ruiz A. Relapse and its biology. Addiction. 2020;1:1-10.\n"
			rev, err := review.ParseReview("short.txt", []byte(text))
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			doc, _, err := build.Build(rev, nil, nil)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			name := map[string]string{}
			for _, n := range doc.Nodes {
				name[n.ID] = strings.ToLower(n.Name)
			}
			var got []string
			for _, e := range doc.Edges {
				if e.Predicate == graph.CorrelatedWith {
					got = append(got, name[e.Subject]+" -> "+name[e.Object]+" "+string(e.Sign))
					if strings.Contains(name[e.Subject], tc.subject) && strings.Contains(name[e.Object], tc.object) && e.Sign == graph.Unsigned {
						return
					}
				}
			}
			t.Errorf("no unsigned correlation %s -> %s; correlations %q", tc.subject, tc.object, got)
		})
	}
}
