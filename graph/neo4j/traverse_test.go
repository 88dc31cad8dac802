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
// never a property map; the values are bound once in a WITH, then packed
// (bindFields, rowLayout.sentExpr). The storetest conformance suite checks the
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
		{"bench f", nil, []string{"name"}, []string{}, []string{"WITH n.id AS nv0, n.category AS nv1, n.name AS nv2 RETURN", "WITH r.id AS ev0, type(r) AS et, a.id AS es, b.id AS eo RETURN"}, []string{"properties(", "r.score", "r.evidence_json"}},
		{"nodes only", nil, []string{"name"}, nil, []string{"WITH n.id AS nv0, n.category AS nv1, n.name AS nv2 RETURN", "props: properties(r)"}, []string{"properties(n)"}},
		{"claims only", nil, nil, []string{"sign", "score"}, []string{"collect(properties(n))", "WITH r.id AS ev0, r.sign AS ev1, r.score AS ev2, type(r)"}, []string{"properties(r)"}},
		{"slim types", []graph.Predicate{graph.Mentions, graph.Cites}, []string{}, []string{}, []string{"WITH r.id AS ev0, r.document AS ev1, type(r)"}, []string{"properties("}},
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
