package neo4j

import (
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestRowLayout holds newRowLayout to its rule: every position of a row
// is given to exactly one value, the claim's and the ends' fields lie
// flat in the row, and no end's id is read twice.
func TestRowLayout(t *testing.T) {
	affects := []graph.Predicate{graph.Affects}
	name := &graph.PlanNode{Fields: []string{"name"}}
	cases := []struct {
		name string
		pg   graph.PlanPage
		n    int // the row's length
		ids  [2]bool
	}{
		{"out, object read by fields", graph.PlanPage{Direction: graph.Out, Predicates: affects, ClaimFields: []string{"sign", "evidence"}, Studies: true, Object: name}, 0, [2]bool{false, false}},
		{"out, nothing of the ends", graph.PlanPage{Direction: graph.Out, Predicates: affects, ClaimFields: []string{"sign"}}, 0, [2]bool{false, true}},
		{"in, two types, whole claims", graph.PlanPage{Direction: graph.In, Predicates: []graph.Predicate{graph.Affects, graph.CorrelatedWith}}, 3, [2]bool{true, false}},
		{"both, both ends whole", graph.PlanPage{Direction: graph.Both, Subject: &graph.PlanNode{}, Object: &graph.PlanNode{}}, 4, [2]bool{false, false}},
		{"both, no end", graph.PlanPage{Direction: graph.Both}, 4, [2]bool{true, true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := newRowLayout(&c.pg)
			if c.n > 0 && l.n != c.n {
				t.Errorf("row of %d values, want %d", l.n, c.n)
			}
			if got := [2]bool{l.subject >= 0, l.object >= 0}; got != c.ids {
				t.Errorf("ids read (subject, object) %v, want %v", got, c.ids)
			}
			used := make([]int, l.n)
			take := func(at, w int) {
				for i := at; i < at+w; i++ {
					used[i]++
				}
			}
			take(l.props, width(l.claim))
			for _, at := range []int{l.typ, l.subject, l.object, l.pubs} {
				if at >= 0 {
					take(at, 1)
				}
			}
			for _, e := range l.ends {
				if e.plan != nil {
					take(e.node, width(e.fs))
					if e.pages >= 0 {
						take(e.pages, 1)
					}
				}
			}
			for i, k := range used {
				if k != 1 {
					t.Errorf("position %d holds %d values", i, k)
				}
			}
		})
	}
}

// TestPlanRowsFlat compiles the b-entity question's plan and requires
// its rows to be flat lists: no claim's or end's fields in a list of
// their own, and no object id beside the object's fields.
func TestPlanRowsFlat(t *testing.T) {
	affects := []graph.Predicate{graph.Affects}
	page := func(key string, object *graph.PlanNode) *graph.PlanPage {
		return &graph.PlanPage{Key: key, Direction: graph.Out, Predicates: affects, First: 5, Studies: true,
			StudyFields: []string{}, ClaimFields: []string{"sign", "evidence"}, Object: object}
	}
	p, err := graph.ReadPlan{IDs: []string{"CHEBI:1"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{
		page("claims", &graph.PlanNode{Fields: []string{"name"}, Pages: []*graph.PlanPage{page("claims.object.claims", &graph.PlanNode{Fields: []string{"name"}})}}),
	}}}.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	cypher, _, err := compilePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"RETURN [[r0.", "RETURN [[r1.", ", [o0.id", ", [o1.id", "o0.id, o0.id", "o1.id, o1.id"} {
		if strings.Contains(cypher, bad) {
			t.Errorf("statement holds %q:\n%s", bad, cypher)
		}
	}
	for _, v := range []string{"o0", "o1"} {
		if k := strings.Count(cypher, "size("+v+".id)"); k != 1 {
			t.Errorf("%s.id packed %d times, want once (the object's fields):\n%s", v, k, cypher)
		}
	}
	// Every scalar packed into one string: no claim's or end's field a
	// value of its own.
	for _, bad := range []string{"[r0.", "[r1.", ", o0.name", ", o1.name", ", r1.evidence_json"} {
		if strings.Contains(cypher, bad) {
			t.Errorf("statement holds %q, a scalar not packed:\n%s", bad, cypher)
		}
	}
}
