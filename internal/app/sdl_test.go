package app_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/resolvers/generated"
)

// A client code generator fetching /schema.graphql must get a schema it
// can build, the very one the executor runs, descriptions included.
func TestSchemaSDLRoute(t *testing.T) {
	for _, tc := range []struct {
		name          string
		introspection bool
		want          int
	}{
		{"introspection on", true, http.StatusOK},
		{"introspection off", false, http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(app.NewServer(app.Config{
				GraphQL: gql.Options{Limits: gql.Limits{Introspection: tc.introspection}},
			}, memory.New(), nil))
			defer srv.Close()
			resp, err := http.Get(srv.URL + "/schema.graphql")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.want)
			}
			if tc.want != http.StatusOK {
				return
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("Content-Type %q", ct)
			}
			if resp.Header.Get("ETag") == "" {
				t.Error("no ETag")
			}
			got, gqlErr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(body)})
			if gqlErr != nil {
				t.Fatalf("the served SDL does not build: %v", gqlErr)
			}
			want := generated.NewExecutableSchema(generated.Config{}).Schema()
			for name, def := range want.Types {
				if def.BuiltIn {
					continue
				}
				g, ok := got.Types[name]
				if !ok {
					t.Errorf("type %s missing from the served SDL", name)
					continue
				}
				if g.Description != def.Description || len(g.Fields) != len(def.Fields) {
					t.Errorf("type %s differs: %d fields vs %d", name, len(g.Fields), len(def.Fields))
				}
			}
			if len(got.Query.Fields) != len(want.Query.Fields) {
				t.Errorf("Query has %d fields, the executor %d", len(got.Query.Fields), len(want.Query.Fields))
			}
		})
	}
}
