package neo4j

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
)

// bigDocument is a synthetic document of nodes owned by it and edges
// among them, large enough that its load transaction runs for a while.
func bigDocument(id string, nodes, edges int) *graph.Document {
	d := &graph.Document{ID: id}
	d.Nodes = append(d.Nodes, graph.Node{ID: id, Category: graph.CategoryReview, Name: "Synthetic review " + id, Document: id})
	for i := 1; i < nodes; i++ {
		d.Nodes = append(d.Nodes, graph.Node{ID: fmt.Sprintf("%s/p%d", id, i), Category: graph.CategoryPassage,
			Name: fmt.Sprintf("Passage %d of the synthetic review", i), Text: "Ketamine reduced craving in the synthetic passage.",
			Document: id, Ordinal: i})
	}
	for i := 0; i < edges; i++ {
		a, b := i%nodes, (i*7919+1)%nodes
		d.Edges = append(d.Edges, graph.Edge{ID: fmt.Sprintf("%s/e%d", id, i), Subject: d.Nodes[a].ID, Predicate: graph.Mentions,
			Object: d.Nodes[b].ID, Document: id, Score: 1})
	}
	return d
}

// TestCrashDuringLoad kills the Neo4j server (SIGKILL, no clean shutdown)
// while a large document's load transaction is writing, starts it again,
// and checks that nothing of the document was committed. It needs its own
// server, so it runs an isolated instance; it is slow, so it runs only with
// KAPGRAPH_CRASH_TEST=1.
func TestCrashDuringLoad(t *testing.T) {
	if os.Getenv("KAPGRAPH_CRASH_TEST") != "1" {
		t.Skip("set KAPGRAPH_CRASH_TEST=1 to run the crash test (it starts and kills its own Neo4j)")
	}
	if _, err := os.Stat(filepath.Join(repoRoot(), "scripts", "neo4j.sh")); err != nil {
		t.Fatalf("the crash test needs scripts/neo4j.sh: %v", err)
	}
	// One transaction holds the whole document: give it room (the
	// launcher's default is 128 MiB per transaction).
	inst := &instance{home: filepath.Join(t.TempDir(), "neo4j"), port: freePort(), heap: "3g", env: []string{
		"KAPGRAPH_NEO4J_CONF_db_memory_transaction_max=2g",
		"KAPGRAPH_NEO4J_CONF_dbms_memory_transaction_total_max=2g",
	}}
	cfg, err := inst.start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := inst.run("stop"); err != nil {
			t.Errorf("stopping the crash-test Neo4j: %v", err)
		}
	})
	cfg.MaxTransactionRetryTime = 2 * time.Second // give up quickly once the server is gone
	ctx := context.Background()
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	// A committed document that must survive the crash intact.
	base := bigDocument("KAP:crash-base", 100, 300)
	if _, err := s.Load(ctx, base); err != nil {
		t.Fatal(err)
	}

	doc := bigDocument("KAP:crash", 20000, 200000)
	done := make(chan error, 1)
	started := time.Now()
	go func() {
		_, err := s.Load(ctx, doc)
		done <- err
	}()

	// Wait until the load's transaction is creating relationships: its
	// nodes are written (uncommitted) by then.
	var phase string
	for deadline := time.Now().Add(5 * time.Minute); ; {
		select {
		case err := <-done:
			t.Fatalf("the load finished (err %v) before the server could be killed; make the document larger", err)
		default:
		}
		recs := cypher(t, s, "SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.op = 'Load' AND metaData.document = $doc RETURN currentQuery",
			map[string]any{"doc": doc.ID})
		if len(recs) > 0 {
			phase, _ = recs[0].Values[0].(string)
			if strings.Contains(phase, "CREATE (s)-[r:") {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the load never reached the relationship phase (last query %q)", phase)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("killing the server %v into the load", time.Since(started).Round(time.Millisecond))
	if err := inst.run("kill"); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		t.Logf("the load returned %s: %v", graph.ErrorCode(err), err)
		if err == nil {
			t.Fatal("the load reported success although the server died under it")
		}
		if code := graph.ErrorCode(err); code != graph.EUNAVAILABLE {
			t.Errorf("the load failed with %s, want EUNAVAILABLE", code)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the load did not return after the server was killed")
	}

	if _, err := inst.start(); err != nil {
		t.Fatal(err)
	}
	restarted := time.Now()
	// The driver reconnects by itself; the store was marked down and
	// recovers on the next call.
	for {
		if err := s.Ping(ctx); err == nil {
			break
		} else if time.Since(restarted) > 2*time.Minute {
			t.Fatalf("the store did not recover after the restart: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	nodes := count(t, s, "MATCH (n:Entity) WHERE n.document = $doc RETURN count(n)", map[string]any{"doc": doc.ID})
	rels := count(t, s, "MATCH ()-[r:MENTIONS]->() WHERE r.document = $doc RETURN count(r)", map[string]any{"doc": doc.ID})
	markers := count(t, s, "MATCH (d:KapgraphDocument {id: $doc}) RETURN count(d)", map[string]any{"doc": doc.ID})
	t.Logf("after the restart: %d nodes, %d relationships and %d document markers of the killed load", nodes, rels, markers)
	if nodes != 0 || rels != 0 || markers != 0 {
		t.Errorf("a killed load left part of its document: %d nodes, %d relationships, %d markers", nodes, rels, markers)
	}
	bn := count(t, s, "MATCH (n:Entity) WHERE n.document = $doc RETURN count(n)", map[string]any{"doc": base.ID})
	br := count(t, s, "MATCH ()-[r:MENTIONS]->() WHERE r.document = $doc RETURN count(r)", map[string]any{"doc": base.ID})
	if bn != len(base.Nodes) || br != len(base.Edges) {
		t.Errorf("the committed document changed: %d nodes, %d relationships, want %d and %d", bn, br, len(base.Nodes), len(base.Edges))
	}
	// And the document loads whole afterwards.
	start := time.Now()
	res, err := s.Load(ctx, doc)
	if err != nil {
		t.Fatalf("loading after the restart: %v", err)
	}
	t.Logf("loaded %d nodes and %d edges in one transaction in %v after the restart (%+v)", len(doc.Nodes), len(doc.Edges), time.Since(start), *res)
	if res.Replaced {
		t.Error("the killed load must not count as an earlier version")
	}
}
