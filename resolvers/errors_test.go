package resolvers_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers"
)

func TestErrorPresenter(t *testing.T) {
	ctx := graphql.WithFieldContext(context.Background(), &graphql.FieldContext{
		Field: graphql.CollectedField{Field: &ast.Field{Alias: "node"}},
	})
	secret := errors.New("dial tcp 10.1.2.3:7687: connection refused")
	coded := gqlerror.Errorf("operation has complexity 9, which exceeds the limit of 1")
	coded.Extensions = map[string]any{"code": resolvers.CodeComplexity}
	for _, tc := range []struct {
		name            string
		err             error
		code, domain    string
		message         string
		mustNotContain  string
		wantPathPresent bool
	}{
		{"invalid", graph.Errorf(graph.EINVALID, "from is required"), "BAD_USER_INPUT", "EINVALID", "from is required", "", true},
		{"not found wrapped", fmt.Errorf("resolving: %w", graph.Errorf(graph.ENOTFOUND, "no node with id %q", "X:1")), "NOT_FOUND", "ENOTFOUND", `no node with id "X:1"`, "resolving", true},
		{"limit", graph.Errorf(graph.ELIMIT, "maxHops is 99, above the limit of 6"), "LIMIT_EXCEEDED", "ELIMIT", "maxHops is 99, above the limit of 6", "", true},
		{"unavailable", graph.WrapError(graph.EUNAVAILABLE, secret, "the database is unavailable"), "DATABASE_UNAVAILABLE", "EUNAVAILABLE", "", "", true},
		{"timeout", graph.Errorf(graph.ETIMEOUT, "deadline passed"), "TIMEOUT", "ETIMEOUT", "", "", true},
		{"context deadline", fmt.Errorf("listing: %w", context.DeadlineExceeded), "TIMEOUT", "ETIMEOUT", "", "listing", true},
		{"domain internal hides its text", graph.WrapError(graph.EINTERNAL, secret, "cypher failed"), "INTERNAL_SERVER_ERROR", "EINTERNAL", "internal error", "10.1.2.3", true},
		{"plain error hides its text", fmt.Errorf("scanning row: %w", secret), "INTERNAL_SERVER_ERROR", "EINTERNAL", "internal error", "10.1.2.3", true},
		{"extension error kept", coded, resolvers.CodeComplexity, "ELIMIT", coded.Message, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := resolvers.ErrorPresenter(ctx, tc.err)
			if got.Extensions["code"] != tc.code || got.Extensions["domainCode"] != tc.domain {
				t.Errorf("extensions = %v, want code %s domainCode %s", got.Extensions, tc.code, tc.domain)
			}
			if tc.message != "" && got.Message != tc.message {
				t.Errorf("message = %q, want %q", got.Message, tc.message)
			}
			if tc.mustNotContain != "" && strings.Contains(got.Message, tc.mustNotContain) {
				t.Errorf("message %q leaks %q", got.Message, tc.mustNotContain)
			}
			if strings.Contains(got.Message, "10.1.2.3") {
				t.Errorf("message %q leaks internals", got.Message)
			}
			if tc.wantPathPresent && got.Path.String() != "node" {
				t.Errorf("path = %q, want node", got.Path.String())
			}
		})
	}
}

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
			srv := server(t, tc.store, resolvers.Options{})
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
