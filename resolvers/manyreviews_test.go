package resolvers_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/loader"
)

// manyReviewsSeeds is a seeds directory holding the seed, the loader's
// second review with its own lexicon and claims, and the purpose-made
// reviews that agree and disagree with the seed on ketamine and craving.
func manyReviewsSeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(from string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(from)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seeds, _ := filepath.Glob("../seeds/*.yaml")
	txt, _ := filepath.Glob("../seeds/*.txt")
	for _, f := range append(seeds, txt...) {
		copyFile(f)
	}
	for _, stem := range []string{"second-review", "agreeing-review", "contradicting-review"} {
		for _, suffix := range []string{".txt", ".claims.yaml", ".lexicon.yaml"} {
			f := filepath.Join("../loader/testdata", stem+suffix)
			if _, err := os.Stat(f); errors.Is(err, os.ErrNotExist) && suffix == ".lexicon.yaml" {
				continue
			}
			copyFile(f)
		}
	}
	return dir
}

// Through GraphQL: every review is listed, a claim two reviews state is
// one claim naming both reviews and both sentences, the contradiction is
// a concern on it, and an entity only another review's lexicon holds is
// a node while a seed-lexicon entity no review names is not.
func TestManyReviewsOneGraph(t *testing.T) {
	built, err := loader.LoadDir(manyReviewsSeeds(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := server(t, loadStore(t, loader.Documents(built)...), gql.Options{})
	res := post(t, srv.URL, `{
  reviews(first: 10) { totalCount edges { node { id name } } }
  craving: node(id: "KAP:craving") {
    claims(direction: IN, first: 50) { edges { node {
      id sign document documents reviews { id }
      subject { id }
      evidence { quote document review { id } }
      concerns { kind message }
    } } }
  }
  esketamine: node(id: "KAP:esketamine") { id name }
  lsd: nodes(ids: ["CHEBI:6605"]) { id ... on Drug { related(direction: IN, predicates: [ABOUT]) { edges { node { ... on Study { refNumber about { id } } } } } } }
}`, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %s", res.raw)
	}
	var data struct {
		Reviews struct {
			TotalCount int
			Edges      []struct{ Node struct{ ID, Name string } }
		}
		Craving struct {
			Claims struct {
				Edges []struct {
					Node struct {
						ID, Sign, Document string
						Documents          []string
						Reviews            []struct{ ID string }
						Subject            struct{ ID string }
						Evidence           []struct {
							Quote, Document string
							Review          struct{ ID string }
						}
						Concerns []struct{ Kind, Message string }
					}
				}
			}
		}
		Esketamine *struct{ ID, Name string }
		LSD        []*struct {
			ID      string
			Related struct {
				Edges []struct {
					Node struct {
						RefNumber int
						About     []struct{ ID string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(res.Data, &data); err != nil {
		t.Fatal(err)
	}
	if data.Reviews.TotalCount != 4 {
		t.Errorf("reviews: %d, want 4", data.Reviews.TotalCount)
	}
	var reviewIDs []string
	for _, e := range data.Reviews.Edges {
		reviewIDs = append(reviewIDs, e.Node.ID)
	}
	found := 0
	for _, e := range data.Craving.Claims.Edges {
		c := e.Node
		if c.Subject.ID != "CHEBI:6121" {
			continue
		}
		found++
		if len(c.Reviews) != len(c.Documents) || !slices.Contains(c.Documents, c.Document) {
			t.Errorf("claim %s: documents %v, reviews %v", c.ID, c.Documents, c.Reviews)
		}
		for _, ev := range c.Evidence {
			if ev.Document == "" || ev.Review.ID != ev.Document || !slices.Contains(c.Documents, ev.Document) {
				t.Errorf("claim %s: evidence %q names review %q / %q", c.ID, ev.Quote, ev.Document, ev.Review.ID)
			}
		}
		contradiction := slices.ContainsFunc(c.Concerns, func(k struct{ Kind, Message string }) bool {
			return k.Kind == "contradiction" && strings.Contains(k.Message, "increased craving") && strings.Contains(k.Message, "reduced craving")
		})
		if !contradiction {
			t.Errorf("claim %s (%s) has no contradiction concern naming both sentences: %v", c.ID, c.Sign, c.Concerns)
		}
		switch c.Sign {
		case "DECREASES":
			if len(c.Documents) != 2 || len(c.Evidence) < 2 {
				t.Errorf("ketamine decreases craving: documents %v, %d evidence; want the seed and the agreeing review", c.Documents, len(c.Evidence))
			}
		case "INCREASES":
			if len(c.Documents) != 1 {
				t.Errorf("ketamine increases craving: documents %v", c.Documents)
			}
		}
		for _, d := range c.Documents {
			if !slices.Contains(reviewIDs, d) {
				t.Errorf("claim %s names review %s, not in reviews %v", c.ID, d, reviewIDs)
			}
		}
	}
	if found != 2 {
		t.Errorf("ketamine -> craving: %d claims, want 2 (one per sign)", found)
	}
	if data.Esketamine == nil || data.Esketamine.Name != "esketamine" {
		t.Errorf("esketamine (from a review's own lexicon) is not a node: %v", data.Esketamine)
	}
	// LSD is named by no review's text or claims, only by the title of the
	// seed's reference 4: it is a node because that study is ABOUT it.
	if len(data.LSD) != 1 || data.LSD[0] == nil || len(data.LSD[0].Related.Edges) != 1 || data.LSD[0].Related.Edges[0].Node.RefNumber != 4 ||
		!slices.ContainsFunc(data.LSD[0].Related.Edges[0].Node.About, func(a struct{ ID string }) bool { return a.ID == "CHEBI:6605" }) {
		t.Errorf("LSD should be a node only as what the seed's reference 4 is about: %+v", data.LSD)
	}
}
