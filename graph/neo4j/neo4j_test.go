package neo4j

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

func TestConformance(t *testing.T) {
	s := testStore(t)
	storetest.Run(t, func(t *testing.T) graph.Store {
		wipe(t, s)
		return s
	})
}

// A write smuggled into the read path is refused by Neo4j itself, not by
// a check of ours: reads really run in read transactions.
func TestReadTransactionRefusesWrites(t *testing.T) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	wantAccessMode := func(t *testing.T, err error) {
		t.Helper()
		var ne *neo4j.Neo4jError
		if !errors.As(err, &ne) {
			t.Fatalf("want a Neo4j error, got %v", err)
		}
		if ne.Code != "Neo.ClientError.Statement.AccessMode" {
			t.Fatalf("want Neo.ClientError.Statement.AccessMode, got %s: %s", ne.Code, ne.Msg)
		}
	}
	t.Run("managed read transaction", func(t *testing.T) {
		_, err := readTx(ctx, s, "test", func(ctx context.Context, tx neo4j.ManagedTransaction) (int, error) {
			_, err := collect(ctx, tx, "CREATE (n:Entity:Drug {id: 'KAP:smuggled'}) RETURN n.id", nil)
			return 0, err
		})
		wantAccessMode(t, err)
	})
	t.Run("query: auto-commit in a read session", func(t *testing.T) {
		_, err := s.query(ctx, "test", "CREATE (n:Entity:Drug {id: 'KAP:smuggled'}) RETURN n.id", nil)
		wantAccessMode(t, err)
	})
	t.Run("query's retry: ExecuteQuery with readers routing", func(t *testing.T) {
		_, err := s.executeRaw(ctx, "test", "CREATE (n:Entity:Drug {id: 'KAP:smuggled'}) RETURN n.id", nil, neo4j.ExecuteQueryWithReadersRouting())
		wantAccessMode(t, err)
	})
	if n := count(t, s, "MATCH (n) RETURN count(n)", nil); n != 0 {
		t.Errorf("the refused writes left %d nodes", n)
	}
}

// With nothing listening, a load fails fast with EUNAVAILABLE (and so do
// reads and Ping) instead of spending the driver's retry budget.
func TestUnreachableServer(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{URI: "bolt://127.0.0.1:1", Username: "neo4j", Password: "x"})
	if err != nil {
		t.Fatalf("Open must not need the server: %v", err)
	}
	defer s.Close(ctx)
	doc := &graph.Document{ID: "KAP:unreachable", Nodes: []graph.Node{{ID: "KAP:unreachable", Category: graph.CategoryReview, Name: "x", Document: "KAP:unreachable"}}}
	for name, call := range map[string]func() error{
		"Load": func() error { _, err := s.Load(ctx, doc); return err },
		"Node": func() error { _, err := s.Node(ctx, "CHEBI:6121"); return err },
		"Ping": func() error { return s.Ping(ctx) },
		"Search": func() error {
			_, err := s.Search(ctx, graph.SearchQuery{Text: "ketamine"})
			return err
		},
		"EnsureSchema": func() error { return s.EnsureSchema(ctx) },
	} {
		start := time.Now()
		err := call()
		took := time.Since(start)
		if graph.ErrorCode(err) != graph.EUNAVAILABLE {
			t.Errorf("%s: got %v (code %s), want EUNAVAILABLE", name, err, graph.ErrorCode(err))
		}
		if took > 2*time.Second {
			t.Errorf("%s took %v to report an unreachable server", name, took)
		}
	}
}

// Re-loading the seeds leaves the database exactly as the first load did,
// counted by Cypher rather than by the store's own Stats.
func TestReloadSeedsKeepsCounts(t *testing.T) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	seeds := storetest.Seeds(t)
	ids, edges := map[string]bool{}, 0
	for _, d := range seeds {
		for _, n := range d.Nodes {
			ids[n.ID] = true
		}
		edges += len(d.Edges)
	}
	var first [3]int
	for round := 1; round <= 3; round++ {
		start := time.Now()
		for _, d := range seeds {
			res, err := s.Load(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if round > 1 && (!res.Replaced || res.RemovedEdges != len(d.Edges)) {
				t.Errorf("round %d: %+v, want Replaced with %d removed edges", round, res, len(d.Edges))
			}
		}
		t.Logf("round %d: loaded %d documents (%d nodes, %d edges) in %v", round, len(seeds), len(ids), edges, time.Since(start))
		got := [3]int{
			count(t, s, "MATCH (n:Entity) RETURN count(n)", nil),
			count(t, s, "MATCH ()-[r]->() RETURN count(r)", nil),
			count(t, s, "MATCH (n) RETURN count(n)", nil),
		}
		if got[0] != len(ids) || got[1] != edges {
			t.Errorf("round %d: %d nodes and %d relationships, want %d and %d", round, got[0], got[1], len(ids), edges)
		}
		if round == 1 {
			first = got
		} else if got != first {
			t.Errorf("round %d: counts %v, first load %v", round, got, first)
		}
	}
}

