package storetest

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// nodeView is the part of a node the golden files record.
func nodeIDs(ns []*graph.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

func testNodes(t *testing.T, s graph.Store) {
	n, err := s.Node(ctx, "CHEBI:6121")
	if err != nil {
		t.Fatal(err)
	}
	if n.Name != "ketamine" || n.Category != graph.CategoryDrug || n.Biolink != "biolink:SmallMolecule" || !slices.Contains(n.Xrefs, "MESH:D007649") {
		t.Errorf("ketamine node = %+v", n)
	}
	_, err = s.Node(ctx, "CHEBI:0")
	wantCode(t, err, graph.ENOTFOUND)
	ns, err := s.NodesByID(ctx, []string{"CHEBI:6121", "nope", "UBERON:0000451", "CHEBI:6121"})
	if err != nil {
		t.Fatal(err)
	}
	ids := nodeIDs(ns)
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"CHEBI:6121", "UBERON:0000451"}) {
		t.Errorf("NodesByID = %v", ids)
	}
	// Every field survives the engine: compare whole documents' nodes.
	all := map[string]graph.Node{}
	for _, d := range Seeds(t) {
		for _, n := range d.Nodes {
			all[n.ID] = n
		}
	}
	var want []string
	for id := range all {
		want = append(want, id)
	}
	got, err := s.NodesByID(ctx, want)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("NodesByID returned %d of %d nodes", len(got), len(want))
	}
	for _, g := range got {
		w := all[g.ID]
		gj, _ := json.Marshal(g)
		wj, _ := json.Marshal(w)
		if string(gj) != string(wj) {
			t.Errorf("node %s changed in the store:\n want %s\n got  %s", g.ID, wj, gj)
			break
		}
	}
}

type pageView struct {
	IDs     []string `json:"ids"`
	HasNext bool     `json:"hasNext"`
	Total   int      `json:"total"`
}

func listAll(t *testing.T, s graph.Store, q graph.NodeQuery) []pageView {
	t.Helper()
	var pages []pageView
	for i := 0; i < 100; i++ {
		p, err := s.ListNodes(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, pageView{nodeIDs(p.Nodes), p.HasNext, p.TotalCount})
		if len(p.Cursors) != len(p.Nodes) {
			t.Fatalf("%d cursors for %d nodes", len(p.Cursors), len(p.Nodes))
		}
		if !p.HasNext {
			return pages
		}
		q.After = p.EndCursor
	}
	t.Fatal("pagination did not end")
	return nil
}

func testList(t *testing.T, s graph.Store) {
	cases := map[string]graph.NodeQuery{
		"list-mechanisms":          {Category: graph.CategoryMechanism, First: 5},
		"list-studies-by-year":     {Category: graph.CategoryStudy, OrderBy: graph.OrderByYear, Descending: true, First: 3},
		"list-rcts":                {Category: graph.CategoryStudy, MaxEvidence: 2, YearFrom: 2010},
		"list-name-contains":       {NameContains: "KETAMINE", OrderBy: graph.OrderByID, First: 4},
		"list-passages-of-section": {Category: graph.CategoryPassage, Kind: "list-item"},
	}
	got := map[string][]pageView{}
	for name, q := range cases {
		pages := listAll(t, s, q)
		// Paging must neither skip nor repeat: the union equals one big page.
		var union []string
		for _, p := range pages {
			union = append(union, p.IDs...)
		}
		q.First = graph.MaxPageSize
		one, err := s.ListNodes(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(union, nodeIDs(one.Nodes)) {
			t.Errorf("%s: paging gave %v, one page gave %v", name, union, nodeIDs(one.Nodes))
		}
		if len(union) == 0 {
			t.Errorf("%s: no nodes", name)
		}
		got[name] = pages
	}
	golden(t, "list", got)
	_, err := s.ListNodes(ctx, graph.NodeQuery{After: "not-a-cursor"})
	wantCode(t, err, graph.EINVALID)
}

type edgeView struct {
	ID        string          `json:"id"`
	Subject   string          `json:"subject"`
	Predicate graph.Predicate `json:"predicate"`
	Object    string          `json:"object"`
	Sign      graph.Sign      `json:"sign,omitempty"`
	Score     float64         `json:"score"`
}

func edgeViews(es []*graph.Edge) []edgeView {
	out := make([]edgeView, len(es))
	for i, e := range es {
		out[i] = edgeView{e.ID, e.Subject, e.Predicate, e.Object, e.Sign, e.Score}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func testEdges(t *testing.T, s graph.Store) {
	cases := map[string]graph.EdgeQuery{
		"ketamine-out-affects": {NodeIDs: []string{"CHEBI:6121"}, Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}},
		"abstinence-in":        {NodeIDs: []string{"KAP:abstinence"}, Direction: graph.In},
		"two-nodes-both":       {NodeIDs: []string{"UBERON:0000451", "UBERON:0002421"}},
	}
	got := map[string][]edgeView{}
	for name, q := range cases {
		es, err := s.EdgesOf(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) == 0 {
			t.Errorf("%s: no edges", name)
		}
		got[name] = edgeViews(es)
	}
	golden(t, "edges", got)
	// Whole edges survive the engine, evidence and qualifiers included.
	var ids []string
	want := map[string]graph.Edge{}
	for _, d := range Seeds(t) {
		for _, e := range d.Edges {
			ids = append(ids, e.ID)
			want[e.ID] = e
		}
	}
	es, err := s.EdgesByID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != len(ids) {
		t.Fatalf("EdgesByID returned %d of %d", len(es), len(ids))
	}
	for _, e := range es {
		gj, _ := json.Marshal(e)
		wj, _ := json.Marshal(want[e.ID])
		if string(gj) != string(wj) {
			t.Errorf("edge %s changed in the store:\n want %s\n got  %s", e.ID, wj, gj)
			break
		}
	}
	_, err = s.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{"CHEBI:6121"}, Predicates: []graph.Predicate{"DETACH DELETE"}})
	wantCode(t, err, graph.EINVALID)
}

