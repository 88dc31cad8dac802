package storetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// edgePageView is a page as the suite compares it.
type edgePageView struct {
	Edges   []string `json:"edges"`
	Total   int      `json:"total"`
	HasNext bool     `json:"hasNext"`
}

// testEdgePages checks graph.PageEdges (the store's own EdgePages, when
// it has one) against the reference, PageEdgeList over EdgesOf: every
// page of every node, walked by cursor at several page sizes, must be the
// reference's page, and a few pages are golden so both engines agree.
func testEdgePages(t *testing.T, s graph.Store) {
	var hubs []string
	for _, cat := range []graph.Category{graph.CategoryDrug, graph.CategoryMechanism, graph.CategoryOutcome, graph.CategoryStudy} {
		page, err := s.ListNodes(ctx, graph.NodeQuery{Category: cat, First: graph.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		hubs = append(hubs, nodeIDs(page.Nodes)...)
	}
	hubs = append(hubs, "KAP:no-such-node")
	selections := []graph.EdgeQuery{
		{Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}},
		{Direction: graph.In, Predicates: []graph.Predicate{graph.Affects, graph.CorrelatedWith}},
		{Direction: graph.Both},
		{Direction: graph.In, Predicates: []graph.Predicate{graph.Mentions}},
	}
	// Modalities: the default (ASSERTED only), the others only, and all;
	// lexical edges pass each. byModality counts what the pages served,
	// so that a store ignoring the filter, or the seed losing its
	// non-asserted claims, fails below.
	modalities := [][]graph.Modality{nil, {graph.ModalityHedged, graph.ModalityNegated, graph.ModalityProposed}, {graph.ModalityAsserted}}
	byModality := map[string]map[graph.Modality]int{}
	walked := 0
	for _, ms := range modalities {
		served := map[graph.Modality]int{}
		byModality[fmt.Sprint(ms)] = served
		for _, sel := range selections {
			q := sel
			q.NodeIDs = hubs
			all, err := s.EdgesOf(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, first := range []int{1, 3, graph.MaxPageSize} {
				ref := graph.PageEdgeList(graph.EdgePageQuery{EdgeQuery: q, First: 1 << 30, Modalities: ms}, all)
				// Walk each node's pages; the nodes share a cursor only on
				// the first page, so later pages are asked node by node.
				pages, err := s.EdgePages(ctx, graph.EdgePageQuery{EdgeQuery: q, First: first, Modalities: ms})
				if err != nil {
					t.Fatal(err)
				}
				for _, id := range hubs {
					want := ref[id]
					var got []string
					p := pages[id]
					for step := 0; ; step++ {
						if p == nil {
							t.Fatalf("%v first=%d: no page for %s", sel, first, id)
						}
						if p.TotalCount != want.TotalCount {
							t.Fatalf("%v first=%d %s: totalCount %d, want %d", sel, first, id, p.TotalCount, want.TotalCount)
						}
						if len(p.Edges) > first {
							t.Fatalf("%v first=%d %s: %d edges on a page", sel, first, id, len(p.Edges))
						}
						for _, e := range p.Edges {
							got = append(got, e.ID)
							if e.Predicate.Curated() {
								served[e.Status()]++
							}
						}
						if !p.HasNext || step > 200 {
							break
						}
						if len(p.Edges) == 0 {
							t.Fatalf("%v first=%d %s: an empty page says there is a next one", sel, first, id)
						}
						last := p.Edges[len(p.Edges)-1]
						cur := graph.Cursor{Key: graph.ClaimOrderKey(last), ID: last.ID}
						qq := q
						qq.NodeIDs = []string{id}
						next, err := s.EdgePages(ctx, graph.EdgePageQuery{EdgeQuery: qq, First: first, After: &cur, Modalities: ms})
						if err != nil {
							t.Fatal(err)
						}
						p = next[id]
					}
					wantIDs := make([]string, 0, len(want.Edges))
					for _, e := range want.Edges {
						wantIDs = append(wantIDs, e.ID)
					}
					if !slices.Equal(got, wantIDs) {
						t.Fatalf("%v %v first=%d %s: pages give\n %v\nwant\n %v", sel, ms, first, id, got, wantIDs)
					}
					walked += len(got)
				}
			}
		}
	}
	def, others, asserted := byModality[fmt.Sprint(modalities[0])], byModality[fmt.Sprint(modalities[1])], byModality[fmt.Sprint(modalities[2])]
	if def[graph.ModalityAsserted] == 0 || len(def) < 2 {
		t.Errorf("the default pages served %v, want every modality the data holds", def)
	}
	if len(asserted) != 1 || asserted[graph.ModalityAsserted] != def[graph.ModalityAsserted] {
		t.Errorf("pages asking for ASSERTED served %v, want the default's %d ASSERTED claims only", asserted, def[graph.ModalityAsserted])
	}
	if others[graph.ModalityAsserted] != 0 || len(others) == 0 {
		t.Errorf("pages asking for HEDGED, NEGATED and PROPOSED served %v", others)
	}
	if walked == 0 {
		t.Fatal("no edge was paged: the suite proves nothing")
	}
	// Whole edges come back, evidence included.
	pages, err := s.EdgePages(ctx, graph.EdgePageQuery{EdgeQuery: graph.EdgeQuery{NodeIDs: []string{"CHEBI:6121"}, Direction: graph.Out}, First: 5})
	if err != nil {
		t.Fatal(err)
	}
	byID, err := s.EdgesByID(ctx, []string{pages["CHEBI:6121"].Edges[0].ID})
	if err != nil || len(byID) != 1 {
		t.Fatalf("EdgesByID: %v %v", byID, err)
	}
	gj, _ := json.Marshal(pages["CHEBI:6121"].Edges[0])
	wj, _ := json.Marshal(byID[0])
	if string(gj) != string(wj) {
		t.Errorf("a paged edge differs from the same edge by id:\n page %s\n byID %s", gj, wj)
	}
	golden(t, "edge-pages", map[string]edgePageView{
		"ketamine-out-first-5": viewPage(pages["CHEBI:6121"]),
		"abstinence-in-affects-first-3": func() edgePageView {
			ps, err := s.EdgePages(ctx, graph.EdgePageQuery{EdgeQuery: graph.EdgeQuery{NodeIDs: []string{"KAP:abstinence"}, Direction: graph.In, Predicates: []graph.Predicate{graph.Affects}}, First: 3})
			if err != nil {
				t.Fatal(err)
			}
			return viewPage(ps["KAP:abstinence"])
		}(),
	})
	// Bad input is refused the same way by every engine.
	_, err = s.EdgePages(ctx, graph.EdgePageQuery{EdgeQuery: graph.EdgeQuery{NodeIDs: []string{"CHEBI:6121"}}, First: graph.MaxPageSize + 1})
	wantCode(t, err, graph.ELIMIT)
	_, err = s.EdgePages(ctx, graph.EdgePageQuery{EdgeQuery: graph.EdgeQuery{NodeIDs: []string{"CHEBI:6121"}, Predicates: []graph.Predicate{"x]->() DETACH DELETE n //"}}, First: 2})
	wantCode(t, err, graph.EINVALID)
	for _, key := range []string{"' OR 1=1 //", "10001", "0001", "", "abcde"} {
		_, err = s.EdgePages(ctx, graph.EdgePageQuery{EdgeQuery: graph.EdgeQuery{NodeIDs: []string{"CHEBI:6121"}}, First: 2, After: &graph.Cursor{Key: key, ID: "x"}})
		wantCode(t, err, graph.EINVALID)
	}
}

func viewPage(p *graph.EdgePage) edgePageView {
	v := edgePageView{Total: p.TotalCount, HasNext: p.HasNext, Edges: []string{}}
	for _, e := range p.Edges {
		v.Edges = append(v.Edges, fmt.Sprintf("%s %.4f", e.ID, e.Score))
	}
	return v
}
