package neo4j

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// BenchmarkLoadSynthetic loads a synthetic graph (internal/synth) into an
// empty database one document at a time, as the published benchmark
// does, and reports relationships written per second of Store.Load
// (generating the documents is not timed). 10k always; 100k and 1m (a
// few minutes, and a server with room for them) only when asked:
//
//	KAPGRAPH_BENCH_100K=1 go test ./graph/neo4j -run '^$' -bench LoadSynthetic -benchtime 1x
//	KAPGRAPH_BENCH_1M=1 ...
//
// "rels/s" is over every document; "rels/s-warm" leaves out the first
// tenth, whose statements are planned and whose JIT is cold.
// KAPGRAPH_BENCH_PROGRESS=1 logs the rate every 50 documents.
// "server-µs/rel" is the Neo4j process's CPU time per relationship, when
// NEO4J_PID names it: on a shared machine, wall time alone says little.
func BenchmarkLoadSynthetic(b *testing.B) {
	ctx := context.Background()
	sizes := []string{"10k"}
	progress := os.Getenv("KAPGRAPH_BENCH_PROGRESS") != ""
	if os.Getenv("KAPGRAPH_BENCH_100K") != "" {
		sizes = append(sizes, "100k")
	}
	if os.Getenv("KAPGRAPH_BENCH_1M") != "" {
		sizes = append(sizes, "1m")
	}
	for _, size := range sizes {
		b.Run(size, func(b *testing.B) {
			s := testStore(b)
			cfg := synth.Config{Nodes: synth.Sizes[size]}
			warmFrom := cfg.Documents() / 10
			var rels, warmRels int
			var took, warmTook, cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				wipe(b, s)
				benchData = ""
				err := synth.All(cfg, 2, func(i int, d *graph.Document) error {
					cpu0 := serverCPU(b)
					start := time.Now()
					_, err := s.Load(ctx, d)
					t := time.Since(start)
					cpu += serverCPU(b) - cpu0
					if progress && (i+1)%50 == 0 {
						// Long runs on a shared machine: the rate so far.
						fmt.Fprintf(os.Stderr, "%s: %d documents, %d rels in %.1fs: %.0f rels/s, server %.1f µs/rel\n",
							size, i+1, rels+len(d.Edges), (took + t).Seconds(), float64(rels+len(d.Edges))/(took+t).Seconds(),
							float64(cpu.Microseconds())/float64(rels+len(d.Edges)))
					}
					rels += len(d.Edges)
					took += t
					if i >= warmFrom {
						warmRels += len(d.Edges)
						warmTook += t
					}
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(rels)/took.Seconds(), "rels/s")
			b.ReportMetric(float64(warmRels)/warmTook.Seconds(), "rels/s-warm")
			if cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/float64(rels), "server-µs/rel")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}

// serverCPU is the Neo4j process's user+system CPU time, from
// /proc/$NEO4J_PID/stat (0 when NEO4J_PID is unset).
func serverCPU(tb testing.TB) time.Duration {
	pid := os.Getenv("NEO4J_PID")
	if pid == "" {
		return 0
	}
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		tb.Fatal(err)
	}
	f := strings.Fields(string(b)[strings.LastIndexByte(string(b), ')')+2:])
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return time.Duration(u+s) * 10 * time.Millisecond
}
