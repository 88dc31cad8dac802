package storetest

import (
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// testRestrictedPaths covers PathQuery/MechanismPathQuery StatedOnly and
// Via: every answer keeps to the restriction, and the answers are the
// same on every engine (restricted-paths.golden.json). That they are the
// unrestricted enumeration filtered is held by the differential test of
// the embedded engine (graph/memory TestRestrictedPathSearchMatchesFiltering).
func testRestrictedPaths(t *testing.T, s graph.Store) {
	type want struct {
		statedOnly bool
		via        string
	}
	check := func(t *testing.T, name string, ps []*graph.Path, w want) {
		t.Helper()
		for _, p := range ps {
			if w.via != "" && !slices.Contains(p.Nodes, w.via) {
				t.Errorf("%s: path %v misses via %s", name, p.Nodes, w.via)
			}
			for _, h := range p.Hops {
				if w.statedOnly && h.Edge.Origin == graph.OriginInferred {
					t.Errorf("%s: path takes inferred claim %s", name, h.Edge.ID)
				}
			}
		}
	}
	paths := map[string]graph.PathQuery{
		"ketamine-to-relapse-stated":             {From: "CHEBI:6121", To: "KAP:relapse", MaxHops: 4, First: 5, StatedOnly: true},
		"ketamine-to-relapse-via-craving":        {From: "CHEBI:6121", To: "KAP:relapse", MaxHops: 4, First: 5, Via: "KAP:craving"},
		"ketamine-to-abstinence-directed-stated": {From: "CHEBI:6121", To: "KAP:abstinence", MaxHops: 6, Directed: true, First: 3, StatedOnly: true},
	}
	mech := map[string]graph.MechanismPathQuery{
		"ketamine-to-outcomes-stated":             {From: "CHEBI:6121", MaxHops: 6, First: 10, StatedOnly: true},
		"ketamine-to-abstinence-via-mtor":         {From: "CHEBI:6121", To: "KAP:abstinence", MaxHops: 6, First: 5, Via: "GO:0031929"},
		"ketamine-to-outcomes-stated-via-craving": {From: "CHEBI:6121", MaxHops: 6, First: 5, StatedOnly: true, Via: "KAP:craving"},
		"nmda-to-relapse-stated":                  {From: "FPLX:GRIN", To: "KAP:relapse", MaxHops: 6, First: 5, StatedOnly: true},
	}
	got := map[string][]pathView{}
	for name, q := range paths {
		ps, err := s.Paths(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		check(t, name, ps, want{q.StatedOnly, q.Via})
		got["paths/"+name] = pathViews(t, ps)
		checkResolved(t, s, name, ps)
		sp, err := s.ShortestPath(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if (sp == nil) != (len(ps) == 0) || (sp != nil && sp.Hops[0].Edge.ID != ps[0].Hops[0].Edge.ID) {
			t.Errorf("%s: shortest path %+v disagrees with the first of Paths", name, sp)
		}
	}
	for name, q := range mech {
		ps, err := s.MechanismPaths(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		check(t, name, ps, want{q.StatedOnly, q.Via})
		got["mechanism/"+name] = pathViews(t, ps)
		checkResolved(t, s, name, ps)
	}
	// From the NMDA receptor every chain to relapse starts with the
	// inferred GRIN -> glutamate release claim: stated only, none is left.
	for name, ps := range got {
		if empty := name == "mechanism/nmda-to-relapse-stated"; empty != (len(ps) == 0) {
			t.Errorf("%s: %d paths, want them empty: %v", name, len(ps), empty)
		}
	}
	golden(t, "restricted-paths", got)
	_, err := s.Paths(ctx, graph.PathQuery{From: "CHEBI:6121", To: "KAP:relapse", Via: "KAP:nope"})
	wantCode(t, err, graph.ENOTFOUND)
	_, err = s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121", Via: "KAP:nope"})
	wantCode(t, err, graph.ENOTFOUND)
}
