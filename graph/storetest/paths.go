package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kapgraph/kapgraph/graph"
)

type pathView struct {
	Nodes  []string   `json:"nodes"`
	Edges  []string   `json:"edges"`
	Length int        `json:"length"`
	Sign   graph.Sign `json:"sign,omitempty"`
	Score  float64    `json:"score"`
}

func pathViews(t *testing.T, ps []*graph.Path) []pathView {
	t.Helper()
	out := make([]pathView, len(ps))
	for i, p := range ps {
		checkPath(t, p)
		v := pathView{Nodes: p.Nodes, Length: p.Length, Sign: p.Sign, Score: p.Score}
		for _, h := range p.Hops {
			v.Edges = append(v.Edges, h.Edge.ID)
		}
		out[i] = v
	}
	return out
}

// checkPath verifies what every path must satisfy, whatever the engine.
func checkPath(t *testing.T, p *graph.Path) {
	t.Helper()
	if p.Length != len(p.Hops) || len(p.Nodes) != len(p.Hops)+1 {
		t.Fatalf("path shape: length %d, %d hops, %d nodes", p.Length, len(p.Hops), len(p.Nodes))
	}
	seen := map[string]bool{}
	for _, n := range p.Nodes {
		if seen[n] {
			t.Fatalf("path revisits %s: %v", n, p.Nodes)
		}
		seen[n] = true
	}
	sign := graph.Increases
	for i, h := range p.Hops {
		if h.From != p.Nodes[i] || h.To != p.Nodes[i+1] {
			t.Fatalf("hop %d is %s->%s, nodes say %s->%s", i, h.From, h.To, p.Nodes[i], p.Nodes[i+1])
		}
		s, o := h.Edge.Subject, h.Edge.Object
		if !h.Forward {
			s, o = o, s
		}
		if s != h.From || o != h.To {
			t.Fatalf("hop %d edge %s does not join %s to %s", i, h.Edge.ID, h.From, h.To)
		}
		sign = sign.Times(h.Edge.Sign)
	}
	if sign != p.Sign {
		t.Fatalf("path sign %q, hops compose to %q", p.Sign, sign)
	}
}

// checkResolved holds the nodes an engine hands back with its paths to
// what Node says about the same ids: a resolver serves them as they are.
func checkResolved(t *testing.T, s graph.Store, name string, ps []*graph.Path) {
	t.Helper()
	for i, p := range ps {
		if p.Resolved == nil {
			continue
		}
		if len(p.Resolved) != len(p.Nodes) {
			t.Errorf("%s: path %d resolves %d of %d nodes", name, i, len(p.Resolved), len(p.Nodes))
			continue
		}
		for j, id := range p.Nodes {
			want, err := s.Node(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, p.Resolved[j]); diff != "" {
				t.Errorf("%s: path %d node %s differs from Node (-Node +path):\n%s", name, i, id, diff)
			}
		}
	}
}

func testPaths(t *testing.T, s graph.Store) {
	cases := map[string]graph.PathQuery{
		"ketamine-to-relapse":          {From: "CHEBI:6121", To: "KAP:relapse", MaxHops: 4, First: 5},
		"nmda-to-abstinence-directed":  {From: "FPLX:GRIN", To: "KAP:abstinence", MaxHops: 6, Directed: true, First: 3},
		"pfc-to-craving-undirected":    {From: "UBERON:0000451", To: "KAP:craving", MaxHops: 4, First: 5},
		"ketamine-to-passage-mentions": {From: "CHEBI:6121", To: "GO:0031929", MaxHops: 2, Predicates: []graph.Predicate{graph.Mentions}, First: 5},
	}
	got := map[string][]pathView{}
	for name, q := range cases {
		ps, err := s.Paths(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(ps) == 0 {
			t.Errorf("%s: no paths", name)
		}
		for i := 1; i < len(ps); i++ {
			if ps[i].Length < ps[i-1].Length {
				t.Errorf("%s: not shortest first", name)
			}
		}
		got[name] = pathViews(t, ps)
		checkResolved(t, s, name, ps)
		sp, err := s.ShortestPath(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if sp == nil || len(ps) == 0 || sp.Length != ps[0].Length || sp.Hops[0].Edge.ID != ps[0].Hops[0].Edge.ID {
			t.Errorf("%s: shortest path %+v disagrees with the first of Paths", name, sp)
		}
	}
	golden(t, "paths", got)
	sp, err := s.ShortestPath(ctx, graph.PathQuery{From: "KAP:abstinence", To: "FPLX:GRIN", MaxHops: 3, Directed: true})
	if err != nil || sp != nil {
		t.Errorf("against the arrows: got %+v, %v; want no path", sp, err)
	}
	_, err = s.Paths(ctx, graph.PathQuery{From: "CHEBI:6121", To: "KAP:nope"})
	wantCode(t, err, graph.ENOTFOUND)
}

func testMechanismPaths(t *testing.T, s graph.Store) {
	cases := map[string]graph.MechanismPathQuery{
		"ketamine-to-outcomes":    {From: "CHEBI:6121", MaxHops: 6, First: 10},
		"ketamine-to-abstinence":  {From: "CHEBI:6121", To: "KAP:abstinence", MaxHops: 6, First: 5},
		"nmda-to-relapse":         {From: "FPLX:GRIN", To: "KAP:relapse", MaxHops: 6, First: 5},
		"ketamine-aud-abstinence": {From: "CHEBI:6121", To: "KAP:abstinence", Disorder: "MONDO:0002046", MaxHops: 4, First: 5},
	}
	got := map[string][]pathView{}
	for name, q := range cases {
		ps, err := s.MechanismPaths(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(ps) == 0 {
			t.Errorf("%s: no paths", name)
		}
		for i, p := range ps {
			if i > 0 && p.Score > ps[i-1].Score {
				t.Errorf("%s: not ranked by score", name)
			}
			for _, h := range p.Hops {
				if !h.Forward || !h.Edge.Predicate.Signed() || !graph.DisorderAllows(h.Edge, q.Disorder) {
					t.Errorf("%s: hop %s is not a forward causal hop for %q", name, h.Edge.ID, q.Disorder)
				}
				if len(h.Edge.Evidence) == 0 {
					t.Errorf("%s: hop %s carries no evidence", name, h.Edge.ID)
				}
			}
			if p.Sign == graph.Unsigned {
				t.Errorf("%s: unsigned path", name)
			}
		}
		got[name] = pathViews(t, ps)
		checkResolved(t, s, name, ps)
	}
	golden(t, "mechanism-paths", got)
	_, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "KAP:abstinence"})
	wantCode(t, err, graph.EINVALID)
	_, err = s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121", Disorder: "CHEBI:6121"})
	wantCode(t, err, graph.EINVALID)
}
