// Package storetest is the conformance suite every graph.Store must pass.
// Both engines answer the same questions over the same documents and are
// compared with the same golden files, so "the embedded store and Neo4j
// agree" is something a test checks rather than something we hope.
//
// The suite imports nothing but the domain: the seed graph it loads is a
// committed fixture (testdata/seeds.json) that the loader's tests write
// and keep current, so the engines' tests do not depend on the loader and
// a change to the loader shows up as a diff of the fixture.
package storetest

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

// testdata/seeds.json holds the suite's input: the documents the loader
// builds from seeds/ (written and kept current by the loader's
// TestStoretestSeedsAreCurrent, since the domain must not import the
// loader). It is embedded so that any engine's test binary has it; the
// golden answers beside it are read from goldenDir by every engine.
//
//go:embed testdata/seeds.json
var testdata embed.FS

// goldenDir is where -update writes the golden files: the engines' tests
// run in graph/<engine>, a sibling of this package.
const goldenDir = "../storetest/testdata"

// Factory returns an empty store; the suite loads what it needs.
type Factory func(t *testing.T) graph.Store

// Seeds returns the seed graph, a fresh copy on every call so a test may
// change its documents.
func Seeds(t testing.TB) []*graph.Document {
	t.Helper()
	data, err := testdata.ReadFile("testdata/seeds.json")
	if err != nil {
		t.Fatalf("reading the seed graph: %v", err)
	}
	var docs []*graph.Document
	if err := json.Unmarshal(data, &docs); err != nil {
		t.Fatalf("decoding testdata/seeds.json: %v", err)
	}
	if len(docs) == 0 {
		t.Fatal("testdata/seeds.json holds no documents")
	}
	return docs
}

// Run runs the whole suite against stores made by newStore.
func Run(t *testing.T, newStore Factory) {
	seeds := Seeds(t)
	seeded := func(t *testing.T) graph.Store {
		t.Helper()
		s := newStore(t)
		for _, d := range seeds {
			if _, err := s.Load(context.Background(), d); err != nil {
				t.Fatalf("load %s: %v", d.ID, err)
			}
		}
		return s
	}
	t.Run("LoadIsIdempotent", func(t *testing.T) { testIdempotent(t, newStore(t), seeds) })
	t.Run("ReloadReplacesOnlyItsDocument", func(t *testing.T) { testReplace(t, newStore(t), seeds) })
	t.Run("InvalidDocumentWritesNothing", func(t *testing.T) { testInvalid(t, newStore(t), seeds) })
	s := seeded(t)
	t.Run("Nodes", func(t *testing.T) { testNodes(t, s) })
	t.Run("ListNodes", func(t *testing.T) { testList(t, s) })
	t.Run("EdgesOf", func(t *testing.T) { testEdges(t, s) })
	t.Run("EdgePages", func(t *testing.T) { testEdgePages(t, s) })
	t.Run("Neighborhood", func(t *testing.T) { testNeighborhood(t, s) })
	t.Run("Paths", func(t *testing.T) { testPaths(t, s) })
	t.Run("MechanismPaths", func(t *testing.T) { testMechanismPaths(t, s) })
	t.Run("Search", func(t *testing.T) { testSearch(t, s) })
	t.Run("StatsAndMetaGraph", func(t *testing.T) { testStats(t, s) })
	t.Run("Limits", func(t *testing.T) { testLimits(t, s) })
	t.Run("HostileStringsAreData", func(t *testing.T) { testHostile(t, s) })
}

var ctx = context.Background()

// golden compares v, as indented JSON, with testdata/<name>.golden.json.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	// Only beside the committed copy: from anywhere else a rewrite would
	// land in a directory nobody reads.
	if testutil.UpdatingGolden(t) {
		if _, err := os.Stat(filepath.Join(goldenDir, "seeds.json")); err != nil {
			t.Fatalf("%s=1 writes to %s, which is not graph/storetest/testdata from here (run it in graph/memory): %v", testutil.UpdateEnv, goldenDir, err)
		}
	}
	testutil.Golden(t, filepath.Join(goldenDir, name+".golden.json"), got)
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want error %s, got nil", code)
	}
	if got := graph.ErrorCode(err); got != code {
		t.Fatalf("want error code %s, got %s (%v)", code, got, err)
	}
}

func counts(t *testing.T, s graph.Store) (int, int) {
	t.Helper()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st.Nodes, st.Edges
}