// A request deadline reaches the server as a transaction timeout, and the
// error is ETIMEOUT.
func TestDeadlineIsTransactionTimeout(t *testing.T) {
	s := testStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := readTx(ctx, s, "test", func(ctx context.Context, tx neo4j.ManagedTransaction) (int, error) {
		_, err := collect(ctx, tx, "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)", nil)
		return 0, err
	})
	if graph.ErrorCode(err) != graph.ETIMEOUT {
		t.Fatalf("got %v (code %s), want ETIMEOUT", err, graph.ErrorCode(err))
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the timeout took %v to take effect", took)
	}
	// The server stopped the query: nothing of ours is still running.
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := count(t, s, "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS '2000000000' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*)", nil)
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d transactions still run the timed-out query", n)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// The server's own error, without a client deadline, maps the same way.
	if code := classify(&neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"}); code != graph.ETIMEOUT {
		t.Errorf("TransactionTimedOutClientConfiguration maps to %s", code)
	}
}

// Hostile strings reach the database as parameters only, including the
// Lucene query, whose syntax is escaped.
func TestLuceneQueryEscapes(t *testing.T) {
	q := luceneQuery([]string{"a", `b*c`, `x:(y)`}, []graph.Category{graph.CategoryDrug, graph.CategoryStudy})
	want := `+search_text:(a^4 OR a*) +search_text:(b\*c^4 OR b\*c*) +search_text:(x\:\(y\)^4 OR x\:\(y\)*) +category:(Drug OR Study)`
	if q != want {
		t.Errorf("lucene query\n got  %s\n want %s", q, want)
	}
}

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "bolt://localhost:7687", "NEO4J_USERNAME": "u", "NEO4J_PASSWORD": "p"}
	c, ok := ConfigFromEnv(func(k string) string { return env[k] })
	if !ok || c.URI != env["NEO4J_URI"] || c.Username != "u" || c.Password != "p" || c.Database != "neo4j" {
		t.Errorf("ConfigFromEnv = %+v, %v", c, ok)
	}
	if c.MaxConnectionPoolSize != 50 || c.ConnectionAcquisitionTimeout != 5*time.Second || c.ConnectTimeout != 5*time.Second ||
		c.MaxTransactionRetryTime != 10*time.Second || c.LivenessCheckTimeout == 0 {
		t.Errorf("defaults not applied: %+v", c)
	}
	if _, ok := ConfigFromEnv(func(string) string { return "" }); ok {
		t.Error("ok without NEO4J_URI")
	}
	if _, err := Open(context.Background(), Config{URI: "http://localhost:7474"}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("Open with an http URI: %v", err)
	}
}

func TestErrorClassification(t *testing.T) {
	for err, want := range map[error]string{
		&neo4j.ConnectivityError{Inner: errors.New("dial tcp: connection refused")}:                           graph.EUNAVAILABLE,
		&neo4j.TransactionExecutionLimit{Errors: []error{&neo4j.ConnectivityError{Inner: errors.New("eof")}}}: graph.EUNAVAILABLE,
		&neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}:                             graph.EUNAVAILABLE,
		&neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOut"}:                            graph.ETIMEOUT,
		fmt.Errorf("wrapped: %w", context.DeadlineExceeded):                                                   graph.ETIMEOUT,
		&neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}:                                      graph.EINTERNAL,
		errors.New("something else"): graph.EINTERNAL,
	} {
		if got := classify(err); got != want {
			t.Errorf("classify(%v) = %s, want %s", err, got, want)
		}
	}
	s := &Store{}
	err := s.mapErr(context.Background(), "op", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "bad"})
	var ne *neo4j.Neo4jError
	if graph.ErrorCode(err) != graph.EINTERNAL || !errors.As(err, &ne) {
		t.Errorf("EINTERNAL must wrap the driver error: %v", err)
	}
	if s.down.Load() {
		t.Error("an internal error must not mark the store down")
	}
	s.mapErr(context.Background(), "op", &neo4j.ConnectivityError{Inner: errors.New("x")})
	if !s.down.Load() {
		t.Error("an unavailable error must mark the store down")
	}
}

// The Stats summary is checked, not trusted: without it (a database
// written by an older kapgraph) Stats scans and answers the same, and the
// next load rebuilds it.
func TestStatsSummaryRepairs(t *testing.T) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	seeds := storetest.Seeds(t)
	for _, d := range seeds {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	want, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.ByDesign) == 0 {
		t.Fatal("the seeds have no study designs: the test proves nothing")
	}
	covered := func() bool {
		recs := cypher(t, s, "CALL () { "+cypherSummaryCovers+" } RETURN covered", nil)
		return recs[0].Values[0].(bool)
	}
	if !covered() {
		t.Fatal("the summary does not cover the loaded seeds")
	}
	same := func(when string) {
		t.Helper()
		got, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: Stats %+v, want %+v", when, got, want)
		}
	}
	cypher(t, s, "MATCH (s:"+labelStat+") WITH s LIMIT 1 DELETE s", nil)
	if covered() {
		t.Fatal("a summary missing a group still covers")
	}
	same("summary incomplete")
	if _, err := s.Load(ctx, seeds[0]); err != nil {
		t.Fatal(err)
	}
	if !covered() {
		t.Error("a load did not rebuild the summary")
	}
	same("summary rebuilt")
}
