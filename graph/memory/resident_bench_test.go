package memory

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/memlimit"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// BenchmarkResident loads a synthetic graph the way kapserve does, handing
// each document to the store and keeping no reference to it, and reports
// what the process then holds: the live heap after a collection (the
// store with the documents it keeps), the resident set now and at its
// peak (VmHWM, which the load's garbage sets), the time Store.Load took,
// the CPU time of the whole process while it generated and loaded the
// documents, and the one-client latency and CPU time of the benchmark's
// mechanism-path question (e-paths6: maxHops 6, best 10). BenchmarkLoadSynthetic's storeMB leaves
// out the documents, which the caller holds there; a server does not, so
// this is the figure a server's memory follows. The 1M graph runs only
// with KAPGRAPH_BENCH_1M set:
//
//	KAPGRAPH_BENCH_1M=1 go test -run XXX -bench 'BenchmarkResident/1m' -benchtime 1x ./graph/memory
//
// It reads the store through graph.Store only, so that it measures any
// internal layout the same way.
func BenchmarkResident(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size, func(b *testing.B) {
			var s *Store
			var took time.Duration
			cpu0 := cpuTime()
			for range b.N {
				s = New()
				took = 0
				err := synth.All(synth.Config{Nodes: synth.Sizes[size]}, runtime.GOMAXPROCS(0), func(i int, d *graph.Document) error {
					t0 := time.Now()
					_, err := s.Load(context.Background(), d)
					took += time.Since(t0)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			cpu := cpuTime() - cpu0
			st, err := s.Stats(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			nodes := st.Nodes
			heap := heapAfterGC()
			rss, peak := selfRSS(b)
			if path := os.Getenv("KAPGRAPH_HEAP_PROFILE"); path != "" {
				writeHeapProfile(b, path)
			}
			runtime.KeepAlive(s)
			b.ReportMetric(took.Seconds(), "loadS")
			b.ReportMetric(cpu.Seconds(), "genAndLoadCpuS")
			b.ReportMetric(float64(heap)/(1<<20), "liveMB")
			b.ReportMetric(float64(heap)/float64(nodes), "liveB/node")
			b.ReportMetric(float64(rss)/(1<<20), "rssMB")
			b.ReportMetric(float64(peak)/(1<<20), "peakRssMB")
			b.Logf("%s: %d nodes loaded in %.1f s, live heap %d MB, RSS %d MB, peak %d MB", size, nodes, took.Seconds(), heap>>20, rss>>20, peak>>20)
			// As kapgraph serve does before serving.
			packS := packForBench(s)
			b.ReportMetric(packS, "packCpuS")
			memlimit.Settle()
			rss, _ = selfRSS(b)
			b.ReportMetric(float64(rss)/(1<<20), "settledRssMB")
			b.ReportMetric(float64(heapUnused())/(1<<20), "settledSpanFreeMB")
			if path := os.Getenv("KAPGRAPH_HEAP_DUMP"); path != "" {
				f, err := os.Create(path)
				if err != nil {
					b.Fatal(err)
				}
				debug.WriteHeapDump(f.Fd())
				f.Close()
			}
			cpu0 = cpuTime()
			p50, p99, paths := pathLatency(b, s)
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/pathAsks, "paths6CpuMs")
			b.ReportMetric(p50, "paths6P50ms")
			b.ReportMetric(p99, "paths6P99ms")
			b.ReportMetric(float64(paths), "paths6Found")
			rss, _ = selfRSS(b)
			b.ReportMetric(float64(rss)/(1<<20), "rssAfterQueriesMB")
			// A server that keeps answering: the heap grows to the
			// collector's goal (about twice the live heap by default)
			// between collections, so the resident set after a few of
			// them is what the benchmark's end-of-run figure reads.
			rss = servingRSS(b, s)
			b.ReportMetric(float64(rss)/(1<<20), "servingRssMB")
			// What a server idle after its load comes down to, once the
			// runtime has handed back the pages it freed.
			debug.FreeOSMemory()
			rss, _ = selfRSS(b)
			b.ReportMetric(float64(rss)/(1<<20), "idleRssMB")
			// The free room in spans that hold live objects: what
			// fragmentation keeps resident besides the objects.
			b.ReportMetric(float64(heapUnused())/(1<<20), "idleSpanFreeMB")
			if path := os.Getenv("KAPGRAPH_IDLE_HEAP_PROFILE"); path != "" {
				writeHeapProfile(b, path)
			}
			runtime.KeepAlive(s)
		})
	}
}

// pathLatency asks e-paths6 from the first drugs (by id) that have a
// causal claim, one question at a time, and gives the p50 and p99 in
// milliseconds and the paths found in all.
func pathLatency(tb testing.TB, s *Store) (p50, p99 float64, found int) {
	tb.Helper()
	ctx := context.Background()
	page, err := s.ListNodes(ctx, graph.NodeQuery{Category: graph.CategoryDrug, OrderBy: graph.OrderByID, First: 100})
	if err != nil {
		tb.Fatal(err)
	}
	var from []string
	for _, n := range page.Nodes {
		es, err := s.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{n.ID}, Direction: graph.Out, Predicates: graph.CausalPredicates()})
		if err != nil {
			tb.Fatal(err)
		}
		if len(es) > 0 {
			from = append(from, n.ID)
		}
		if len(from) == 20 {
			break
		}
	}
	if len(from) == 0 {
		tb.Fatal("no drug has a causal claim")
	}
	took := make([]float64, 0, pathAsks)
	for i := range pathAsks {
		t0 := time.Now()
		ps, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: from[i%len(from)], MaxHops: 6, First: 10})
		took = append(took, float64(time.Since(t0).Microseconds())/1000)
		if err != nil {
			tb.Fatal(err)
		}
		if i < len(from) {
			found += len(ps)
		}
	}
	slices.Sort(took)
	return took[len(took)/2], took[len(took)*99/100], found
}

