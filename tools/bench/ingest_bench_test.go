package bench

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/loader"
)

// The quick ingest benchmark, on the embedded store (the quick run's Neo4j
// holds the read benchmark's graph; kapbench's ingest step measures
// Neo4j). One op is one article: read, parsed, extracted and loaded.
func BenchmarkIngest(b *testing.B) {
	for _, w := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			dir := b.TempDir()
			if err := synth.WriteCorpus(dir, synth.DefaultSeed, b.N, 2); err != nil {
				b.Fatal(err)
			}
			corpus, err := loader.DirFolder(dir)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			res, err := loader.Ingest(context.Background(), memory.New(), loader.IngestOptions{Corpus: corpus, Base: []loader.Folder{SeedsFolder()}, Workers: w})
			if err != nil {
				b.Fatal(err)
			}
			if res.Loaded != b.N {
				b.Fatalf("loaded %d of %d articles: %v", res.Loaded, b.N, res.Problems)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkIngestReload1pct: one op is a re-ingest of a 200-article corpus
// with 1% of its files changed; reload-%-of-first is its time as a share
// of the first ingest's (issue 19's target: under 5% at 10,000 articles).
func BenchmarkIngestReload1pct(b *testing.B) {
	const docs = 200
	dir := b.TempDir()
	if err := synth.WriteCorpus(dir, synth.DefaultSeed, docs, 2); err != nil {
		b.Fatal(err)
	}
	corpus, err := loader.DirFolder(dir)
	if err != nil {
		b.Fatal(err)
	}
	opts := loader.IngestOptions{Corpus: corpus, Base: []loader.Folder{SeedsFolder()}}
	s := memory.New()
	first, err := loader.Ingest(context.Background(), s, opts)
	if err != nil {
		b.Fatal(err)
	}
	var reload time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		if err := ChangeArticles(dir, docs/100, docs, i); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := loader.Ingest(context.Background(), s, opts)
		if err != nil {
			b.Fatal(err)
		}
		if res.Loaded != docs/100 || res.Unchanged != docs-docs/100 {
			b.Fatalf("re-ingest loaded %d and skipped %d", res.Loaded, res.Unchanged)
		}
		reload += res.Elapsed
	}
	b.ReportMetric(100*reload.Seconds()/float64(b.N)/first.Elapsed.Seconds(), "reload-%-of-first")
}
