package neo4j

import (
	"context"
	"sync"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

// The benchmarks run over the seeds on the test server (see server_test.go).
// They measure the engine end to end, driver and round trips included:
//
//	go test ./graph/neo4j -run '^$' -bench . -benchtime 200x

var seededOnce sync.Once

func seededStore(b *testing.B) *Store {
	b.Helper()
	s := testStore(b)
	seededOnce.Do(func() {
		wipe(b, s)
		for _, d := range storetest.Seeds(b) {
			if _, err := s.Load(context.Background(), d); err != nil {
				b.Fatalf("load %s: %v", d.ID, err)
			}
		}
	})
	return s
}

func BenchmarkMechanismPaths(b *testing.B) {
	s := seededStore(b)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		q    graph.MechanismPathQuery
	}{
		{"ketamine-to-outcomes", graph.MechanismPathQuery{From: "CHEBI:6121", MaxHops: 6, First: 10}},
		{"ketamine-aud-abstinence", graph.MechanismPathQuery{From: "CHEBI:6121", To: "KAP:abstinence", Disorder: "MONDO:0002046", MaxHops: 4, First: 5}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.MechanismPaths(ctx, bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkNeighborhood(b *testing.B) {
	s := seededStore(b)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		q    graph.NeighborhoodQuery
	}{
		{"ketamine-depth2", graph.NeighborhoodQuery{ID: "CHEBI:6121", Depth: 2}},
		{"craving-mentions", graph.NeighborhoodQuery{ID: "KAP:craving", Depth: 1, Predicates: []graph.Predicate{graph.Mentions, graph.Cites}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Neighborhood(ctx, bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	s := seededStore(b)
	ctx := context.Background()
	for _, text := range []string{"ketamine", "salience network", "crav"} {
		b.Run(text, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(ctx, graph.SearchQuery{Text: text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoad loads the seeds into an empty database ("fresh": one
// transaction per document creating everything) and over themselves
// ("unchanged": the transaction finds nothing to write).
func BenchmarkLoad(b *testing.B) {
	s := seededStore(b)
	ctx := context.Background()
	docs := storetest.Seeds(b)
	items := 0
	for _, d := range docs {
		items += len(d.Nodes) + len(d.Edges)
	}
	load := func(b *testing.B) {
		for _, d := range docs {
			if _, err := s.Load(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("fresh", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			wipe(b, s)
			b.StartTimer()
			load(b)
		}
		b.ReportMetric(float64(items)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
	b.Run("unchanged", func(b *testing.B) {
		load(b)
		for b.Loop() {
			load(b)
		}
		b.ReportMetric(float64(items)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
}
