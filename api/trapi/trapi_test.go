package trapi_test

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/seeds"
)

const (
	ketamine   = "CHEBI:6121"
	psilocybin = "CHEBI:8614"
)

func seedDocs(t *testing.T) []*graph.Document {
	t.Helper()
	built, err := loader.LoadFS(seeds.FS, "seeds")
	if err != nil {
		t.Fatalf("building the seeds: %v", err)
	}
	return loader.Documents(built)
}

func memoryStore(t *testing.T) graph.Store { return memoryStoreF(t) }

// memoryStoreF is memoryStore for a test, a benchmark or a fuzz target.
func memoryStoreF(t testing.TB) graph.Store {
	t.Helper()
	built, err := loader.LoadFS(seeds.FS, "seeds")
	if err != nil {
		t.Fatalf("building the seeds: %v", err)
	}
	s := memory.New()
	for _, d := range loader.Documents(built) {
		if _, err := s.Load(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// neo4jStore returns the seeds in a real Neo4j, or skips outside CI when
// NEO4J_URI is not set (with CI=true that is a failure). It holds the
// lock other packages' Neo4j tests take, since they wipe the same
// database.
func neo4jStore(t *testing.T, counter *neo4jtest.RunCounter) graph.Store {
	t.Helper()
	neo4jtest.RequireServer(t)
	ctx := context.Background()
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	unlock, err := neo4jtest.Lock(cfg.URI, cfg.Database)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(unlock)
	cfg.BoltLogger = counter
	// In batches, as every wipe of a test database: one transaction over
	// a large graph can run out of transaction memory.
	if err := neo4jtest.Wipe(ctx, cfg.URI, cfg.Username, cfg.Password, cfg.Database); err != nil {
		t.Fatal(err)
	}
	store, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(ctx) })
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	for _, d := range seedDocs(t) {
		if _, err := store.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

// expected is what a question must answer, worked out from the store's
// own reads (not through package trapi): the claims bound to the query
// edges, and the number of results.
type expected struct {
	edges   []string
	results int
}

// question is one TRAPI question with its expected answer.
type question struct {
	name   string
	body   string
	status int
	// trapiStatus is the status field of the response.
	trapiStatus string
	// want works out the answer from the store; nil for refusals.
	want func(t *testing.T, s graph.Store) expected
	// logs must contain these substrings (warnings, errors).
	logs []string
}

func qg(nodes, edges string) string {
	return `{"message":{"query_graph":{"nodes":` + nodes + `,"edges":` + edges + `}}}`
}

// claimsOf reads the curated edges of one node in one direction through
// the store, filtered by keep; they are the oracle the questions are
// checked against.
func claimsOf(t *testing.T, s graph.Store, id string, dir graph.Direction, keep func(*graph.Edge, *graph.Node) bool) []*graph.Edge {
	t.Helper()
	return claimsIn(t, s, id, dir, graph.DefaultModalities(), keep)
}

// claimsIn is claimsOf for a query that opts in to modalities ms.
func claimsIn(t *testing.T, s graph.Store, id string, dir graph.Direction, ms []graph.Modality, keep func(*graph.Edge, *graph.Node) bool) []*graph.Edge {
	t.Helper()
	ctx := context.Background()
	es, err := s.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{id}, Direction: dir})
	if err != nil {
		t.Fatal(err)
	}
	var out []*graph.Edge
	for _, e := range es {
		if !e.Predicate.Curated() || !graph.HasModality(e, ms) {
			continue
		}
		other := e.Object
		if dir == graph.In {
			other = e.Subject
		}
		n, err := s.Node(ctx, other)
		if err != nil {
			t.Fatal(err)
		}
		if keep(e, n) {
			out = append(out, e)
		}
	}
	return out
}

func ids(es []*graph.Edge) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func distinct(es []*graph.Edge, end func(*graph.Edge) string) int {
	seen := map[string]bool{}
	for _, e := range es {
		seen[end(e)] = true
	}
	return len(seen)
}

func object(e *graph.Edge) string  { return e.Object }
func subject(e *graph.Edge) string { return e.Subject }

func isAffects(e *graph.Edge) bool {
	// Biolink 4.4.6 makes has_adverse_event a kind of affects.
	return e.Predicate == graph.Affects || e.Predicate == graph.HasAdverseEvent
}
