package memory

import (
	"context"
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// BenchmarkQueries times the reads that hand out lexical edges, which the
// store rebuilds from their compact form on each read: a hub drug's
// edges, its neighbourhood, and paths through the passages that mention
// it, the hub's edges by id, and claim pages over the whole graph and of
// the hub. BenchmarkMechanismPaths covers the paths through claims.
func BenchmarkQueries(b *testing.B) {
	ctx := context.Background()
	s := New()
	loadAll(b, s, synthetic(b, "100k"))
	var drugs []string
	for n := range s.cur().categoryNodes(graph.CategoryDrug) {
		drugs = append(drugs, n.id)
	}
	slices.Sort(drugs)
	hub, other := drugs[0], drugs[1]
	mentions := []graph.Predicate{graph.Mentions, graph.Affects}
	// The ids of the hub's edges, which EdgesByID looks up one by one.
	var hubEdges []string
	if es, err := s.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{hub}}); err == nil {
		for _, e := range es {
			hubEdges = append(hubEdges, e.ID)
		}
	}
	hubNode, err := s.Node(ctx, hub)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct {
		name string
		run  func() (int, error)
	}{
		{"edgesOf", func() (int, error) {
			es, err := s.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{hub}})
			return len(es), err
		}},
		{"neighborhood", func() (int, error) {
			sub, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: hub, Depth: 2, Predicates: mentions, Limit: 500})
			if err != nil {
				return 0, err
			}
			return len(sub.Edges), nil
		}},
		{"pathsViaMentions", func() (int, error) {
			ps, err := s.Paths(ctx, graph.PathQuery{From: hub, To: other, Predicates: mentions, MaxHops: 2, First: 10})
			return len(ps), err
		}},
		{"edgesByID", func() (int, error) {
			es, err := s.EdgesByID(ctx, hubEdges)
			return len(es), err
		}},
		// The node index (postings): the hub's name names it and the
		// passages that mention it.
		{"searchHubName", func() (int, error) {
			hs, err := s.Search(ctx, graph.SearchQuery{Text: hubNode.Name, Categories: []graph.Category{graph.CategoryDrug, graph.CategoryPassage}, First: 50})
			return len(hs), err
		}},
		// The bench's c-list: a filtered study list, newest first, the
		// second page, with its total (every study is matched).
		{"studiesPage2", func() (int, error) {
			q := graph.NodeQuery{Category: graph.CategoryStudy, MaxEvidence: 2, YearFrom: 2015,
				OrderBy: graph.OrderByYear, Descending: true, First: 20}
			p, err := s.ListNodes(ctx, q)
			if err != nil || p.EndCursor == "" {
				return 0, err
			}
			q.After = p.EndCursor
			p, err = s.ListNodes(ctx, q)
			if err != nil {
				return 0, err
			}
			return len(p.Nodes), nil
		}},
		{"claimsAll", func() (int, error) {
			p, err := s.Claims(ctx, graph.ClaimQuery{First: 20})
			if err != nil {
				return 0, err
			}
			return p.TotalCount, nil
		}},
		{"claimsOfHub", func() (int, error) {
			p, err := s.Claims(ctx, graph.ClaimQuery{Filter: graph.ClaimFilter{Subject: hub}, First: 20})
			if err != nil {
				return 0, err
			}
			return p.TotalCount, nil
		}},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for range b.N {
				var err error
				if n, err = q.run(); err != nil {
					b.Fatal(err)
				}
			}
			if n == 0 {
				b.Fatal("the question found nothing")
			}
			b.ReportMetric(float64(n), "results")
		})
	}
}
