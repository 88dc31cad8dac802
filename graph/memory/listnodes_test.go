package memory

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestListNodesByYearBounds holds ListNodes, which walks a kept order and
// stops at the first node past a year bound, to the plain answer: every
// node of the category matched, sorted by (sort key, id), paged by cursor.
// A walk that stopped one node early or late changes totalCount or a page.
func TestListNodesByYearBounds(t *testing.T) {
	ctx := context.Background()
	s := New()
	loadAll(t, s, synthetic(t, "10k"))
	var studies []*graph.Node
	for n := range s.cur().categoryNodes(graph.CategoryStudy) {
		studies = append(studies, n.node())
	}
	years := map[int]bool{}
	for _, n := range studies {
		years[n.Year] = true
	}
	if len(studies) < 100 || len(years) < 5 {
		t.Fatalf("the synthetic graph has %d studies over %d years: too few to test year bounds", len(studies), len(years))
	}
	for _, tc := range []graph.NodeQuery{
		{YearFrom: 2015, Descending: true},
		{YearFrom: 2015, MaxEvidence: 2, Descending: true},
		{YearTo: 2012},
		{YearTo: 2012, Descending: true},
		{YearFrom: 2010, YearTo: 2018},
		{YearFrom: 2010, YearTo: 2018, Descending: true},
		{YearFrom: 3000, Descending: true},
		{YearTo: 1900},
		{Descending: true},
	} {
		tc.Category, tc.OrderBy, tc.First = graph.CategoryStudy, graph.OrderByYear, 7
		t.Run(fmt.Sprintf("from%d-to%d-ev%d-desc%v", tc.YearFrom, tc.YearTo, tc.MaxEvidence, tc.Descending), func(t *testing.T) {
			want := wantNodes(studies, tc)
			var got []string
			q := tc
			for page := 0; ; page++ {
				p, err := s.ListNodes(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if p.TotalCount != len(want) {
					t.Fatalf("page %d: totalCount %d, want %d", page, p.TotalCount, len(want))
				}
				for _, n := range p.Nodes {
					got = append(got, n.ID)
				}
				if !p.HasNext {
					break
				}
				q.After = p.EndCursor
			}
			if !slices.Equal(got, want) {
				t.Errorf("pages give %d ids, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
			}
		})
	}
}

// wantNodes is the plain answer: every matching node, in the query's order.
func wantNodes(all []*graph.Node, q graph.NodeQuery) []string {
	type kv struct{ key, id string }
	var m []kv
	for _, n := range all {
		if graph.MatchNode(n, q) {
			m = append(m, kv{graph.SortKey(n, q.OrderBy), n.ID})
		}
	}
	slices.SortFunc(m, func(a, b kv) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		if a.id < b.id {
			return -1
		}
		if a.id > b.id {
			return 1
		}
		return 0
	})
	if q.Descending {
		slices.Reverse(m)
	}
	out := make([]string, len(m))
	for i, e := range m {
		out[i] = e.id
	}
	return out
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
