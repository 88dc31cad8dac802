//go:build loadprofile

package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// TestLoadWriters loads synthetic documents fresh with 1, 2, ... writers
// (KAPGRAPH_PHASE_WRITERS, default "1,2"), each document in its own
// managed write transaction (retried on deadlock as Load's are), and logs
// the wall time, the Neo4j process's CPU per relationship (NEO4J_PID),
// the number of retried transactions and a fingerprint of the resulting
// graph: whether concurrent writers pay on this machine, and whether they
// give the graph a sequential load gives.
func TestLoadWriters(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	size := 30000
	if v, err := strconv.Atoi(os.Getenv("KAPGRAPH_PHASE_NODES")); err == nil {
		size = v
	}
	var docs []*graph.Document
	if err := synth.All(synth.Config{Nodes: size}, 2, func(_ int, d *graph.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	plans := make([]*loadPlan, len(docs))
	rels := 0
	for i, d := range docs {
		p, err := planLoad(d)
		if err != nil {
			t.Fatal(err)
		}
		plans[i] = p
		rels += len(d.Edges)
	}
	writers := os.Getenv("KAPGRAPH_PHASE_WRITERS")
	if writers == "" {
		writers = "1,2"
	}
	prints := map[string]string{}
	for _, w := range strings.Split(writers, ",") {
		n, err := strconv.Atoi(w)
		if err != nil || n < 1 {
			t.Fatalf("writers %q", w)
		}
		wipe(t, s)
		var attempts atomic.Int64
		jobs := make(chan *loadPlan)
		errs := make(chan error, n)
		var wg sync.WaitGroup
		cpu0 := serverCPU(t)
		start := time.Now()
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range jobs {
					_, err := runTx(ctx, s, "Load", neo4j.AccessModeWrite, nil, func(ctx context.Context, tx neo4j.ManagedTransaction) (*graph.LoadResult, error) {
						attempts.Add(1)
						return p.run(ctx, tx)
					})
					if err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		for _, p := range plans {
			jobs <- p
		}
		close(jobs)
		wg.Wait()
		took := time.Since(start)
		cpu := serverCPU(t) - cpu0
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		fp := graphPrint(t, s)
		prints[fp] += w + " "
		t.Logf("writers %s: %d docs %d rels in %.2fs (%.0f rels/s), %d transactions for %d documents, server CPU %.1fs, %.1f µs/rel, graph %s",
			w, len(docs), rels, took.Seconds(), float64(rels)/took.Seconds(), attempts.Load(), len(docs),
			cpu.Seconds(), float64(cpu.Microseconds())/float64(rels), fp[:12])
	}
	if len(prints) > 1 {
		t.Errorf("the graphs differ by writers: %v", prints)
	}
}

// graphPrint is a hash of every node (labels, properties but the
// document version) and relationship (type, ends, properties).
func graphPrint(t *testing.T, s *Store) string {
	h := sha256.New()
	for _, q := range []string{
		"MATCH (n) RETURN [labels(n), n {.*, version: null}] AS x",
		"MATCH (a)-[r]->(b) RETURN [type(r), a.id, b.id, properties(r)] AS x",
	} {
		var lines []string
		for _, r := range cypher(t, s, q, nil) {
			b, err := json.Marshal(r.Values[0])
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, string(b))
		}
		slices.Sort(lines)
		for _, l := range lines {
			h.Write([]byte(l + "\n"))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
