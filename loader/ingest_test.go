package loader_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/internal/testutil"
	"github.com/kapgraph/kapgraph/loader"
)

const corpusSeed = 7

func seedsBase(t *testing.T) []loader.Folder {
	t.Helper()
	f, err := loader.DirFolder("../seeds")
	if err != nil {
		t.Fatal(err)
	}
	return []loader.Folder{f}
}

func ingest(t *testing.T, s graph.CorpusStore, dir string, progress func(loader.Progress)) (*loader.IngestResult, error) {
	t.Helper()
	f, err := loader.DirFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	return loader.Ingest(context.Background(), s, loader.IngestOptions{Corpus: f, Base: seedsBase(t), Workers: 3, Progress: progress})
}

// snapshot is the whole graph as canonical JSON.
func snapshot(t *testing.T, s graph.Store) []byte {
	t.Helper()
	b, _, _ := testutil.GraphJSON(t, s)
	return b
}

// engines are the stores the ingest tests run on: the embedded one, and
// Neo4j when NEO4J_URI is set (always in CI). Each call gives an empty store.
func engines(t *testing.T) map[string]func(t *testing.T) graph.CorpusStore {
	m := map[string]func(t *testing.T) graph.CorpusStore{
		"embedded": func(*testing.T) graph.CorpusStore { return memory.New() },
	}
	m["neo4j"] = func(t *testing.T) graph.CorpusStore { return freshNeo4j(t) }
	return m
}

var neo4jUnlock = map[*testing.T]bool{}

// freshNeo4j empties the test database and opens a store on it.
func freshNeo4j(t *testing.T) *neo4j.Store {
	t.Helper()
	neo4jtest.RequireServer(t)
	ctx := context.Background()
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	if !neo4jUnlock[t] {
		unlock, err := neo4jtest.Lock(cfg.URI, cfg.Database)
		if err != nil {
			t.Fatal(err)
		}
		neo4jUnlock[t] = true
		t.Cleanup(func() { unlock(); delete(neo4jUnlock, t) })
	}
	wipeNeo4j(t, cfg)
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(ctx) })
	return s
}

func wipeNeo4j(t *testing.T, cfg neo4j.Config) {
	t.Helper()
	if err := neo4jtest.Wipe(context.Background(), cfg.URI, cfg.Username, cfg.Password, cfg.Database); err != nil {
		t.Fatal(err)
	}
}

// TestIngestIncremental: a second ingest of the same folder writes
// nothing; after one file changed, one removed, one added and one broken,
// it writes two documents, removes one, names the broken file, and the
// graph equals a clean ingest of the folder as it is now. On both engines.
func TestIngestIncremental(t *testing.T) {
	for name, open := range engines(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := synth.WriteCorpus(dir, corpusSeed, 12, 3); err != nil {
				t.Fatal(err)
			}
			s := open(t)
			res, err := ingest(t, s, dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Loaded != 12 || res.Unchanged != 0 || res.Failed != 0 {
				t.Fatalf("first ingest: %+v", res.Progress)
			}
			res, err = ingest(t, s, dir, nil)
			if err != nil || res.Loaded != 0 || res.Unchanged != 12 || res.Removed != 0 {
				t.Fatalf("second ingest should skip every file: %+v, %v", res, err)
			}

			os.WriteFile(filepath.Join(dir, synth.ArticleName(4, false)), synth.Article(corpusSeed, 4, 1, false), 0o644)
			os.Remove(filepath.Join(dir, synth.ArticleName(5, true)))
			os.MkdirAll(filepath.Join(dir, "more"), 0o755)
			os.WriteFile(filepath.Join(dir, "more", synth.ArticleName(40, true)), synth.Article(corpusSeed, 40, 0, true), 0o644)
			os.WriteFile(filepath.Join(dir, "broken.xml"), []byte("<article><front>"), 0o644)
			res, err = ingest(t, s, dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Loaded != 2 || res.Unchanged != 10 || res.Removed != 1 || res.Failed != 1 || len(res.Problems) != 1 ||
				filepath.Base(res.Problems[0].File) != "broken.xml" {
				t.Fatalf("after the edits: %+v", res)
			}
			// A file renamed: the same document, recorded under its new name.
			if err := os.Rename(filepath.Join(dir, synth.ArticleName(6, false)), filepath.Join(dir, "more", "renamed.txt")); err != nil {
				t.Fatal(err)
			}
			res, err = ingest(t, s, dir, nil)
			if err != nil || res.Loaded != 1 || res.Removed != 0 {
				t.Fatalf("after a rename: %+v, %v", res, err)
			}
			got := snapshot(t, s)
			// Stats too, read before a clean ingest (on Neo4j, into the same
			// database): Neo4j keeps a summary that Remove must update.
			gs, err1 := s.Stats(context.Background())

			clean := open(t)
			if _, err := ingest(t, clean, dir, nil); err != nil {
				t.Fatal(err)
			}
			if want := snapshot(t, clean); !bytes.Equal(got, want) {
				t.Errorf("incremental graph (%d bytes) differs from a clean ingest (%d bytes)", len(got), len(want))
			}
			ws, err2 := clean.Stats(context.Background())
			if err1 != nil || err2 != nil || !reflect.DeepEqual(gs, ws) {
				t.Errorf("stats after the incremental ingests %+v differ from a clean ingest's %+v (%v, %v)", gs, ws, err1, err2)
			}
		})
	}
}

// TestIngestResumes: an ingest stopped after k files and run again ends
// with the graph of an uninterrupted one, for several k, on both engines
// (the kill -9 of the real process is tools/reliability's and
// cmd/kapgraph's test; this is the same resume in-process).
func TestIngestResumes(t *testing.T) {
	dir := t.TempDir()
	if err := synth.WriteCorpus(dir, corpusSeed, 10, 2); err != nil {
		t.Fatal(err)
	}
	for name, open := range engines(t) {
		t.Run(name, func(t *testing.T) {
			clean := open(t)
			if _, err := ingest(t, clean, dir, nil); err != nil {
				t.Fatal(err)
			}
			want := snapshot(t, clean)
			for _, k := range []int{1, 4, 9} {
				s := open(t)
				ctx, cancel := context.WithCancel(context.Background())
				f, _ := loader.DirFolder(dir)
				_, err := loader.Ingest(ctx, s, loader.IngestOptions{Corpus: f, Base: seedsBase(t), Workers: 2, Progress: func(p loader.Progress) {
					if p.Done == k {
						cancel()
					}
				}})
				cancel()
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("stopped after %d: got %v, want context.Canceled", k, err)
				}
				res, err := ingest(t, s, dir, nil)
				if err != nil {
					t.Fatal(err)
				}
				if res.Unchanged < k || res.Loaded+res.Unchanged != 10 {
					t.Errorf("stopped after %d, the rerun loaded %d and skipped %d", k, res.Loaded, res.Unchanged)
				}
				if got := snapshot(t, s); !bytes.Equal(got, want) {
					t.Errorf("stopped after %d and resumed: the graph differs from an uninterrupted ingest", k)
				}
			}
		})
	}
}
