package neo4j

import (
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestNeighborhoodCypherFields checks the shape of the neighbourhood
// statement: whole nodes and relationships without fields, and with
// them only the properties named (and id and category, and for a
// relationship its id, and the document where a slim one may be read),
// never a property map. The storetest conformance suite checks the
// answers (testNeighborhoodFields) on a real server.
func TestNeighborhoodCypherFields(t *testing.T) {
	for _, tc := range []struct {
		name        string
		preds       []graph.Predicate
		nodes       []string
		claims      []string
		want, never []string
	}{
		{"whole", nil, nil, nil, []string{"collect(properties(n))", "props: properties(r)"}, nil},
		{"bench f", nil, []string{"name"}, []string{}, []string{"collect([n.id, n.category, n.name])", "collect([[r.id], type(r), a.id, b.id])"}, []string{"properties(", "r.score", "r.evidence_json"}},
		{"nodes only", nil, []string{"name"}, nil, []string{"collect([n.id, n.category, n.name])", "props: properties(r)"}, []string{"properties(n)"}},
		{"claims only", nil, nil, []string{"sign", "score"}, []string{"collect(properties(n))", "[r.id, r.sign, r.score]"}, []string{"properties(r)"}},
		{"slim types", []graph.Predicate{graph.Mentions, graph.Cites}, []string{}, []string{}, []string{"[r.id, r.document]"}, []string{"properties("}},
	} {
		q, err := graph.NeighborhoodQuery{ID: "GO:0031929", Depth: 2, Predicates: tc.preds, NodeFields: tc.nodes, ClaimFields: tc.claims}.Normalize()
		if err != nil {
			t.Fatal(err)
		}
		c, err := neighborhoodCypher(q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(c, w) {
				t.Errorf("%s: the statement lacks %q:\n%s", tc.name, w, c)
			}
		}
		for _, n := range tc.never {
			if strings.Contains(c, n) {
				t.Errorf("%s: the statement reads %q:\n%s", tc.name, n, c)
			}
		}
	}
}
