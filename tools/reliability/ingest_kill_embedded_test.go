package reliability_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/testutil"
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/tools/reliability"
)

// ingestKillEmbedded is TestIngestKill9 on the embedded store: each run
// stops loader.Ingest at random points (one, or two for every other run),
// then reruns it on the same store and compares the whole graph with a
// clean load's.
func ingestKillEmbedded(t *testing.T, corpus string, runs int, rng *rand.Rand) {
	clean := memory.New()
	start := time.Now()
	if _, err := embeddedIngest(context.Background(), t, clean, corpus, nil); err != nil {
		t.Fatalf("clean ingest: %v", err)
	}
	took := time.Since(start)
	t.Logf("clean embedded ingest of %d articles in %s", killArticles, took.Round(time.Millisecond))
	want, nodes, edges := testutil.GraphJSON(t, clean)

	for k := range runs {
		s := memory.New()
		var at []string
		for range 1 + k%2 {
			at = append(at, stopAt(t, s, corpus, rng, took/killArticles))
		}
		res, err := embeddedIngest(context.Background(), t, s, corpus, nil)
		got, n, e := testutil.GraphJSON(t, s)
		summary := ""
		if res != nil {
			summary = fmt.Sprintf("%d loaded, %d unchanged, %d removed, %d skipped", res.Loaded, res.Unchanged, res.Removed, res.Failed)
		}
		reliability.Record(t, reliability.Case{Area: "ingest",
			Name:   fmt.Sprintf("embedded, run %d: stop %s, then rerun on the same store", k+1, strings.Join(at, "; then ")),
			Expect: fmt.Sprintf("the clean graph: %d nodes, %d edges, the same ids and properties", nodes, edges),
			Got:    fmt.Sprintf("%d nodes, %d edges, identical: %v", n, e, bytes.Equal(got, want)),
			OK:     err == nil && bytes.Equal(got, want) && res != nil && res.Failed == 0,
			Detail: "rerun: " + summary,
		})
	}
}

func embeddedIngest(ctx context.Context, t *testing.T, s graph.CorpusStore, corpus string, progress func(loader.Progress)) (*loader.IngestResult, error) {
	t.Helper()
	f, err := loader.DirFolder(corpus)
	if err != nil {
		t.Fatal(err)
	}
	base, err := loader.DirFolder(repoRoot() + "/seeds")
	if err != nil {
		t.Fatal(err)
	}
	return loader.Ingest(ctx, s, loader.IngestOptions{Corpus: f, Base: []loader.Folder{base}, Workers: 2, Progress: progress})
}

// stopAt runs an ingest on s and cancels it at a random point
// (killPoint; start-up is short in process: up to one article's time). It
// says where the stop fell.
func stopAt(t *testing.T, s graph.CorpusStore, corpus string, rng *rand.Rand, per time.Duration) string {
	t.Helper()
	after, extra, where := killPoint(rng, per, per)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	done := 0
	var once sync.Once
	fire := func() { once.Do(func() { time.AfterFunc(extra, cancel) }) }
	if after == 0 {
		fire()
	}
	_, err := embeddedIngest(ctx, t, s, corpus, func(p loader.Progress) {
		mu.Lock()
		defer mu.Unlock()
		if done < after {
			done = p.Done
			if done >= after {
				fire()
			}
		}
	})
	switch {
	case err == nil:
		where += " (it had finished)"
	case !errors.Is(err, context.Canceled):
		t.Errorf("a stopped ingest: got %v, want context.Canceled", err)
	}
	return where
}
