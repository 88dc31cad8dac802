package resolvers_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
)

// failingStore answers like the real store except for the calls it is
// told to break.
type failingStore struct {
	graph.Store
	err   error
	panic bool
}

func (f *failingStore) Stats(ctx context.Context) (*graph.Stats, error) {
	if f.panic {
		panic("nil map in stats: " + f.err.Error())
	}
	return nil, f.err
}

func (f *failingStore) EdgesOf(ctx context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	return nil, f.err
}

// TestStoreFailures: failures of the engine reach clients as codes, never
// as the engine's words, and the rest of the response survives.
func TestStoreFailures(t *testing.T) {
	secret := errors.New("neo4j: dial tcp 10.9.8.7:7687: connection refused")
	for _, tc := range []struct {
		name  string
		store *failingStore
		code  string
	}{
		{"unavailable", &failingStore{err: graph.WrapError(graph.EUNAVAILABLE, secret, "the graph database is unavailable")}, "DATABASE_UNAVAILABLE"},
		{"unexpected", &failingStore{err: secret}, "INTERNAL_SERVER_ERROR"},
		{"panic", &failingStore{err: secret, panic: true}, "INTERNAL_SERVER_ERROR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.store.Store = seedStore(t)
			srv := server(t, tc.store, gql.Options{})
			res := post(t, srv.URL, `{ categories { category } node(id: "CHEBI:6121") { name claims { totalCount } } stats { nodes } }`, nil)
			if strings.Contains(string(res.raw), "10.9.8.7") || strings.Contains(string(res.raw), "neo4j") {
				t.Fatalf("response leaks internals: %s", res.raw)
			}
			if len(res.Errors) != 2 {
				t.Fatalf("want 2 errors (node.claims, stats): %s", res.raw)
			}
			for _, e := range res.Errors {
				if e.Extensions["code"] != tc.code {
					t.Errorf("error %v has code %v, want %s", e.Path, e.Extensions["code"], tc.code)
				}
			}
			// The failing fields are null; the root field that did not
			// touch the store still answers.
			if !strings.Contains(string(res.Data), `"categories":[{"category":"BrainNetwork"}`) ||
				!strings.Contains(string(res.Data), `"node":null`) || !strings.Contains(string(res.Data), `"stats":null`) {
				t.Errorf("data = %s", res.Data)
			}
		})
	}
}

// Read and EdgePages go through this double's own calls (the references
// in graph), as they did when they were optional features it lacked.
func (f *failingStore) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	return graph.ReadByCalls(ctx, f, p)
}

func (f *failingStore) EdgePages(ctx context.Context, q graph.EdgePageQuery) (map[string]*graph.EdgePage, error) {
	return graph.PageByEdgesOf(ctx, f, q)
}