type subgraphView struct {
	Nodes     []string   `json:"nodes"`
	Edges     []edgeView `json:"edges"`
	Truncated bool       `json:"truncated"`
}

func testNeighborhood(t *testing.T, s graph.Store) {
	cases := map[string]graph.NeighborhoodQuery{
		"mtor-depth1":        {ID: "GO:0031929", Depth: 1},
		"ketamine-depth2":    {ID: "CHEBI:6121", Depth: 2, Limit: 15},
		"craving-mentions":   {ID: "KAP:craving", Depth: 1, Predicates: []graph.Predicate{graph.Mentions, graph.Cites}},
		"abstinence-causal2": {ID: "KAP:abstinence", Depth: 2, Predicates: graph.CausalPredicates()},
	}
	got := map[string]subgraphView{}
	for name, q := range cases {
		sg, err := s.Neighborhood(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		in := map[string]bool{}
		for _, n := range sg.Nodes {
			in[n.ID] = true
		}
		if !in[q.ID] {
			t.Errorf("%s: the centre is missing", name)
		}
		for _, e := range sg.Edges {
			if !in[e.Subject] || !in[e.Object] {
				t.Errorf("%s: edge %s leaves the subgraph", name, e.ID)
			}
		}
		if q.Limit > 0 && len(sg.Nodes) > q.Limit {
			t.Errorf("%s: %d nodes over limit %d", name, len(sg.Nodes), q.Limit)
		}
		got[name] = subgraphView{nodeIDs(sg.Nodes), edgeViews(sg.Edges), sg.Truncated}
		testNeighborhoodFields(t, s, name, q, sg)
	}
	golden(t, "neighborhood", got)
	_, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "KAP:nope"})
	wantCode(t, err, graph.ENOTFOUND)
}

// testNeighborhoodFields asks q again naming the fields read
// (NodeFields, ClaimFields), and requires what those fields and the
// always-kept ones say to be what the whole read, whole, said.
func testNeighborhoodFields(t *testing.T, s graph.Store, name string, q graph.NeighborhoodQuery, whole *graph.Subgraph) {
	t.Helper()
	type nodeView struct {
		ID, Name string
		Category graph.Category
	}
	nodes := func(sg *graph.Subgraph) []nodeView {
		out := make([]nodeView, len(sg.Nodes))
		for i, n := range sg.Nodes {
			out[i] = nodeView{n.ID, n.Name, n.Category}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
		return out
	}
	ends := func(es []edgeView) []edgeView {
		out := slices.Clone(es)
		for i := range out {
			out[i].Sign, out[i].Score = "", 0
		}
		return out
	}
	for _, claims := range [][]string{{}, {"sign", "score"}} {
		p := q
		p.NodeFields, p.ClaimFields = []string{"name"}, claims
		sg, err := s.Neighborhood(ctx, p)
		if err != nil {
			t.Fatalf("%s with fields %v: %v", name, claims, err)
		}
		if !reflect.DeepEqual(nodes(sg), nodes(whole)) || sg.Truncated != whole.Truncated {
			t.Errorf("%s with fields %v: nodes %v, truncated %v; read whole %v, %v", name, claims, nodes(sg), sg.Truncated, nodes(whole), whole.Truncated)
		}
		got, want := edgeViews(sg.Edges), edgeViews(whole.Edges)
		if len(claims) == 0 {
			got, want = ends(got), ends(want)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s with fields %v: edges %v; read whole %v", name, claims, got, want)
		}
	}
}
