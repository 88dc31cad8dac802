package memory

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/memlimit"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// BenchmarkPathsAfterLoad asks path questions right after a load, in the
// order the benchmark harness (tools/bench) asks them of a freshly
// started embedded server: the graph is loaded and settled (the load's
// garbage handed back, as kapserve and kapgraph serve do), every source
// of the sample is asked once at maxHops 4 and 6 (its correctness check),
// and then cells of questions drawn with the harness's Zipf law over the
// sample, one client, d-paths4 and e-paths6 in turn. The 1-client cells
// at 1M regressed after the claims became records built on first read
// (ANALYSIS.md); this separates what the first questions pay from what
// later ones do, with the collector's CPU time, cycles and page faults of
// each phase, so that a profile, not a guess, says where the time goes.
//
//	KAPGRAPH_BENCH_1M=1 go test -run XXX -bench 'BenchmarkPathsAfterLoad/1m' -benchtime 1x ./graph/memory
//
// KAPGRAPH_BENCH_SETTLE=0 collects without handing pages back, =free
// hands back every free page (debug.FreeOSMemory); by default it settles
// as the servers do (memlimit.Settle).
// KAPGRAPH_BENCH_PACK=0 leaves out Store.Pack, which the servers run first.
// KAPGRAPH_CPU_PROFILE=file profiles the cells (after the check).
func BenchmarkPathsAfterLoad(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size, func(b *testing.B) {
			var s *Store
			cpu0 := cpuTime()
			for range b.N {
				s = New()
				err := synth.All(synth.Config{Nodes: synth.Sizes[size]}, runtime.GOMAXPROCS(0), func(i int, d *graph.Document) error {
					_, err := s.Load(context.Background(), d)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric((cpuTime() - cpu0).Seconds(), "genAndLoadCpuS")
			rss, _ := selfRSS(b)
			b.ReportMetric(float64(rss)/(1<<20), "loadedRssMB")
			b.ReportMetric(packForBench(s), "packCpuS")
			settle0, settleCPU0 := time.Now(), cpuTime()
			switch os.Getenv("KAPGRAPH_BENCH_SETTLE") {
			case "0":
				runtime.GC()
			case "free":
				debug.FreeOSMemory() // memlimit.Settle before this branch
			default:
				memlimit.Settle()
			}
			b.ReportMetric(time.Since(settle0).Seconds(), "settleS")
			b.ReportMetric((cpuTime() - settleCPU0).Seconds(), "settleCpuS")
			b.ReportMetric(float64(liveNow())/(1<<20), "liveMB")
			rss, _ = selfRSS(b)
			b.ReportMetric(float64(rss)/(1<<20), "settledRssMB")

			from := pathSources(b, s, 128)
			ctx := context.Background()
			ask := func(id string, hops int) time.Duration {
				t0 := time.Now()
				if _, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: id, MaxHops: hops, First: 10}); err != nil {
					b.Fatal(err)
				}
				return time.Since(t0)
			}
			// The check: every source once, at 4 then 6 hops.
			ph := startPhase()
			var first []time.Duration
			for _, hops := range []int{4, 6} {
				for _, id := range from {
					first = append(first, ask(id, hops))
				}
			}
			ph.report(b, "check", first)
			rss, _ = selfRSS(b)
			b.ReportMetric(float64(rss)/(1<<20), "checkedRssMB")

			if path := os.Getenv("KAPGRAPH_CPU_PROFILE"); path != "" {
				f, err := os.Create(path)
				if err != nil {
					b.Fatal(err)
				}
				if err := pprof.StartCPUProfile(f); err != nil {
					b.Fatal(err)
				}
				defer func() { pprof.StopCPUProfile(); f.Close() }()
			}
			// The cells: one client, the harness's Zipf law (s 1.15, v 2)
			// over the sample, most popular first.
			zipf := rand.NewZipf(rand.New(rand.NewSource(20260601)), 1.15, 2, uint64(len(from)-1))
			const cellAsks, rounds = 400, 4
			for round := range rounds {
				for _, hops := range []int{4, 6} {
					ph := startPhase()
					took := make([]time.Duration, 0, cellAsks)
					for range cellAsks {
						took = append(took, ask(from[zipf.Uint64()], hops))
					}
					ph.report(b, fmt.Sprintf("r%dp%d", round+1, hops), took)
				}
			}
			b.ReportMetric(float64(liveNow())/(1<<20), "liveAfterMB")
			rss, _ = selfRSS(b)
			b.ReportMetric(float64(rss)/(1<<20), "servedRssMB")
			runtime.KeepAlive(s)
		})
	}
}

// pathSources are the first n drugs by id with a causal claim out, in
// an order drawn with a fixed seed (the harness ranks its sample so).
func pathSources(tb testing.TB, s *Store, n int) []string {
	tb.Helper()
	ctx := context.Background()
	var drugs []*graph.Node
	for after := ""; len(drugs) < 8*n; {
		page, err := s.ListNodes(ctx, graph.NodeQuery{Category: graph.CategoryDrug, OrderBy: graph.OrderByID, First: 100, After: after})
		if err != nil {
			tb.Fatal(err)
		}
		drugs = append(drugs, page.Nodes...)
		if !page.HasNext || len(page.Nodes) == 0 {
			break
		}
		after = page.EndCursor
	}
	var from []string
	for _, nd := range drugs {
		es, err := s.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{nd.ID}, Direction: graph.Out, Predicates: graph.CausalPredicates()})
		if err != nil {
			tb.Fatal(err)
		}
		if len(es) > 0 {
			from = append(from, nd.ID)
		}
		if len(from) == n {
			break
		}
	}
	if len(from) < 2 {
		tb.Fatal("fewer than two drugs have a causal claim")
	}
	rand.New(rand.NewSource(20260601)).Shuffle(len(from), func(i, j int) { from[i], from[j] = from[j], from[i] })
	return from
}

// phase holds the process's counters at the start of a run of questions.
type phase struct {
	cpu, gcCPU, faults float64
	cycles             uint64
	wall               time.Time
}

func startPhase() phase {
	gc, cycles := gcCounters()
	return phase{cpu: cpuTime().Seconds(), gcCPU: gc, faults: minorFaults(), cycles: cycles, wall: time.Now()}
}

// report gives the phase's p50 and p99, its CPU per question, the
// collector's time (the runtime's estimate, which counts its idle-time
// workers on an otherwise idle core), its collections and its page faults.
func (p phase) report(tb testing.TB, name string, took []time.Duration) {
	gc, cycles := gcCounters()
	cpu := cpuTime().Seconds() - p.cpu
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	n := len(took)
	p50, p99 := ms(took[n/2]), ms(took[min(n-1, n*99/100)])
	tb.Logf("%-7s %4d asks in %6.2f s: p50 %6.2f p99 %7.2f max %7.2f ms; CPU %5.2f ms/ask, GC %4.0f ms, %d GCs, %.0f faults/ask",
		name, n, time.Since(p.wall).Seconds(), p50, p99, ms(took[n-1]), 1000*cpu/float64(n), 1000*(gc-p.gcCPU), cycles-p.cycles, (minorFaults()-p.faults)/float64(n))
	if b, ok := tb.(*testing.B); ok {
		b.ReportMetric(p50, name+"P50ms")
		b.ReportMetric(p99, name+"P99ms")
	}
}

// gcCounters are the collector's CPU seconds (its workers and assists)
// and its completed cycles.
func gcCounters() (cpu float64, cycles uint64) {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Float64(), s[1].Value.Uint64()
}

func minorFaults() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Minflt)
}

// liveNow is the live heap after a collection.
func liveNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
