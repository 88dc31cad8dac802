package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

// TestMatchesMemory asks both engines many more questions over the seeds
// than the golden files hold (every node's neighbourhood and edges, every
// category's pages in every order, paths between many pairs, mechanism
// paths from every source, searches for prefixes of every name) and
// requires the same answer, compared as JSON of whole results, or the
// same error code.
func TestMatchesMemory(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
		t.Skip("-short")
	}
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	mem := memory.New()
	seeds := storetest.Seeds(t)
	for _, d := range seeds {
		if _, err := mem.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	var nodes []*graph.Node
	for _, d := range seeds {
		for i := range d.Nodes {
			nodes = append(nodes, &d.Nodes[i])
		}
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })

	asked, differ := 0, 0
	same := func(what string, call func(graph.Store) (any, error)) {
		t.Helper()
		asked++
		want, werr := call(mem)
		got, gerr := call(s)
		if graph.ErrorCode(werr) != graph.ErrorCode(gerr) {
			differ++
			t.Errorf("%s: memory says %v, neo4j says %v", what, werr, gerr)
			return
		}
		if werr != nil {
			return
		}
		wj, _ := json.Marshal(canonical(want))
		gj, _ := json.Marshal(canonical(got))
		if string(wj) != string(gj) {
			differ++
			if differ <= 10 {
				t.Errorf("%s differs:\n memory %s\n neo4j  %s", what, truncate(wj), truncate(gj))
			}
		}
	}

	for _, n := range nodes {
		for _, dir := range []graph.Direction{graph.Out, graph.In, graph.Both} {
			same("EdgesOf "+n.ID+" "+string(dir), func(st graph.Store) (any, error) {
				return st.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{n.ID}, Direction: dir})
			})
		}
		for _, q := range []graph.NeighborhoodQuery{
			{ID: n.ID, Depth: 1},
			{ID: n.ID, Depth: 2, Limit: 12},
			{ID: n.ID, Depth: 3, Predicates: graph.Predicates(), Limit: 40},
		} {
			same(fmt.Sprintf("Neighborhood %+v", q), func(st graph.Store) (any, error) { return st.Neighborhood(ctx, q) })
		}
	}

	for _, c := range append([]graph.Category{""}, graph.Categories()...) {
		for _, o := range []graph.NodeOrder{graph.OrderByName, graph.OrderByID, graph.OrderByYear} {
			for _, desc := range []bool{false, true} {
				q := graph.NodeQuery{Category: c, OrderBy: o, Descending: desc, First: 7}
				same(fmt.Sprintf("ListNodes %+v", q), func(st graph.Store) (any, error) { return allPages(ctx, st, q) })
			}
		}
	}
	for _, q := range []graph.NodeQuery{
		{NameContains: "ket"}, {NameContains: "RECEPTOR", OrderBy: graph.OrderByID},
		{Category: graph.CategoryStudy, YearFrom: 2015, YearTo: 2020, OrderBy: graph.OrderByYear},
		{Category: graph.CategoryStudy, MaxEvidence: 3, Descending: true},
		{Kind: "receptor"}, {Document: seeds[0].ID, First: 50},
	} {
		same(fmt.Sprintf("ListNodes %+v", q), func(st graph.Store) (any, error) { return allPages(ctx, st, q) })
	}

	// Paths between pairs of curated nodes.
	var curated, sources, outcomes, disorders []string
	for _, n := range nodes {
		if n.Category.Curated() {
			curated = append(curated, n.ID)
		}
		if graph.MechanismSource(n.Category) {
			sources = append(sources, n.ID)
		}
		if n.Category == graph.CategoryOutcome || n.Category == graph.CategorySymptom {
			outcomes = append(outcomes, n.ID)
		}
		if n.Category == graph.CategoryDisorder {
			disorders = append(disorders, n.ID)
		}
	}
	for i := 0; i < len(curated); i += 5 {
		for j := 1; j < len(curated); j += 7 {
			for _, directed := range []bool{false, true} {
				q := graph.PathQuery{From: curated[i], To: curated[j], MaxHops: 3, First: 20, Directed: directed}
				same(fmt.Sprintf("Paths %+v", q), func(st graph.Store) (any, error) { return st.Paths(ctx, q) })
				same(fmt.Sprintf("ShortestPath %+v", q), func(st graph.Store) (any, error) { return st.ShortestPath(ctx, q) })
			}
		}
	}
	for _, from := range sources {
		for _, hops := range []int{3, 6} {
			q := graph.MechanismPathQuery{From: from, MaxHops: hops, First: 50}
			same(fmt.Sprintf("MechanismPaths %+v", q), func(st graph.Store) (any, error) { return st.MechanismPaths(ctx, q) })
		}
		for _, dis := range disorders {
			q := graph.MechanismPathQuery{From: from, Disorder: dis, MaxHops: 5, First: 50}
			same(fmt.Sprintf("MechanismPaths %+v", q), func(st graph.Store) (any, error) { return st.MechanismPaths(ctx, q) })
		}
		for _, to := range outcomes {
			q := graph.MechanismPathQuery{From: from, To: to, MaxHops: 5, First: 50}
			same(fmt.Sprintf("MechanismPaths %+v", q), func(st graph.Store) (any, error) { return st.MechanismPaths(ctx, q) })
		}
	}

	// Searches: every token of every name, whole and cut to prefixes.
	texts := map[string]bool{}
	for _, n := range nodes {
		for _, tok := range graph.SearchTokens(n.Name) {
			texts[tok] = true
			if len(tok) > 3 {
				texts[tok[:3]] = true
			}
		}
		if len(n.Name) < 40 {
			texts[n.Name] = true
		}
	}
	var ts []string
	for x := range texts {
		ts = append(ts, x)
	}
	slices.Sort(ts)
	for _, text := range ts {
		for _, cats := range [][]graph.Category{nil, graph.Categories()} {
			q := graph.SearchQuery{Text: text, Categories: cats, First: 100}
			same(fmt.Sprintf("Search %q %v", text, cats != nil), func(st graph.Store) (any, error) { return st.Search(ctx, q) })
		}
		// Fewer candidates read whole than winners (none, one): the
		// winners missing must be read by the second statement.
		for _, whole := range []int{0, 1} {
			q := graph.SearchQuery{Text: text, First: 5}
			same(fmt.Sprintf("Search %q reading %d whole", text, whole), func(st graph.Store) (any, error) {
				if n, ok := st.(*Store); ok {
					return n.search(ctx, q, func(int) int { return whole })
				}
				return st.Search(ctx, q)
			})
		}
	}

	same("Stats", func(st graph.Store) (any, error) { return st.Stats(ctx) })
	same("MetaGraph", func(st graph.Store) (any, error) { return st.MetaGraph(ctx) })
	t.Logf("%d questions, %d different answers", asked, differ)
}

func allPages(ctx context.Context, st graph.Store, q graph.NodeQuery) ([]*graph.NodePage, error) {
	var pages []*graph.NodePage
	for {
		p, err := st.ListNodes(ctx, q)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
		if !p.HasNext || len(pages) > 200 {
			return pages, nil
		}
		q.After = p.EndCursor
	}
}

// canonical orders the results that the Store contract leaves unordered.
func canonical(v any) any {
	switch x := v.(type) {
	case []*graph.Edge:
		x = slices.Clone(x)
		sort.Slice(x, func(i, j int) bool { return x[i].ID < x[j].ID })
		return x
	case []*graph.Node:
		x = slices.Clone(x)
		sort.Slice(x, func(i, j int) bool { return x[i].ID < x[j].ID })
		return x
	}
	return v
}

func truncate(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "..."
	}
	return string(b)
}
