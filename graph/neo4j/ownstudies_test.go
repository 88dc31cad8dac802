package neo4j

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestReadOwnStudies covers the studies a plan names without looking them
// up (propStudiesOwn): a claim whose cited studies are all its own
// document's. After each load of a sequence that takes those studies over
// (another document rewrites one as its own, then drops it; a shared
// entity of another category replaces one), Read must say which cited ids
// are Study nodes exactly as the same store's one-call-per-page reference
// (graph.ExecutePlan: EdgePages, then NodesByID) does.
func TestReadOwnStudies(t *testing.T) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	study := func(id, doc string) graph.Node {
		return graph.Node{ID: id, Category: graph.CategoryStudy, Name: id, Document: doc}
	}
	claim := func(id, object string, studies ...string) graph.Edge {
		return graph.Edge{ID: id, Subject: "KAP:os-drug", Predicate: graph.Affects, Object: object, Sign: graph.Decreases,
			Document: "KAP:os-d", Score: 0.5, Evidence: []graph.Evidence{{Quote: id, Passage: "KAP:os-d/p", Studies: studies}}}
	}
	d := &graph.Document{ID: "KAP:os-d", Nodes: []graph.Node{
		{ID: "KAP:os-drug", Category: graph.CategoryDrug, Name: "drug"},
		{ID: "KAP:os-y1", Category: graph.CategoryDisorder, Name: "y1"},
		{ID: "KAP:os-y2", Category: graph.CategoryDisorder, Name: "y2"},
		{ID: "KAP:os-y3", Category: graph.CategoryDisorder, Name: "y3"},
		study("KAP:os-d/s1", "KAP:os-d"), study("KAP:os-d/s2", "KAP:os-d"),
	}, Edges: []graph.Edge{
		claim("KAP:os-d/e1", "KAP:os-y1", "KAP:os-d/s1"),
		claim("KAP:os-d/e2", "KAP:os-y2", "KAP:os-d/s1", "KAP:os-d/s2"),
		claim("KAP:os-d/e3", "KAP:os-y3", "KAP:os-d/s2", "KAP:os-elsewhere"),
	}}
	// The API's plan of claims { evidence { studies { id } } }.
	plan := graph.ReadPlan{IDs: []string{"KAP:os-drug"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{
		Key: "claims", Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}, First: 10,
		ClaimFields: []string{"evidence"}, Studies: true, StudyFields: []string{},
	}}}}
	// studies is, for every study a page's claims cite, its category in
	// r (absent: no node).
	studies := func(r *graph.ReadResult) map[string]graph.Category {
		out := map[string]graph.Category{}
		for _, p := range r.Pages {
			for _, e := range p.Edges {
				for _, id := range e.Publications() {
					if n := r.Node(id); n != nil {
						out[id] = n.Category
					}
				}
			}
		}
		return out
	}
	own := func() []string {
		recs, err := s.query(ctx, "test", "MATCH ()-[r:AFFECTS {document: 'KAP:os-d'}]->() WHERE r."+propStudiesOwn+" RETURN r.id AS id ORDER BY id", nil)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, rec := range recs {
			id, _ := rec.Values[0].(string)
			ids = append(ids, id)
		}
		return ids
	}
	steps := []struct {
		name string
		doc  *graph.Document
		own  []string // the claims marked afterwards
		want map[string]graph.Category
	}{
		{"first load", d, []string{"KAP:os-d/e1", "KAP:os-d/e2"},
			map[string]graph.Category{"KAP:os-d/s1": graph.CategoryStudy, "KAP:os-d/s2": graph.CategoryStudy}},
		{"a shared disorder replaces s2", &graph.Document{ID: "KAP:os-f", Nodes: []graph.Node{{ID: "KAP:os-d/s2", Category: graph.CategoryDisorder, Name: "s2"}}},
			[]string{"KAP:os-d/e1"}, map[string]graph.Category{"KAP:os-d/s1": graph.CategoryStudy}},
		{"another document takes s1 over", &graph.Document{ID: "KAP:os-e", Nodes: []graph.Node{study("KAP:os-d/s1", "KAP:os-e")}},
			nil, map[string]graph.Category{"KAP:os-d/s1": graph.CategoryStudy}},
		{"and drops it", &graph.Document{ID: "KAP:os-e", Nodes: []graph.Node{study("KAP:os-e/x", "KAP:os-e")}},
			nil, map[string]graph.Category{}},
		// Unchanged claims are kept as they are: unmarked, looked up.
		{"the first document again", d, nil,
			map[string]graph.Category{"KAP:os-d/s1": graph.CategoryStudy, "KAP:os-d/s2": graph.CategoryStudy}},
	}
	for _, st := range steps {
		if _, err := s.Load(ctx, st.doc); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := own(); !slices.Equal(got, st.own) {
			t.Errorf("%s: claims marked %v, want %v", st.name, got, st.own)
		}
		ref, err := graph.ExecutePlan(ctx, s, plan)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Read(ctx, plan)
		if err != nil {
			t.Fatal(err)
		}
		want := studies(ref)
		// The reference reads a replacing node of another category too;
		// the API keeps Study nodes only.
		maps.DeleteFunc(want, func(_ string, c graph.Category) bool { return c != graph.CategoryStudy })
		if !maps.Equal(want, st.want) {
			t.Fatalf("%s: the reference names %v, the test expects %v", st.name, want, st.want)
		}
		g := studies(got)
		maps.DeleteFunc(g, func(_ string, c graph.Category) bool { return c != graph.CategoryStudy })
		if !maps.Equal(g, want) {
			t.Errorf("%s: Read names the studies %v, the reference %v", st.name, g, want)
		}
	}
}
