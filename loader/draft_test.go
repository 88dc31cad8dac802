package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader/curation"

	"github.com/kapgraph/kapgraph/graph"
)

// TestDraftThenAcceptValidates is issue 12's curation workflow on the
// second review, alone and beside the seed: draft writes files the loader
// ignores and the JSON Schemas accept; accepting every candidate gives a
// directory that validates, in which every drafted claim is a curated
// claim that confirms extraction.
func TestDraftThenAcceptValidates(t *testing.T) {
	for _, tc := range []struct {
		name     string
		seed     bool
		claims   int // at least
		entities int // at least
	}{
		{"alone", false, 1, 3},
		{"beside the seed", true, 2, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.seed {
				dir = copySeeds(t)
			}
			data, err := os.ReadFile("testdata/second-review.txt")
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "second-review.txt"), data, 0o644)
			res, err := DraftDir(dir, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 1 || res[0].Review != "second-review.txt" || res[0].Claims < tc.claims || res[0].Entities < tc.entities || res[0].LexiconFile == "" {
				t.Fatalf("drafted %+v; want only the second review, with at least %d claims and %d entities", res, tc.claims, tc.entities)
			}
			// The drafts are valid against the schemas, and the directory
			// still loads while they wait.
			for f, schema := range map[string]string{res[0].ClaimsFile: "claims", res[0].LexiconFile: "lexicon"} {
				b, _ := os.ReadFile(f)
				if err := curation.ValidateYAML(schema, b); err != nil {
					t.Errorf("%s: %v", f, err)
				}
				if !strings.Contains(string(b), "second-review.txt:") {
					t.Errorf("%s names no line of the review", f)
				}
			}
			if _, err := LoadDir(dir); err != nil {
				t.Fatalf("with drafts waiting: %v", err)
			}
			if _, err := DraftDir(dir, false); err == nil || !strings.Contains(err.Error(), "--force") {
				t.Errorf("a second draft over the first: %v; want a refusal naming --force", err)
			}
			if _, err := AcceptDrafts(dir); err != nil {
				t.Fatal(err)
			}
			built, err := LoadDir(dir)
			if err != nil {
				t.Fatalf("after accepting every candidate: %v", err)
			}
			var doc *graph.Document
			for _, b := range built {
				if strings.HasSuffix(b.Report.Source, "second-review.txt") {
					doc = b.Document
					if b.Report.Claims != res[0].Claims || b.Report.Confirmed != res[0].Claims || b.Report.Extracted != 0 {
						t.Errorf("report: %d claims, %d confirmed, %d extracted; want %d, all confirmed, none left extracted",
							b.Report.Claims, b.Report.Confirmed, b.Report.Extracted, res[0].Claims)
					}
				}
			}
			for _, e := range doc.Edges {
				if e.AgentType == "manual_agent" && e.Predicate.Curated() && e.Curation != "confirmed" {
					t.Errorf("claim %s: curation %q, want confirmed", e.ID, e.Curation)
				}
			}
			if tc.seed {
				// The seed's own graph is as before: its curation is untouched.
				for _, b := range built {
					if b.Document.ID == "KAP:ward-2025-ketamine-assisted" && b.Report.Confirmed != 29 {
						t.Errorf("seed: %d confirmed claims, want 29", b.Report.Confirmed)
					}
				}
			}
		})
	}
}
