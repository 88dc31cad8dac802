package storetest

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// testFanOutVersion: an empty store and a loaded one are different
// versions, and asking twice without a load gives the same version.
func testFanOutVersion(t *testing.T, s graph.Store, docs []*graph.Document) {
	empty, err := s.FanOut(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if empty.Version == "" || empty.Count[graph.CategoryReview] != 0 {
		t.Errorf("empty store: version %q, %d reviews", empty.Version, empty.Count[graph.CategoryReview])
	}
	for _, d := range docs {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	loaded, err := s.FanOut(ctx)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.FanOut(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Version == empty.Version {
		t.Errorf("version %q did not change with the load", loaded.Version)
	}
	if again.Version != loaded.Version {
		t.Errorf("version changed without a load: %q, then %q", loaded.Version, again.Version)
	}
	if loaded.Count[graph.CategoryReview] != len(docs) {
		t.Errorf("%d reviews counted, %d loaded", loaded.Count[graph.CategoryReview], len(docs))
	}
}

// testFanOut holds the counts to what the reads return (the largest
// number of sections of a review through EdgesOf, of concerns of a
// review through ListNodes) and to the golden file both engines share.
func testFanOut(t *testing.T, s graph.Store) {
	f, err := s.FanOut(ctx)
	if err != nil {
		t.Fatal(err)
	}
	maxEdges := func(c graph.Category, p graph.Predicate, dir graph.Direction) int {
		t.Helper()
		page, err := s.ListNodes(ctx, graph.NodeQuery{Category: c, First: graph.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		most := 0
		for _, n := range page.Nodes {
			es, err := s.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{n.ID}, Direction: dir, Predicates: []graph.Predicate{p}})
			if err != nil {
				t.Fatal(err)
			}
			most = max(most, len(es))
		}
		return most
	}
	for _, tc := range []struct {
		c   graph.Category
		p   graph.Predicate
		dir graph.Direction
	}{
		{graph.CategoryReview, graph.HasSection, graph.Out},
		{graph.CategoryReview, graph.HasReference, graph.Out},
		{graph.CategorySection, graph.HasSection, graph.Out},
		{graph.CategorySection, graph.HasPassage, graph.Out},
	} {
		want := maxEdges(tc.c, tc.p, tc.dir)
		if got := f.OutOf(tc.c, tc.p); got != want || want == 0 {
			t.Errorf("most %s edges out of a %s: FanOut says %d, EdgesOf finds %d", tc.p, tc.c, got, want)
		}
	}
	reviews, err := s.ListNodes(ctx, graph.NodeQuery{Category: graph.CategoryReview, First: graph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	most := 0
	for _, r := range reviews.Nodes {
		page, err := s.ListNodes(ctx, graph.NodeQuery{Category: graph.CategoryCitationConcern, Document: r.ID, First: 1})
		if err != nil {
			t.Fatal(err)
		}
		most = max(most, page.TotalCount)
	}
	if got := f.PerDocument[graph.CategoryCitationConcern]; got != most || most == 0 {
		t.Errorf("most concerns of one review: FanOut says %d, ListNodes finds %d", got, most)
	}
	for c, k := range f.Claims {
		if k > f.Degree[c] {
			t.Errorf("%s: %d claims at one node but a degree of %d", c, k, f.Degree[c])
		}
	}
	v := *f
	v.Version = ""
	golden(t, "fanout", v)
}
