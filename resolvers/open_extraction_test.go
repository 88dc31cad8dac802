package resolvers_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"

	"github.com/kapgraph/kapgraph/loader"
)

// TestReviewWithNoCurationServesDrugPaths is issue 18's "done when": a
// review nobody curated (the development reviews of the blind evaluation
// that the review reader takes, each alone in its directory: no lexicon,
// no claims) is read with the embedded vocabularies and the chunker, and
// mechanismToOutcomePaths serves chains from a drug through a target to an
// outcome whose every hop is an extracted claim quoting a sentence of that
// review.
func TestReviewWithNoCurationServesDrugPaths(t *testing.T) {
	long := 0
	for _, review := range []string{"dev-glp1-aud.txt", "dev-ibogaine-oud.txt"} {
		t.Run(review, func(t *testing.T) { long += drugPathsOf(t, review) })
	}
	if long == 0 {
		t.Error("no Drug -> target -> ... -> Outcome chain of two hops or more in either review")
	}
}

// drugPathsOf loads one review alone, checks every chain from each of its
// drugs, and counts the chains that pass through a target before their
// outcome.
func drugPathsOf(t *testing.T, review string) int {
	dir := t.TempDir()
	copyFile(t, filepath.Join("../loader/extract/testdata/eval/dev", review), filepath.Join(dir, review))
	text, err := os.ReadFile(filepath.Join(dir, review))
	if err != nil {
		t.Fatal(err)
	}
	built, err := loader.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	doc := built[0].Document
	srv := server(t, loadStore(t, loader.Documents(built)...), gql.Options{})
	var drugs []string
	for _, n := range doc.Nodes {
		if n.Category == "Drug" {
			drugs = append(drugs, n.ID)
		}
	}
	type hop struct {
		From, To struct{ ID, Category string }
		Claim    struct {
			Origin   string
			Evidence []struct{ Quote string }
		}
	}
	long := 0
	for _, d := range drugs {
		r := post(t, srv.URL, `query($id: ID!) { mechanismToOutcomePaths(from: $id, first: 50) {
			length sign summary hops { from { id category } to { id category } claim { origin evidence { quote } } } } }`, map[string]any{"id": d})
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %s", d, r.raw)
		}
		var out struct {
			Paths []struct {
				Length  int
				Summary string
				Hops    []hop
			} `json:"mechanismToOutcomePaths"`
		}
		if err := json.Unmarshal(r.Data, &out); err != nil {
			t.Fatal(err)
		}
		for _, p := range out.Paths {
			for _, h := range p.Hops {
				if h.Claim.Origin != "EXTRACTED" || len(h.Claim.Evidence) == 0 {
					t.Errorf("%s: hop %+v is not an extracted claim with evidence", p.Summary, h)
				}
				for _, ev := range h.Claim.Evidence {
					if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), ev.Quote) {
						t.Errorf("%s: quote %q is not a sentence of %s", p.Summary, ev.Quote, review)
					}
				}
			}
			if p.Length >= 2 && p.Hops[0].To.Category != "Outcome" && p.Hops[0].To.Category != "Symptom" {
				long++
				t.Logf("%s", p.Summary)
			}
		}
	}
	return long
}
