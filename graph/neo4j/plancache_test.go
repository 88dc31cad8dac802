package neo4j

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestCompileReadSameAsCompilePlan: a statement taken from the cache of
// plan shapes, with its parameters filled in afresh, is exactly what
// compilePlan makes of the plan, for plans of one shape asked with other
// ids, sizes, cursors and modalities, and for plans of shapes that differ
// in one thing each (the cache must not give one the other's statement).
func TestCompileReadSameAsCompilePlan(t *testing.T) {
	after := func(score float64, id string) *graph.Cursor {
		return &graph.Cursor{Key: graph.ClaimOrderKey(&graph.Edge{Score: score}), ID: id}
	}
	entity := func(id string, first int, c *graph.Cursor, ms []graph.Modality, studyFields, claimFields []string) graph.ReadPlan {
		return graph.ReadPlan{IDs: []string{id, "KAP:other", id}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{
			Key: "claims", Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}, First: first, After: c, Modalities: ms,
			Studies: true, StudyFields: studyFields, ClaimFields: claimFields,
			Object: &graph.PlanNode{Fields: []string{"name"}, Pages: []*graph.PlanPage{{
				Key: "claims.object.claims", Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}, First: first + 1, Studies: true,
				StudyFields: studyFields, ClaimFields: claimFields, Object: &graph.PlanNode{Fields: []string{"name"}},
			}}},
		}}}}
	}
	both := func(id string, first int, preds []graph.Predicate, ms []graph.Modality, subject bool) graph.ReadPlan {
		var sub *graph.PlanNode
		if subject {
			sub = &graph.PlanNode{}
		}
		return graph.ReadPlan{IDs: []string{id}, Root: graph.PlanNode{Pages: []*graph.PlanPage{
			{Key: "all", Direction: graph.Both, First: first, Modalities: ms, Subject: sub, Object: &graph.PlanNode{}},
			{Key: "in", Direction: graph.In, Predicates: preds, First: 5, After: after(0.5, "c9")},
		}}}
	}
	ids := []string{"id", "category"}
	fields := []string{"id", "sign", "score", "evidence"}
	asserted := []graph.Modality{graph.ModalityAsserted}
	twoMs := []graph.Modality{graph.ModalityAsserted, graph.ModalityHedged}
	curated := []graph.Predicate{graph.Affects, graph.CorrelatedWith}
	lexical := []graph.Predicate{graph.Affects, graph.Predicate("ASSOCIATED_WITH")}
	plans := []graph.ReadPlan{
		entity("CHEBI:1", 10, nil, nil, ids, fields),
		entity("CHEBI:2", 3, nil, nil, ids, fields),
		entity("CHEBI:3", 10, after(0.9, "c1"), nil, ids, fields),
		entity("CHEBI:4", 7, after(0.1, "c2"), nil, ids, fields),
		entity("CHEBI:5", 10, nil, asserted, ids, fields),
		entity("CHEBI:6", 10, nil, twoMs, ids, fields),
		entity("CHEBI:7", 10, nil, nil, nil, fields),
		entity("CHEBI:8", 10, nil, nil, []string{"id", "name"}, fields),
		entity("CHEBI:9", 10, nil, nil, ids, nil),
		entity("CHEBI:10", 10, nil, nil, ids, []string{"id", "sign"}),
		both("GO:1", 2, curated, nil, true),
		both("GO:2", 4, curated, asserted, true),
		both("GO:3", 2, curated, nil, false),
		both("GO:4", 2, lexical, nil, true),
		both("GO:5", 2, lexical, twoMs, true),
	}
	s := &Store{}
	for round := range 2 { // the second round answers every shape from the cache
		for i, p := range plans {
			p, err := p.Normalize()
			if err != nil {
				t.Fatalf("plan %d: %v", i, err)
			}
			wantCypher, wantParams, err := compilePlan(p)
			if err != nil {
				t.Fatalf("plan %d: %v", i, err)
			}
			gotCypher, gotParams, layouts, err := s.compileRead(p)
			if err != nil {
				t.Fatalf("plan %d, round %d: %v", i, round, err)
			}
			// The cached layouts are the pages' own, in the compiler's order.
			k := 0
			planPages(&p.Root, func(pg *graph.PlanPage) {
				if k >= len(layouts) || !sameLayout(layouts[k], newRowLayout(pg)) {
					t.Errorf("plan %d, round %d: page %d's layout differs from its own", i, round, k)
				}
				k++
			})
			if k != len(layouts) {
				t.Errorf("plan %d, round %d: %d layouts for %d pages", i, round, len(layouts), k)
			}
			if gotCypher != wantCypher {
				t.Errorf("plan %d, round %d: statement\n%s\nwant\n%s", i, round, gotCypher, wantCypher)
			}
			if !reflect.DeepEqual(gotParams, wantParams) {
				t.Errorf("plan %d, round %d: parameters %s, want %s", i, round, fmt.Sprint(gotParams), fmt.Sprint(wantParams))
			}
		}
	}
	shapes := map[string]bool{}
	for _, p := range plans {
		p, _ := p.Normalize()
		shapes[planShape(&p.Root)] = true
	}
	if len(s.plans.m) != len(shapes) || len(shapes) < 11 {
		t.Errorf("%d statements kept for %d shapes (the table has 11 at least)", len(s.plans.m), len(shapes))
	}
}

// sameLayout is whether two row layouts place the same values, their
// ends' plan nodes compared only for being read (a cached layout keeps
// the first plan's).
func sameLayout(a, b *rowLayout) bool {
	x, y := *a, *b
	for i := range x.ends {
		if (x.ends[i].plan == nil) != (y.ends[i].plan == nil) {
			return false
		}
		x.ends[i].plan, y.ends[i].plan = nil, nil
	}
	return reflect.DeepEqual(x, y)
}
