package memory

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// BenchmarkResident loads a synthetic graph the way kapserve does, handing
// each document to the store and keeping no reference to it, and reports
// what the process then holds: the live heap after a collection (the
// store with the documents it keeps) and the resident set. BenchmarkLoadSynthetic's
// storeMB leaves out the documents, which the caller holds there; a server
// does not, so this is the figure a server's memory follows.
func BenchmarkResident(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size, func(b *testing.B) {
			var s *Store
			var took time.Duration
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
			nodes := s.cur().stats.Nodes
			heap := heapAfterGC()
			rss := selfRSS(b)
			if path := os.Getenv("KAPGRAPH_HEAP_PROFILE"); path != "" {
				writeHeapProfile(b, path)
			}
			runtime.KeepAlive(s)
			b.ReportMetric(took.Seconds(), "loadS")
			b.ReportMetric(float64(heap)/(1<<20), "liveMB")
			b.ReportMetric(float64(heap)/float64(nodes), "liveB/node")
			b.ReportMetric(float64(rss)/(1<<20), "rssMB")
			// What a server idle after its load comes down to, once the
			// runtime has handed back the pages it freed.
			debug.FreeOSMemory()
			b.ReportMetric(float64(selfRSS(b))/(1<<20), "idleRssMB")
			runtime.KeepAlive(s)
		})
	}
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

// selfRSS is VmRSS of this process, in bytes.
func selfRSS(tb testing.TB) int64 {
	tb.Helper()
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Skip("no /proc/self/status:", err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				tb.Fatal(err)
			}
			return kb << 10
		}
	}
	tb.Fatal("no VmRSS in /proc/self/status")
	return 0
}
