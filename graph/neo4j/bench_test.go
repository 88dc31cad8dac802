package neo4j

import (
	"context"
	"os"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// The benchmarks run on the test server (see server_test.go), over the
// seeds or over a synthetic graph from internal/synth. They measure the engine
// end to end, driver and round trips included:
//
//	go test ./graph/neo4j -run '^$' -bench . -benchtime 200x
//
// Both data sets share the one database, so each benchmark first makes
// sure the one it reads is the one loaded (benchData remembers which).

// benchData is the data set in the database: "seeds", "gen10k" or "" when
// unknown (after a test or a load benchmark wiped it).
var benchData string

// genBenchConfig is the synthetic graph the benchmarks read and load: about
// 10,000 nodes, the smallest size of the published benchmark.
var genBenchConfig = synth.Config{Nodes: synth.Sizes["10k"]}

func seededStore(b *testing.B) *Store {
	b.Helper()
	s := testStore(b)
	if benchData != "seeds" {
		wipe(b, s)
		benchData = ""
		for _, d := range storetest.Seeds(b) {
			if _, err := s.Load(context.Background(), d); err != nil {
				b.Fatalf("load %s: %v", d.ID, err)
			}
		}
		benchData = "seeds"
	}
	return s
}

func genDocs(b testing.TB) []*graph.Document {
	b.Helper()
	var docs []*graph.Document
	if err := synth.All(genBenchConfig, 2, func(_ int, d *graph.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	return docs
}

func genStore(b *testing.B) *Store {
	b.Helper()
	s := testStore(b)
	if benchData != "gen10k" {
		wipe(b, s)
		benchData = ""
		for _, d := range genDocs(b) {
			if _, err := s.Load(context.Background(), d); err != nil {
				b.Fatalf("load %s: %v", d.ID, err)
			}
		}
		benchData = "gen10k"
	}
	return s
}

// genDrug is the synthetic hub drug: entity 0 of its kind, the most named.
func genDrug() string { return synth.EntityID(graph.CategoryDrug, 0) }

func BenchmarkMechanismPaths(b *testing.B) {
	ctx := context.Background()
	for _, bc := range []struct {
		name  string
		store func(*testing.B) *Store
		q     graph.MechanismPathQuery
	}{
		{"seeds/ketamine-to-outcomes", seededStore, graph.MechanismPathQuery{From: "CHEBI:6121", MaxHops: 6, First: 10}},
		{"seeds/ketamine-aud-abstinence", seededStore, graph.MechanismPathQuery{From: "CHEBI:6121", To: "KAP:abstinence", Disorder: "MONDO:0002046", MaxHops: 4, First: 5}},
		{"gen10k/hub-drug-to-outcomes", genStore, graph.MechanismPathQuery{From: genDrug(), MaxHops: 6, First: 10}},
	} {
		// search is the engine's best-first search, enumeration the Cypher
		// enumeration it replaced (reference_test.go).
		for _, how := range []string{"search", "enumeration"} {
			b.Run(bc.name+"/"+how, func(b *testing.B) {
				s := bc.store(b)
				run := s.MechanismPaths
				if how == "enumeration" {
					run = s.refMechanismPaths
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := run(ctx, bc.q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkPaths(b *testing.B) {
	ctx := context.Background()
	for _, bc := range []struct {
		name     string
		shortest bool
		q        graph.PathQuery
	}{
		{"ketamine-craving", false, graph.PathQuery{From: "CHEBI:6121", To: "KAP:craving", MaxHops: 3, First: 10}},
		{"shortest/ketamine-craving", true, graph.PathQuery{From: "CHEBI:6121", To: "KAP:craving", MaxHops: 4}},
	} {
		for _, how := range []string{"search", "enumeration"} {
			b.Run(bc.name+"/"+how, func(b *testing.B) {
				s := seededStore(b)
				paths, shortest := s.Paths, s.ShortestPath
				if how == "enumeration" {
					paths, shortest = s.refPaths, s.refShortestPath
				}
				b.ReportAllocs()
				for b.Loop() {
					var err error
					if bc.shortest {
						_, err = shortest(ctx, bc.q)
					} else {
						_, err = paths(ctx, bc.q)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkNeighborhood(b *testing.B) {
	ctx := context.Background()
	for _, bc := range []struct {
		name  string
		store func(*testing.B) *Store
		q     graph.NeighborhoodQuery
	}{
		{"seeds/ketamine-depth2", seededStore, graph.NeighborhoodQuery{ID: "CHEBI:6121", Depth: 2}},
		{"seeds/craving-mentions", seededStore, graph.NeighborhoodQuery{ID: "KAP:craving", Depth: 1, Predicates: []graph.Predicate{graph.Mentions, graph.Cites}}},
		{"gen10k/hub-drug-depth2", genStore, graph.NeighborhoodQuery{ID: genDrug(), Depth: 2}},
		{"gen10k/hub-drug-depth3", genStore, graph.NeighborhoodQuery{ID: genDrug(), Depth: 3, Limit: graph.MaxNeighborhood}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := bc.store(b)
			for b.Loop() {
				if _, err := s.Neighborhood(ctx, bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkStats(b *testing.B) {
	ctx := context.Background()
	for _, bc := range []struct {
		name  string
		store func(*testing.B) *Store
	}{
		{"seeds", seededStore},
		{"gen10k", genStore},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := bc.store(b)
			for b.Loop() {
				if _, err := s.Stats(ctx); err != nil {
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

// BenchmarkLoad loads documents into an empty database ("fresh": one
// transaction per document creating everything) and over themselves
// ("unchanged": the transaction finds nothing to write), for the seeds and
// for the synthetic 10k graph. It reports items (nodes and edges) and
// relationships written per second of load.
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	for _, data := range []struct {
		name string
		docs func(*testing.B) []*graph.Document
	}{
		{"seeds", func(b *testing.B) []*graph.Document { return storetest.Seeds(b) }},
		{"gen10k", func(b *testing.B) []*graph.Document { return genDocs(b) }},
	} {
		docs := data.docs(b)
		items, rels := 0, 0
		for _, d := range docs {
			items += len(d.Nodes) + len(d.Edges)
			rels += len(d.Edges)
		}
		s := testStore(b)
		load := func(b *testing.B) {
			for _, d := range docs {
				if _, err := s.Load(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
		}
		report := func(b *testing.B) {
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(items)*float64(b.N)/secs, "items/s")
			b.ReportMetric(float64(rels)*float64(b.N)/secs, "rels/s")
		}
		b.Run(data.name+"/fresh", func(b *testing.B) {
			benchData = ""
			for b.Loop() {
				b.StopTimer()
				wipe(b, s)
				b.StartTimer()
				load(b)
			}
			report(b)
		})
		b.Run(data.name+"/unchanged", func(b *testing.B) {
			load(b)
			for b.Loop() {
				load(b)
			}
			report(b)
		})
	}
}

// BenchmarkMechanismPathsSynthetic times (e) of the benchmark mix, 6-hop
// mechanism paths from the drug bench.Choose picked at each size (the
// table in BENCHMARKS.md), with the best-first search and with the Cypher
// enumeration it replaced. 10k always; 100k (a few minutes of loading)
// only when KAPGRAPH_BENCH_100K is set:
//
//	KAPGRAPH_BENCH_100K=1 go test ./graph/neo4j -run '^$' -bench MechanismPathsSynthetic -benchtime 50x
func BenchmarkMechanismPathsSynthetic(b *testing.B) {
	ctx := context.Background()
	sizes := []struct{ size, from string }{{"10k", "CHEBI:syndru0000000"}}
	if os.Getenv("KAPGRAPH_BENCH_100K") != "" {
		sizes = append(sizes, struct{ size, from string }{"100k", "CHEBI:syndru0000090"})
	}
	for _, sz := range sizes {
		q := graph.MechanismPathQuery{From: sz.from, MaxHops: 6, First: 10}
		for _, how := range []string{"search", "enumeration"} {
			b.Run(sz.size+"/"+how, func(b *testing.B) {
				s := testStore(b)
				if benchData != "gen"+sz.size {
					wipe(b, s)
					benchData = ""
					if err := synth.All(synth.Config{Nodes: synth.Sizes[sz.size]}, 2, func(_ int, d *graph.Document) error {
						_, err := s.Load(ctx, d)
						return err
					}); err != nil {
						b.Fatal(err)
					}
					benchData = "gen" + sz.size
				}
				run := s.MechanismPaths
				if how == "enumeration" {
					run = s.refMechanismPaths
				}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := run(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
