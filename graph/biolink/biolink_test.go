package biolink_test

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/biolink"
)

// TestEdgeMapping pins the mapping KGX and TRAPI share: a signed affects
// edge is causes + a direction, values outside Biolink's enums stay
// kapgraph's own, and a signed correlation is in the predicate.
func TestEdgeMapping(t *testing.T) {
	for _, tc := range []struct {
		name      string
		edge      graph.Edge
		predicate string
		want      biolink.Qualifiers
	}{
		{"decreased activity by antagonism", graph.Edge{Predicate: graph.Affects, Sign: graph.Decreases, Qualifiers: graph.Qualifiers{Aspect: "activity", Mechanism: "antagonism"}},
			"biolink:affects", biolink.Qualifiers{QualifiedPredicate: "biolink:causes", ObjectDirection: "decreased", ObjectAspect: "activity", CausalMechanism: "antagonism"}},
		{"increased, aspect and mechanism outside the enums", graph.Edge{Predicate: graph.Affects, Sign: graph.Increases, Qualifiers: graph.Qualifiers{Aspect: "duration", Mechanism: "normalization"}},
			"biolink:affects", biolink.Qualifiers{QualifiedPredicate: "biolink:causes", ObjectDirection: "increased", KapAspect: "duration", KapMechanism: "normalization"}},
		{"unsigned affects", graph.Edge{Predicate: graph.Affects},
			"biolink:affects", biolink.Qualifiers{}},
		{"negative correlation", graph.Edge{Predicate: graph.CorrelatedWith, Sign: graph.Decreases},
			"biolink:negatively_correlated_with", biolink.Qualifiers{}},
		{"stored Biolink predicate wins", graph.Edge{Predicate: graph.ConsideredFor, Biolink: "biolink:related_to"},
			"biolink:related_to", biolink.Qualifiers{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := biolink.EdgePredicate(&tc.edge); got != tc.predicate {
				t.Errorf("predicate %s, want %s", got, tc.predicate)
			}
			if got := biolink.EdgeQualifiers(&tc.edge); got != tc.want {
				t.Errorf("qualifiers %+v, want %+v", got, tc.want)
			}
		})
	}
	if got := biolink.NodeCategory(&graph.Node{Category: graph.CategoryDrug}); got != "biolink:SmallMolecule" {
		t.Errorf("a Drug is %s", got)
	}
	if biolink.OrNotProvided("") != "not_provided" || biolink.OrNotProvided("observation") != "observation" {
		t.Error("OrNotProvided")
	}
}