func testIdempotent(t *testing.T, s graph.Store, docs []*graph.Document) {
	var n1, e1 int
	for round := 1; round <= 2; round++ {
		for _, d := range docs {
			res, err := s.Load(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if res.Replaced != (round == 2) {
				t.Errorf("round %d: Replaced = %v", round, res.Replaced)
			}
		}
		n, e := counts(t, s)
		if round == 1 {
			n1, e1 = n, e
			want := 0
			for _, d := range docs {
				want += len(d.Edges)
			}
			if e != want {
				t.Errorf("edges after first load = %d, want %d", e, want)
			}
			continue
		}
		if n != n1 || e != e1 {
			t.Errorf("second load changed counts: nodes %d -> %d, edges %d -> %d", n1, n, e1, e)
		}
	}
}

// fixture is a small second document sharing entities with the seeds.
func fixture(id string, extraClaim bool) *graph.Document {
	d := &graph.Document{ID: id}
	d.Nodes = append(d.Nodes,
		graph.Node{ID: id, Category: graph.CategoryReview, Name: "Fixture review " + id, Document: id},
		graph.Node{ID: id + ".s1", Category: graph.CategorySection, Name: "Findings", Document: id},
		graph.Node{ID: id + ".p1", Category: graph.CategoryPassage, Name: "Ketamine reduced craving.", Text: "Ketamine reduced craving.", Document: id},
	)
	d.Edges = append(d.Edges,
		graph.Edge{ID: id + ".e1", Subject: id, Predicate: graph.HasSection, Object: id + ".s1", Document: id, Score: 1},
		graph.Edge{ID: id + ".e2", Subject: id + ".s1", Predicate: graph.HasPassage, Object: id + ".p1", Document: id, Score: 1},
		graph.Edge{ID: id + ".e3", Subject: id + ".p1", Predicate: graph.Mentions, Object: "CHEBI:6121", Document: id, Score: 1},
		graph.Edge{ID: id + ".claim.a", Subject: "CHEBI:6121", Predicate: graph.Affects, Object: "CHEBI:6121", Sign: graph.Decreases,
			Origin: "stated", Document: id, Score: 0.3,
			Evidence: []graph.Evidence{{Quote: "Ketamine reduced craving.", Passage: id + ".p1", Section: id + ".s1", SectionTitle: "Findings"}}},
	)
	if extraClaim {
		d.Edges[3].ID = id + ".claim.b"
		d.Edges = append(d.Edges, graph.Edge{ID: id + ".claim.c", Subject: "CHEBI:6121", Predicate: graph.StudiedToTreat,
			Object: "MONDO:0002046", Origin: "stated", Document: id, Score: 0.3})
	}
	return d
}

func testReplace(t *testing.T, s graph.Store, seeds []*graph.Document) {
	for _, d := range seeds {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	n0, e0 := counts(t, s)
	a1, b := fixture("KAP:fixture-a", false), fixture("KAP:fixture-b", false)
	for _, d := range []*graph.Document{a1, b} {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	n1, e1 := counts(t, s)
	if n1 != n0+6 || e1 != e0+8 {
		t.Fatalf("after two fixtures: nodes %d edges %d, want %d and %d", n1, e1, n0+6, e0+8)
	}
	a2 := fixture("KAP:fixture-a", true)
	res, err := s.Load(ctx, a2)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Replaced || res.RemovedEdges != 4 {
		t.Errorf("reload result = %+v, want Replaced and 4 removed edges", res)
	}
	gone, err := s.EdgesByID(ctx, []string{"KAP:fixture-a.claim.a", "KAP:fixture-a.claim.b", "KAP:fixture-a.claim.c", "KAP:fixture-b.claim.a"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range gone {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	want := []string{"KAP:fixture-a.claim.b", "KAP:fixture-a.claim.c", "KAP:fixture-b.claim.a"}
	if !slices.Equal(ids, want) {
		t.Errorf("claims after reload = %v, want %v", ids, want)
	}
	if n, e := counts(t, s); n != n1 || e != e1+1 {
		t.Errorf("after reload: nodes %d edges %d, want %d and %d", n, e, n1, e1+1)
	}
	// The edge's evidence came through whole.
	es, _ := s.EdgesByID(ctx, []string{"KAP:fixture-b.claim.a"})
	if len(es) != 1 || len(es[0].Evidence) != 1 || es[0].Evidence[0].Quote != "Ketamine reduced craving." || es[0].Sign != graph.Decreases {
		t.Errorf("fixture-b claim not intact: %+v", es)
	}
}

func testInvalid(t *testing.T, s graph.Store, seeds []*graph.Document) {
	for _, d := range seeds {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	n0, e0 := counts(t, s)
	bad := fixture("KAP:fixture-bad", false)
	bad.Edges = append(bad.Edges, graph.Edge{ID: "KAP:fixture-bad.e9", Subject: "KAP:fixture-bad", Predicate: graph.Mentions, Object: "KAP:no-such-node", Document: "KAP:fixture-bad"})
	_, err := s.Load(ctx, bad)
	wantCode(t, err, graph.EINVALID)
	// A bad version of an existing document leaves the good one.
	badSeed := *seeds[0]
	badSeed.Edges = append(slices.Clone(badSeed.Edges), graph.Edge{ID: "x", Subject: badSeed.ID, Predicate: "DROP_ALL", Object: badSeed.ID, Document: badSeed.ID})
	_, err = s.Load(ctx, &badSeed)
	wantCode(t, err, graph.EINVALID)
	if n, e := counts(t, s); n != n0 || e != e0 {
		t.Errorf("a refused load changed counts: nodes %d -> %d, edges %d -> %d", n0, n, e0, e)
	}
}

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
	}
	golden(t, "neighborhood", got)
	_, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "KAP:nope"})
	wantCode(t, err, graph.ENOTFOUND)
}

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
	}
	golden(t, "mechanism-paths", got)
	_, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "KAP:abstinence"})
	wantCode(t, err, graph.EINVALID)
	_, err = s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121", Disorder: "CHEBI:6121"})
	wantCode(t, err, graph.EINVALID)
}