// servingRSS asks questions (a mechanism-path search and a page of
// nodes by name) until the collector has run three more times, or a
// minute has passed, and gives the resident set then: what a server that
// keeps answering holds with the default GC.
func servingRSS(tb testing.TB, s *Store) int64 {
	tb.Helper()
	ctx := context.Background()
	page, err := s.ListNodes(ctx, graph.NodeQuery{Category: graph.CategoryDrug, OrderBy: graph.OrderByID, First: 50})
	if err != nil {
		tb.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gc0 := ms.NumGC
	for i, t0 := 0, time.Now(); time.Since(t0) < time.Minute; i++ {
		n := page.Nodes[i%len(page.Nodes)]
		if _, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: n.ID, MaxHops: 6, First: 10}); err != nil {
			tb.Fatal(err)
		}
		if _, err := s.ListNodes(ctx, graph.NodeQuery{NameContains: n.Name[:min(4, len(n.Name))], First: 20}); err != nil {
			tb.Fatal(err)
		}
		if i%20 == 0 {
			runtime.ReadMemStats(&ms)
			if ms.NumGC >= gc0+3 {
				break
			}
		}
	}
	rss, _ := selfRSS(tb)
	return rss
}

// packForBench packs the store as kapgraph serve does after its load,
// unless KAPGRAPH_BENCH_PACK=0, and gives the CPU seconds it took.
func packForBench(s *Store) float64 {
	if os.Getenv("KAPGRAPH_BENCH_PACK") == "0" {
		return 0
	}
	cpu0 := cpuTime()
	s.Pack()
	return (cpuTime() - cpu0).Seconds()
}

// heapUnused is the free room in the heap's spans in use (the runtime's
// /memory/classes/heap/unused:bytes).
func heapUnused() uint64 {
	m := []metrics.Sample{{Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(m)
	return m[0].Value.Uint64()
}

// pathAsks is how many questions pathLatency asks.
const pathAsks = 400

// cpuTime is the CPU time this process has used, user and system: on a
// machine shared with other work it varies less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// writeHeapProfile writes the live heap while the store is still held:
// -memprofile writes its profile after the benchmark, when the store is
// garbage.
func writeHeapProfile(tb testing.TB, path string) {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		tb.Fatal(err)
	}
}

// selfRSS is VmRSS and VmHWM (the peak) of this process, in bytes.
func selfRSS(tb testing.TB) (rss, peak int64) {
	tb.Helper()
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Skip("no /proc/self/status:", err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || (f[0] != "VmRSS:" && f[0] != "VmHWM:") {
			continue
		}
		kb, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			tb.Fatal(err)
		}
		if f[0] == "VmRSS:" {
			rss = kb << 10
		} else {
			peak = kb << 10
		}
	}
	if rss == 0 {
		tb.Fatal("no VmRSS in /proc/self/status")
	}
	return rss, peak
}
