package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/graph/storetest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// planJSON is a ReadResult as comparable JSON: nodes by id, pages by
// "key node".
func planJSON(t *testing.T, r *graph.ReadResult) string {
	t.Helper()
	pages := map[string]*graph.EdgePage{}
	for k, p := range r.Pages {
		pages[k.Page+" "+k.Node] = p
	}
	b, err := json.Marshal(map[string]any{"nodes": r.Nodes, "pages": pages})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReadPlanOneStatement reads plans of the shapes the API builds (the
// nested entity question, both ends of claims, second pages, filtered
// predicates) over the seeds for every curated node, and requires the
// answer of the reference (graph.ExecutePlan on the embedded engine, one
// call per page) from exactly one statement.
func TestReadPlanOneStatement(t *testing.T) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	mem := memory.New()
	var ids []string
	for _, d := range storetest.Seeds(t) {
		for _, st := range []graph.Store{mem, s} {
			if _, err := st.Load(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		for _, n := range d.Nodes {
			if n.Category.Curated() {
				ids = append(ids, n.ID)
			}
		}
	}
	sort.Strings(ids)

	entity := func(id string, after *graph.Cursor) graph.ReadPlan {
		return graph.ReadPlan{IDs: []string{id, "KAP:missing"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{
			Key: "claims", Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}, First: 3, After: after, Studies: true,
			Object: &graph.PlanNode{Pages: []*graph.PlanPage{{
				Key: "claims.object.claims", Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}, First: 2, Studies: true,
				Object: &graph.PlanNode{},
			}}},
		}}}}
	}
	both := func(id string) graph.ReadPlan {
		return graph.ReadPlan{IDs: []string{id}, Root: graph.PlanNode{Pages: []*graph.PlanPage{
			{Key: "all", Direction: graph.Both, First: 2, Subject: &graph.PlanNode{}, Object: &graph.PlanNode{}},
			{Key: "in", Direction: graph.In, Predicates: []graph.Predicate{graph.Affects, graph.CorrelatedWith}, First: 5},
		}}}
	}
	counter := &neo4jtest.RunCounter{}
	s.cfg.BoltLogger = counter
	t.Cleanup(func() { s.cfg.BoltLogger = nil })

	asked := 0
	check := func(name string, p graph.ReadPlan) *graph.ReadResult {
		t.Helper()
		asked++
		want, err := graph.ExecutePlan(ctx, mem, p)
		if err != nil {
			t.Fatalf("%s: reference: %v", name, err)
		}
		before := counter.Runs()
		got, err := s.Read(ctx, p)
		if err != nil {
			t.Fatalf("%s: Read: %v", name, err)
		}
		if n := counter.Runs() - before; n != 1 {
			t.Errorf("%s: %d statements, want 1", name, n)
		}
		if w, g := planJSON(t, want), planJSON(t, got); w != g {
			t.Errorf("%s differs:\n reference %s\n neo4j     %s", name, truncate([]byte(w)), truncate([]byte(g)))
		}
		return got
	}
	for _, id := range ids {
		first := check("entity "+id, entity(id, nil))
		if pg := first.Pages[graph.PageKey{Page: "claims", Node: id}]; pg != nil && pg.HasNext {
			last := pg.Edges[len(pg.Edges)-1]
			check("entity page 2 "+id, entity(id, &graph.Cursor{Key: graph.ClaimOrderKey(last), ID: last.ID}))
		}
		check("both "+id, both(id))
		// The same shape with other sizes below the root: the statement
		// and its rows' layouts are cached by shape, the sizes are not.
		small := entity(id, nil)
		small.Root.Pages[0].Object.Pages[0].First = 1
		check("entity, one claim of each object "+id, small)
	}
	if asked < 50 {
		t.Fatalf("only %d plans asked; the seeds should give far more", asked)
	}

	// Partial ends: the same plans with the ends' and studies' fields
	// named. Whole nodes are the reference's; partial ones are the
	// reference's node with only the fields asked (and id and category),
	// never in Nodes, and a node read whole elsewhere stays whole.
	partials := 0
	for _, id := range ids {
		p := entity(id, nil)
		pg := p.Root.Pages[0]
		pg.StudyFields = []string{}
		pg.Object.Fields = []string{"name"}
		pg.Object.Pages[0].StudyFields = []string{"year"}
		pg.Object.Pages[0].Object.Fields = []string{"name", "synonyms"}
		want, err := graph.ExecutePlan(ctx, mem, p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Read(ctx, p)
		if err != nil {
			t.Fatalf("partial %s: %v", id, err)
		}
		if got.Nodes[id] == nil || len(got.Nodes) != 1 {
			t.Errorf("partial %s: whole nodes %d, want the root only", id, len(got.Nodes))
		}
		for nid, n := range want.Nodes {
			if nid == id {
				continue
			}
			g := got.Partial[nid]
			if g == nil {
				t.Errorf("partial %s: %s missing", id, nid)
				continue
			}
			partials++
			w := graph.Node{ID: n.ID, Category: n.Category, Name: g.Name, Synonyms: g.Synonyms, Year: g.Year}
			if n.Category != graph.CategoryStudy && (g.Name != n.Name || !slices.Equal(g.Synonyms, n.Synonyms) && g.Synonyms != nil) {
				t.Errorf("partial %s: %s name/synonyms %q %q, want %q %q", id, nid, g.Name, g.Synonyms, n.Name, n.Synonyms)
			}
			if n.Category == graph.CategoryStudy && g.Year != n.Year && g.Year != 0 {
				t.Errorf("partial %s: study %s year %d, want %d", id, nid, g.Year, n.Year)
			}
			if gj, wj := planJSON(t, &graph.ReadResult{Nodes: map[string]*graph.Node{"x": g}}), planJSON(t, &graph.ReadResult{Nodes: map[string]*graph.Node{"x": &w}}); gj != wj {
				t.Errorf("partial %s: %s holds fields not asked for:\n got  %s\n want %s", id, nid, gj, wj)
			}
		}
	}
	if partials == 0 {
		t.Fatal("no partial node read; the plans should reach many")
	}
	// Partial claims: a page naming its claims' fields reads those (and
	// id, ends, predicate and score), equal to the reference's there.
	claims := 0
	for _, id := range ids {
		p := entity(id, nil)
		p.Root.Pages[0].ClaimFields = []string{"sign", "evidence"}
		p.Root.Pages[0].Object.Pages[0].ClaimFields = []string{}
		want, err := graph.ExecutePlan(ctx, mem, p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Read(ctx, p)
		if err != nil {
			t.Fatalf("partial claims %s: %v", id, err)
		}
		for k, wp := range want.Pages {
			gp := got.Pages[k]
			if gp == nil || len(gp.Edges) != len(wp.Edges) || gp.TotalCount != wp.TotalCount || gp.HasNext != wp.HasNext {
				t.Errorf("partial claims %s: page %v is %+v, want %+v", id, k, gp, wp)
				continue
			}
			for i, w := range wp.Edges {
				claims++
				trimmed := graph.Edge{ID: w.ID, Subject: w.Subject, Predicate: w.Predicate, Object: w.Object, Score: w.Score}
				if k.Page == "claims" {
					trimmed.Sign, trimmed.Evidence = w.Sign, w.Evidence
				}
				if gj, wj := asJSON(t, gp.Edges[i]), asJSON(t, &trimmed); gj != wj {
					t.Errorf("partial claims %s: page %v claim %d:\n got  %s\n want %s", id, k, i, gj, wj)
				}
			}
		}
	}
	if claims == 0 {
		t.Fatal("no partial claim read; the plans should reach many")
	}
	if _, err := s.Read(ctx, graph.ReadPlan{IDs: []string{"x"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{
		{Key: "a", ClaimFields: []string{"evidence_json} DETACH DELETE"}}}}}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("a field that is no claim field: %v, want EINVALID", err)
	}
	if _, err := s.Read(ctx, graph.ReadPlan{IDs: []string{"x"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{
		{Key: "a", Object: &graph.PlanNode{Fields: []string{"name}) DETACH DELETE (n"}}}}}}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("a field that is no node field: %v, want EINVALID", err)
	}

	// Bad plans are refused before any statement, as every engine must.
	before := counter.Runs()
	for _, p := range []graph.ReadPlan{
		{IDs: []string{"x"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{Key: "a", First: graph.MaxPageSize + 1}}}},
		{IDs: []string{"x"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{Key: "a"}, {Key: "a"}}}},
		{IDs: []string{"x"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{Key: "a", Predicates: []graph.Predicate{"DROP"}}}}},
		{IDs: []string{"x"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{Key: "a", After: &graph.Cursor{Key: "forged", ID: "x"}}}}},
	} {
		if _, err := s.Read(ctx, p); err == nil {
			t.Errorf("plan %+v accepted", p.Root.Pages[0])
		}
	}
	if n := counter.Runs() - before; n != 0 {
		t.Errorf("refused plans sent %d statements", n)
	}
	t.Log(fmt.Sprintf("%d plans, each one statement", asked))
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRecorderReplays records the statement a plan compiles to and runs it
// again from the record: the harness PROFILEs statements this way, so the
// record must hold the very text and typed parameters the store sent.
func TestRecorderReplays(t *testing.T) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	for _, d := range storetest.Seeds(t) {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	rec := &neo4jtest.Recorder{}
	s.cfg.BoltLogger = rec
	t.Cleanup(func() { s.cfg.BoltLogger = nil })
	p := graph.ReadPlan{IDs: []string{"CHEBI:6121"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{
		Key: "c", Direction: graph.Out, First: 3, Studies: true, StudyFields: []string{},
		Object: &graph.PlanNode{Fields: []string{"name"}},
	}}}}
	if _, err := s.Read(ctx, p); err != nil {
		t.Fatal(err)
	}
	stmts := rec.Take()
	if len(stmts) != 1 {
		t.Fatalf("%d statements recorded, want 1", len(stmts))
	}
	if len(rec.Take()) != 0 {
		t.Error("Take did not forget what it returned")
	}
	st := stmts[0]
	if _, ok := st.Params["limit0"].(int); !ok {
		t.Fatalf("limit0 recorded as %T, want int (as the store passed it): %v", st.Params["limit0"], st.Params)
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, st.Cypher, st.Params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.cfg.Database))
	if err != nil {
		t.Fatalf("replaying the recorded statement: %v", err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("replay gave %d records, want 1", len(res.Records))
	}
}