type hitView struct {
	ID      string  `json:"id"`
	Score   float64 `json:"score"`
	Matched string  `json:"matched"`
}

func testSearch(t *testing.T, s graph.Store) {
	cases := map[string]graph.SearchQuery{
		"mtor":          {Text: "mTOR"},
		"ketamine":      {Text: "ketamine", First: 5},
		"prefix-crav":   {Text: "crav"},
		"two-words":     {Text: "salience network"},
		"study-lovden":  {Text: "Lovden", Categories: []graph.Category{graph.CategoryStudy}},
		"use-disorders": {Text: "use disorder", Categories: []graph.Category{graph.CategoryDisorder}},
	}
	got := map[string][]hitView{}
	for name, q := range cases {
		hs, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(hs) == 0 && name != "study-lovden" {
			t.Errorf("%s: no hits", name)
		}
		var v []hitView
		for _, h := range hs {
			v = append(v, hitView{h.Node.ID, h.Score, h.Matched})
		}
		got[name] = v
	}
	golden(t, "search", got)
	_, err := s.Search(ctx, graph.SearchQuery{Text: "  "})
	wantCode(t, err, graph.EINVALID)
}

func testStats(t *testing.T, s graph.Store) {
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.MetaGraph(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, c := range st.ByPredicate {
		total += c.Count
	}
	if total != st.Edges {
		t.Errorf("predicate counts add to %d, edges %d", total, st.Edges)
	}
	total = 0
	for _, me := range m {
		total += me.Count
	}
	if total != st.Edges {
		t.Errorf("meta-graph counts add to %d, edges %d", total, st.Edges)
	}
	golden(t, "stats", st)
	golden(t, "metagraph", m)
}

func testLimits(t *testing.T, s graph.Store) {
	cases := []struct {
		name string
		call func() error
		code string
	}{
		{"maxHops above cap", func() error {
			_, err := s.Paths(ctx, graph.PathQuery{From: "CHEBI:6121", To: "KAP:relapse", MaxHops: graph.MaxHopsCap + 1})
			return err
		}, graph.ELIMIT},
		{"page too large", func() error {
			_, err := s.ListNodes(ctx, graph.NodeQuery{First: graph.MaxPageSize + 1})
			return err
		}, graph.ELIMIT},
		{"negative first", func() error {
			_, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121", First: -1})
			return err
		}, graph.EINVALID},
		{"depth too large", func() error {
			_, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "CHEBI:6121", Depth: graph.MaxDepth + 1})
			return err
		}, graph.ELIMIT},
		{"unknown category", func() error {
			_, err := s.ListNodes(ctx, graph.NodeQuery{Category: "Drug) DETACH DELETE (n"})
			return err
		}, graph.EINVALID},
		{"unknown edge type", func() error {
			_, err := s.Paths(ctx, graph.PathQuery{From: "CHEBI:6121", To: "KAP:relapse", Predicates: []graph.Predicate{"AFFECTS|MENTIONS*1..99"}})
			return err
		}, graph.EINVALID},
		{"cancelled context", func() error {
			c, cancel := context.WithCancel(ctx)
			cancel()
			_, err := s.MechanismPaths(c, graph.MechanismPathQuery{From: "CHEBI:6121", MaxHops: 6})
			return err
		}, graph.ETIMEOUT},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantCode(t, tc.call(), tc.code) })
	}
}

// hostile are strings that would do harm if spliced into Cypher or a
// Lucene query; every engine must treat them as plain data.
var hostile = []string{
	`' OR 1=1 //`, "`) DETACH DELETE n //", `"}) MATCH (n) DETACH DELETE n //`, `\u0027; CALL dbms.shutdown()`,
	`/* comment */ RETURN 1`, `*:*`, `name:ketamine~ OR *`, `ketamine) OR (x`, "ketamine\x00", `[a-z]+`, `\`,
}

func testHostile(t *testing.T, s graph.Store) {
	n0, e0 := counts(t, s)
	for _, h := range hostile {
		if _, err := s.Node(ctx, h); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Node(%q) = %v, want ENOTFOUND", h, err)
		}
		if _, err := s.Search(ctx, graph.SearchQuery{Text: h}); err != nil && graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Search(%q) = %v", h, err)
		}
		if _, err := s.ListNodes(ctx, graph.NodeQuery{NameContains: h}); err != nil {
			t.Errorf("ListNodes(nameContains %q) = %v", h, err)
		}
		if _, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121", Disorder: h}); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("MechanismPaths(disorder %q) = %v, want ENOTFOUND", h, err)
		}
	}
	if n, e := counts(t, s); n != n0 || e != e0 {
		t.Errorf("hostile input changed counts: %d/%d -> %d/%d", n0, e0, n, e)
	}
	var ge *graph.Error
	_, err := s.Node(ctx, hostile[0])
	if !errors.As(err, &ge) {
		t.Errorf("not a domain error: %v", err)
	}
}
