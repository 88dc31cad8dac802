package gql_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
)

// TestErrorPresenter: each kind of error gets its code and domain code,
// keeps its path, and a server fault never shows its underlying text.
func TestErrorPresenter(t *testing.T) {
	ctx := graphql.WithFieldContext(context.Background(), &graphql.FieldContext{
		Field: graphql.CollectedField{Field: &ast.Field{Alias: "node"}},
	})
	secret := errors.New("dial tcp 10.1.2.3:7687: connection refused")
	coded := gqlerror.Errorf("operation has complexity 9, which exceeds the limit of 1")
	coded.Extensions = map[string]any{"code": gql.CodeComplexity}
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
		{"extension error kept", coded, gql.CodeComplexity, "ELIMIT", coded.Message, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := gql.ErrorPresenter(ctx, tc.err)
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
