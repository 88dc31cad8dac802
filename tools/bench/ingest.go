// Corpus ingest figures (issue 19): documents/s parsed and extracted on
// one core and on all, a first ingest into Neo4j, and a re-ingest with 1%
// of the files changed. kapbench measures them after the read benchmark
// (-ingest-docs); BenchmarkIngest is the quick version.

package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/seeds"
)

// IngestFigures are what MeasureIngest measured.
type IngestFigures struct {
	Docs int `json:"docs"`
	CPUs int `json:"cpus"`
	// Documents a second read, parsed, extracted and loaded into the
	// embedded store, with one worker and with one per CPU.
	DocsPerSec1   float64 `json:"docsPerSec1"`
	DocsPerSecAll float64 `json:"docsPerSecAll"`
	// The first ingest of the corpus into an empty Neo4j.
	FirstSeconds float64 `json:"firstSeconds"`
	FirstEdges   int     `json:"firstEdges"`
	// The re-ingest after ReloadFiles files changed.
	ReloadFiles   int     `json:"reloadFiles"`
	ReloadSeconds float64 `json:"reloadSeconds"`
	LoadAvg       string  `json:"loadAverage"`
}

// SeedsFolder is the built-in seeds, whose lexicon a corpus is read with.
func SeedsFolder() loader.Folder { return loader.Folder{FS: seeds.FS, Label: "seeds"} }

// MeasureIngest writes a synthetic corpus of docs articles under dir and
// measures it: reading it into the embedded store with one worker and with
// all, then ingesting it into store (empty) and again with 1% of the files
// changed.
func MeasureIngest(ctx context.Context, dir string, docs int, store graph.CorpusStore) (*IngestFigures, error) {
	if err := synth.WriteCorpus(dir, synth.DefaultSeed, docs, 2); err != nil {
		return nil, err
	}
	f := &IngestFigures{Docs: docs, CPUs: runtime.GOMAXPROCS(0)}
	corpus, err := loader.DirFolder(dir)
	if err != nil {
		return nil, err
	}
	opts := func(workers int) loader.IngestOptions {
		return loader.IngestOptions{Corpus: corpus, Base: []loader.Folder{SeedsFolder()}, Workers: workers}
	}
	for _, w := range []int{1, f.CPUs} {
		res, err := loader.Ingest(ctx, memory.New(), opts(w))
		if err != nil {
			return nil, err
		}
		rate := float64(res.Loaded) / res.Elapsed.Seconds()
		if w == 1 {
			f.DocsPerSec1 = rate
		} else {
			f.DocsPerSecAll = rate
		}
	}
	res, err := loader.Ingest(ctx, store, opts(0))
	if err != nil {
		return nil, err
	}
	f.FirstSeconds, f.FirstEdges = res.Elapsed.Seconds(), res.Edges
	f.ReloadFiles = max(1, docs/100)
	if err := ChangeArticles(dir, f.ReloadFiles, docs, 0); err != nil {
		return nil, err
	}
	res, err = loader.Ingest(ctx, store, opts(0))
	if err != nil {
		return nil, err
	}
	if res.Loaded != f.ReloadFiles {
		return nil, fmt.Errorf("the re-ingest loaded %d files, want the %d changed", res.Loaded, f.ReloadFiles)
	}
	f.ReloadSeconds = res.Elapsed.Seconds()
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		f.LoadAvg = string(b[:len(b)-1])
	}
	return f, nil
}

// ChangeArticles rewrites n articles of a corpus of docs written by
// synth.WriteCorpus (jatsEvery 2), spread over it, as edited files are:
// the same ids, one sentence changed. Each round gives new content.
func ChangeArticles(dir string, n, docs, round int) error {
	for k := range n {
		i := k * docs / n
		jats := i%2 == 1
		if err := os.WriteFile(filepath.Join(dir, synth.ArticleName(i, jats)), synth.Article(synth.DefaultSeed, i, 1+round*n+k, jats), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// IngestTargets are the Targets rows of the ingest figures.
func (f *IngestFigures) IngestTargets() [][3]string {
	if f == nil {
		return nil
	}
	share := f.ReloadSeconds / f.FirstSeconds
	return [][3]string{
		{fmt.Sprintf("corpus ingest: documents/s read, parsed, extracted (and loaded, embedded) on 1 core and on all %d", f.CPUs),
			fmt.Sprintf("%s docs/s on 1 core, %s on %d (%d documents)", fnum(f.DocsPerSec1), fnum(f.DocsPerSecAll), f.CPUs, f.Docs), "reported"},
		{"corpus ingest into Neo4j (kapgraph ingest: parse, extract, Store.Load), relationships/s",
			fmt.Sprintf("%s rels/s (%d relationships in %.1f s)", fnum(float64(f.FirstEdges)/f.FirstSeconds), f.FirstEdges, f.FirstSeconds), "reported"},
		{fmt.Sprintf("%d documents: re-ingest with 1%% changed < 5%% of the first load", f.Docs),
			fmt.Sprintf("%.1f s vs %.1f s (%.1f%%), %d files changed", f.ReloadSeconds, f.FirstSeconds, 100*share, f.ReloadFiles), verdict(share < 0.05, true)},
	}
}
