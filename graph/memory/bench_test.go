package memory

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// benchSizes are the synthetic graphs the benchmarks load. 1M takes
// minutes and gigabytes, so it runs only when KAPGRAPH_BENCH_1M is set,
// keeping `go test -bench .` usable on a laptop.
func benchSizes() []string {
	sizes := []string{"10k", "100k"}
	if os.Getenv("KAPGRAPH_BENCH_1M") != "" {
		sizes = append(sizes, "1m")
	}
	return sizes
}

// synthetic generates the documents of one benchmark size, outside any
// timing.
func synthetic(tb testing.TB, size string) []*graph.Document {
	tb.Helper()
	cfg := synth.Config{Nodes: synth.Sizes[size]}
	var docs []*graph.Document
	if err := synth.All(cfg, runtime.GOMAXPROCS(0), func(i int, d *graph.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		tb.Fatalf("generating %s: %v", size, err)
	}
	return docs
}

// loadAll loads docs in order and says how long each load took.
func loadAll(tb testing.TB, s *Store, docs []*graph.Document) []time.Duration {
	tb.Helper()
	took := make([]time.Duration, len(docs))
	for i, d := range docs {
		t0 := time.Now()
		if _, err := s.Load(context.Background(), d); err != nil {
			tb.Fatalf("load %s: %v", d.ID, err)
		}
		took[i] = time.Since(t0)
	}
	return took
}

// meanMs is the mean of ds in milliseconds.
func meanMs(ds []time.Duration) float64 {
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return float64(sum.Milliseconds()) / float64(max(1, len(ds)))
}

// heapAfterGC is the live heap, which is what a loaded store costs.
func heapAfterGC() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkLoadSynthetic loads a whole synthetic graph one document at a
// time, the way the loader and bench/load.go do, and reports the live
// heap per node once it is in.
func BenchmarkLoadSynthetic(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size, func(b *testing.B) {
			docs := synthetic(b, size)
			b.ResetTimer()
			var s *Store
			var took []time.Duration
			cpu0 := cpuTime()
			for range b.N {
				s = New()
				took = loadAll(b, s, docs)
			}
			b.StopTimer()
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "loadCpuS")
			// A load that costs the size of its document, not of the graph,
			// takes as long for the last documents as for the first.
			tenth := max(1, len(took)/10)
			b.ReportMetric(meanMs(took[:tenth]), "firstDocsMs/doc")
			b.ReportMetric(meanMs(took[len(took)-tenth:]), "lastDocsMs/doc")
			nodes := s.cur().stats.Nodes
			with := heapAfterGC()
			runtime.KeepAlive(s)
			s = nil
			// What the store holds beyond the caller's documents: its copies
			// of them and its indexes.
			store := with - min(with, heapAfterGC())
			b.ReportMetric(float64(nodes), "nodes")
			b.ReportMetric(float64(with)/(1<<20), "heapMB")
			b.ReportMetric(float64(store)/(1<<20), "storeMB")
			b.ReportMetric(float64(store)/float64(nodes), "storeB/node")
			runtime.KeepAlive(docs)
		})
	}
}

// BenchmarkMechanismPaths times (e) of the benchmark mix, paths of up to
// six hops from one drug, on each synthetic graph, with the best-first
// search and with the enumeration it replaced. The drug is chosen as
// bench.Choose does: among the first drugs by id, the one whose path count
// is nearest 2,000 without passing the enumeration limit.
func BenchmarkMechanismPaths(b *testing.B) {
	ctx := context.Background()
	type loaded struct {
		s     *Store
		q     graph.MechanismPathQuery
		paths int
	}
	// b.Run's function runs more than once; load each size once, and only
	// the sizes -bench selects.
	cache := map[string]*loaded{}
	for _, size := range benchSizes() {
		b.Run(size, func(b *testing.B) {
			l := cache[size]
			if l == nil {
				s := New()
				t0 := time.Now()
				loadAll(b, s, synthetic(b, size))
				b.Logf("%s: loaded %d nodes in %v, heap %d MB", size, s.cur().stats.Nodes, time.Since(t0), heapAfterGC()>>20)
				from, n := pathSource(b, s)
				l = &loaded{s, graph.MechanismPathQuery{From: from, MaxHops: 6, First: 10}, n}
				cache[size] = l
				b.ResetTimer()
			}
			s, q, n := l.s, l.q, l.paths
			// search is the engine's best-first search, enumeration the
			// enumerate-rank-cut code it replaced (reference_test.go).
			for _, how := range []struct {
				name string
				run  func(context.Context, graph.MechanismPathQuery) ([]*graph.Path, error)
			}{{"search", s.MechanismPaths}, {"enumeration", s.refMechanismPaths}} {
				b.Run(how.name, func(b *testing.B) {
					b.ReportAllocs()
					for range b.N {
						if _, err := how.run(ctx, q); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(n), "paths")
				})
			}
		})
	}
}

// pathSource picks the benchmark's path source and says how many paths it
// has within six hops.
func pathSource(tb testing.TB, s *Store) (string, int) {
	tb.Helper()
	st := s.cur()
	var drugs []string
	for n := range st.categoryNodes(graph.CategoryDrug) {
		drugs = append(drugs, n.id)
	}
	slices.Sort(drugs)
	allowed := predicateSet(graph.CausalPredicates(), false)
	target := func(n *graph.Node) (bool, bool) { return graph.MechanismTarget(n.Category), true }
	best, bestN, tried := "", 0, 0
	dist := func(n int) float64 { return max(float64(n)/2000, 2000/float64(n)) }
	for _, id := range drugs {
		if tried == 60 {
			break
		}
		if st.outOf(id).empty() {
			continue
		}
		tried++
		ps, err := st.walk(context.Background(), id, 6, false, allowed, nil, target)
		if err != nil {
			var ge *graph.Error
			if errors.As(err, &ge) && ge.Code == graph.ELIMIT {
				continue
			}
			tb.Fatal(err)
		}
		if len(ps) == 0 {
			continue
		}
		if best == "" || dist(len(ps)) < dist(bestN) {
			best, bestN = id, len(ps)
		}
	}
	if best == "" {
		tb.Fatal(fmt.Errorf("no drug has a mechanism path within 6 hops"))
	}
	return best, bestN
}
