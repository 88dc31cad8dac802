package neo4j

import (
	"context"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// BenchmarkBulkImportSynthetic bulk-loads a synthetic graph
// (internal/synth) into the emptied test database through
// scripts/neo4j.sh import (which restarts the test server) and reports
// the importer's relationships/s, and the seconds of each step around it.
// 10k by default; KAPGRAPH_BENCH_BULK=100k or 1m for the larger graphs:
//
//	KAPGRAPH_BENCH_BULK=1m go test ./graph/neo4j -run '^$' -bench BulkImport -benchtime 1x
func BenchmarkBulkImportSynthetic(b *testing.B) {
	ctx := context.Background()
	size := os.Getenv("KAPGRAPH_BENCH_BULK")
	if size == "" {
		size = "10k"
	}
	b.Run(size, func(b *testing.B) {
		s := testStore(b)
		cfg := synth.Config{Nodes: synth.Sizes[size]}
		var res BulkResult
		for b.Loop() {
			b.StopTimer()
			wipe(b, s)
			benchData = ""
			bulk, err := s.NewBulk(ctx, b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			if err := synth.All(cfg, runtime.GOMAXPROCS(0), func(_ int, d *graph.Document) error {
				_, err := bulk.Load(ctx, d)
				return err
			}); err != nil {
				b.Fatal(err)
			}
			var out strings.Builder
			b.StartTimer()
			res, err = bulk.Import(ctx, testImporter(b, &out))
			if err != nil {
				b.Fatalf("%v\n%s", err, out.String())
			}
		}
		b.ReportMetric(res.RelationshipsPerSecond(), "rels/s")
		b.ReportMetric(float64(res.Relationships), "rels")
		b.ReportMetric(float64(res.Nodes), "nodes")
		b.ReportMetric(res.CSV.Seconds(), "csv-s")
		b.ReportMetric(res.Import.Seconds(), "import-s")
		b.ReportMetric((res.Run - res.Import).Seconds(), "restart-s")
		b.ReportMetric(res.Schema.Seconds(), "schema-s")
		b.ReportMetric(res.Online.Seconds(), "online-s")
		b.ReportMetric(res.Indexes.Seconds(), "index-s")
		b.ReportMetric(res.Summary.Seconds(), "summary-s")
		// Until the graph answers with its indexes: the whole Import.
		ready := (res.CSV + res.Run + res.Schema).Seconds()
		b.ReportMetric(ready, "ready-s")
		b.ReportMetric(float64(res.Relationships)/ready, "ready-rels/s")
		b.ReportMetric(0, "ns/op")
	})
}
