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

// TestUncuratedReviewBesideSeed is issue 12's "done when": a review in the
// seed's style with no curation of its own (the second review without its
// claims and lexicon), dropped into a seeds directory beside the seed,
// gives Drug, Mechanism, Disorder and Outcome nodes and signed claims, and
// mechanismToOutcomePaths answers over them through the GraphQL handler.
func TestUncuratedReviewBesideSeed(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"lexicon.yaml", "ward-2025-ketamine-assisted-psychotherapy-addiction.txt", "ward-2025-ketamine-assisted-psychotherapy-addiction.claims.yaml"} {
		copyFile(t, filepath.Join("../seeds", f), filepath.Join(dir, f))
	}
	copyFile(t, "../loader/testdata/second-review.txt", filepath.Join(dir, "second-review.txt"))
	built, err := loader.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := server(t, loadStore(t, loader.Documents(built)...), gql.Options{})

	const doc = "KAP:lindqvist-2024-psilocybin-assisted"
	// The review's own graph: which categories it mentions, and its claims.
	r := post(t, srv.URL, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": doc})
	if len(r.Errors) > 0 {
		t.Fatalf("review: %s", r.raw)
	}
	var second *loader.Built
	for i := range built {
		if built[i].Document.ID == doc {
			second = &built[i]
		}
	}
	if second == nil {
		t.Fatalf("no document %s", doc)
	}
	mentioned := map[string]string{}
	nodes := map[string]string{}
	for _, n := range second.Document.Nodes {
		nodes[n.ID] = string(n.Category)
	}
	for _, e := range second.Document.Edges {
		if e.Predicate == "MENTIONS" {
			mentioned[nodes[e.Object]] = e.Object
		}
	}
	for _, cat := range []string{"Drug", "Mechanism", "Disorder", "Outcome"} {
		if mentioned[cat] == "" {
			t.Errorf("the uncurated review mentions no %s node", cat)
		}
	}
	var signed []string
	for _, e := range second.Document.Edges {
		if e.Origin == "extracted" && e.Sign != "" && !e.Negated && !e.Hedged {
			signed = append(signed, e.Subject+" "+string(e.Predicate)+" "+string(e.Sign)+" "+e.Object)
		}
	}
	if len(signed) == 0 {
		t.Fatal("no signed extracted claim")
	}
	t.Logf("signed extracted claims: %s", strings.Join(signed, "; "))

	// Over GraphQL: the claim says it is extracted, unreviewed, by a text
	// mining agent, with its sentence and citations as evidence.
	r = post(t, srv.URL, `{ mechanismToOutcomePaths(from: "KAP:proposed-mystical-type-experience", to: "KAP:abstinence") {
		sign score hops { claim { origin curation hedged agentType knowledgeLevel score sign document
			evidence { quote citations studies { id } } } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("mechanismToOutcomePaths: %s", r.raw)
	}
	var out struct {
		Paths []struct {
			Sign  string
			Score float64
			Hops  []struct {
				Claim struct {
					Origin, Curation, AgentType, KnowledgeLevel, Sign, Document string
					Hedged                                                      bool
					Score                                                       float64
					Evidence                                                    []struct {
						Quote     string
						Citations []string
						Studies   []struct{ ID string }
					}
				}
			}
		} `json:"mechanismToOutcomePaths"`
	}
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Paths) == 0 {
		t.Fatalf("no mechanism-to-outcome path in the uncurated review: %s", r.raw)
	}
	p := out.Paths[0]
	c := p.Hops[0].Claim
	if p.Sign != "INCREASES" || c.Origin != "EXTRACTED" || c.Curation != "UNREVIEWED" || c.AgentType != "text_mining_agent" ||
		c.Hedged || c.KnowledgeLevel != "knowledge_assertion" || c.Document != doc || c.Score != 0.0563 {
		t.Errorf("path %+v", p)
	}
	if len(c.Evidence) != 1 || !strings.Contains(c.Evidence[0].Quote, "predicted abstinence") || len(c.Evidence[0].Citations) != 2 || len(c.Evidence[0].Studies) != 2 {
		t.Errorf("evidence %+v: want the sentence with its two author-year citations resolved to studies", c.Evidence)
	}

	// The drug: the second review never states what psilocybin does to a
	// mechanism or an outcome (its trials report abstinence with no
	// subject), so no rule can link them and the answer is an empty list,
	// not null and not an error.
	r = post(t, srv.URL, `{ mechanismToOutcomePaths(from: "CHEBI:8614") { length } }`, nil)
	if len(r.Errors) > 0 || string(r.Data) != `{"mechanismToOutcomePaths":[]}` {
		t.Errorf("mechanismToOutcomePaths from the review's drug: %s", r.raw)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestUncuratedDrugPath: where a review in the seed's style does state what
// its drug does to a mechanism and what the mechanism does to an outcome
// (loader/testdata/third-review.txt, uncurated, beside the seed), the
// extracted claims chain from the drug to the outcome with a net sign.
func TestUncuratedDrugPath(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"lexicon.yaml", "ward-2025-ketamine-assisted-psychotherapy-addiction.txt", "ward-2025-ketamine-assisted-psychotherapy-addiction.claims.yaml"} {
		copyFile(t, filepath.Join("../seeds", f), filepath.Join(dir, f))
	}
	copyFile(t, "../loader/testdata/third-review.txt", filepath.Join(dir, "third-review.txt"))
	built, err := loader.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := server(t, loadStore(t, loader.Documents(built)...), gql.Options{})
	r := post(t, srv.URL, `{ mechanismToOutcomePaths(from: "KAP:proposed-ibogaine", to: "KAP:relapse") {
		length sign summary hops { claim { origin curation predicate sign } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("%s", r.raw)
	}
	var out struct {
		Paths []struct {
			Length  int
			Sign    string
			Summary string
			Hops    []struct {
				Claim struct{ Origin, Curation, Predicate, Sign string }
			}
		} `json:"mechanismToOutcomePaths"`
	}
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Paths) != 1 {
		t.Fatalf("paths: %s", r.raw)
	}
	p := out.Paths[0]
	// ibogaine -| kappa opioid receptor -> relapse: ibogaine lowers relapse.
	if p.Length != 2 || p.Sign != "DECREASES" || p.Hops[0].Claim.Sign != "DECREASES" || p.Hops[1].Claim.Sign != "INCREASES" {
		t.Errorf("path %+v", p)
	}
	for _, h := range p.Hops {
		if h.Claim.Origin != "EXTRACTED" || h.Claim.Curation != "UNREVIEWED" || h.Claim.Predicate != "AFFECTS" {
			t.Errorf("hop %+v", h.Claim)
		}
	}
	t.Log(p.Summary)
}
