//go:build loadprofile

package neo4j

import (
	"context"
	"fmt"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

func TestZZDump(t *testing.T) {
	ctx := context.Background()
	s := testStore(t)
	claims := []string{"sign", "evidence", "score"}
	page := func(key string, first int, object *graph.PlanNode) *graph.PlanPage {
		return &graph.PlanPage{Key: key, Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}, First: first,
			Studies: true, StudyFields: []string{"id"}, ClaimFields: claims, Object: object}
	}
	plan := graph.ReadPlan{IDs: []string{"CHEBI:syndru0000000"}, Root: graph.PlanNode{Fields: []string{"name"}, Pages: []*graph.PlanPage{
		page("node.claims", 10, &graph.PlanNode{Fields: []string{"name"}, Pages: []*graph.PlanPage{
			page("node.claims.edges.node.object.claims", 10, &graph.PlanNode{Fields: []string{"name"}}),
		}}),
	}}}
	plan, _ = plan.Normalize()
	cy, params, _ := compilePlan(plan)
	t.Log(cy)
	recs, err := s.query(ctx, "x", cy, params)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		t.Log(fmt.Sprintf("%#v", r.Values))
	}
}
