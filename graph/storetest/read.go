package storetest

import (
	"encoding/json"
	"sort"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// testReadAndEvidence covers Store.Read and Store.Evidence against the
// references built on the store's own other calls (graph.ReadByCalls,
// graph.GatherEvidence): an engine's faster way must answer the same.
// Read reads whole nodes here; graph/neo4j's tests cover partial ones.
func testReadAndEvidence(t *testing.T, s graph.Store) {
	var drugs, disorders, curated []string
	for _, d := range Seeds(t) {
		for _, n := range d.Nodes {
			switch {
			case n.Category == graph.CategoryDrug:
				drugs = append(drugs, n.ID)
			case n.Category == graph.CategoryDisorder:
				disorders = append(disorders, n.ID)
			}
			if n.Category.Curated() {
				curated = append(curated, n.ID)
			}
		}
	}
	sort.Strings(curated)
	if len(drugs) == 0 || len(disorders) == 0 || len(curated) < 10 {
		t.Fatalf("seeds hold %d drugs, %d disorders, %d curated nodes", len(drugs), len(disorders), len(curated))
	}

	plan := func(ids []string) graph.ReadPlan {
		return graph.ReadPlan{IDs: append(ids, "KAP:missing"), Root: graph.PlanNode{Pages: []*graph.PlanPage{
			{Key: "out", Direction: graph.Out, First: 3, Studies: true, Object: &graph.PlanNode{Pages: []*graph.PlanPage{
				{Key: "out.object.in", Direction: graph.In, Predicates: []graph.Predicate{graph.Affects}, First: 2, Subject: &graph.PlanNode{}},
			}}},
			{Key: "both", Direction: graph.Both, First: 2, Subject: &graph.PlanNode{}, Object: &graph.PlanNode{}},
		}}}
	}
	pages := 0
	for i := 0; i < len(curated); i += 7 {
		ids := curated[i:min(i+7, len(curated))]
		want, err := graph.ReadByCalls(ctx, s, plan(ids))
		if err != nil {
			t.Fatalf("reference plan %v: %v", ids, err)
		}
		got, err := s.Read(ctx, plan(ids))
		if err != nil {
			t.Fatalf("Read %v: %v", ids, err)
		}
		if w, g := readJSON(t, want), readJSON(t, got); w != g {
			t.Errorf("Read %v differs from the reference:\n want %.800s\n got  %.800s", ids, w, g)
		}
		pages += len(got.Pages)
	}
	if pages == 0 {
		t.Fatal("no plan read any page")
	}
	_, err := s.Read(ctx, graph.ReadPlan{IDs: []string{"x"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{Key: "a"}, {Key: "a"}}}})
	wantCode(t, err, graph.EINVALID)

	reports := 0
	for _, d := range drugs[:min(4, len(drugs))] {
		for _, x := range disorders[:min(4, len(disorders))] {
			want, werr := graph.GatherEvidence(ctx, s, d, x)
			got, gerr := s.Evidence(ctx, d, x)
			if graph.ErrorCode(werr) != graph.ErrorCode(gerr) {
				t.Errorf("Evidence(%s, %s): error %v, the reference's %v", d, x, gerr, werr)
				continue
			}
			if werr != nil {
				continue
			}
			if w, g := asJSON(t, want), asJSON(t, got); w != g {
				t.Errorf("Evidence(%s, %s) differs from the reference:\n want %.800s\n got  %.800s", d, x, w, g)
			}
			if len(got.Claims) > 0 {
				reports++
			}
		}
	}
	if reports == 0 {
		t.Error("no drug and disorder of the seeds have evidence; the comparison checked nothing")
	}
	_, err = s.Evidence(ctx, "", disorders[0])
	wantCode(t, err, graph.EINVALID)
	_, err = s.Evidence(ctx, "KAP:missing", disorders[0])
	wantCode(t, err, graph.ENOTFOUND)
	_, err = s.Evidence(ctx, disorders[0], drugs[0])
	wantCode(t, err, graph.EINVALID)
}

// readJSON is a ReadResult as comparable JSON: nodes by id (whole or
// partial alike), pages by "key node".
func readJSON(t *testing.T, r *graph.ReadResult) string {
	t.Helper()
	nodes := map[string]*graph.Node{}
	for id := range r.Nodes {
		nodes[id] = r.Node(id)
	}
	for id := range r.Partial {
		nodes[id] = r.Node(id)
	}
	pages := map[string]*graph.EdgePage{}
	for k, p := range r.Pages {
		pages[k.Page+" "+k.Node] = p
	}
	return asJSON(t, map[string]any{"nodes": nodes, "pages": pages})
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
