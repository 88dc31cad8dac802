package reliability_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/reliability"
	"github.com/kapgraph/kapgraph/resolvers"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/resolvers/limits"
)

// TestServeSwitches runs the real binary with introspection and the
// playground switched off, by flag and by environment, and with the
// defaults.
func TestServeSwitches(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds and runs the binary")
	}
	for _, c := range []struct {
		name          string
		env           map[string]string
		args          []string
		introspection bool
		playground    bool
	}{
		{name: "kapgraph serve --no-introspection --no-playground", args: []string{"--no-introspection", "--no-playground"}},
		{name: "KAPGRAPH_INTROSPECTION=off KAPGRAPH_PLAYGROUND=off kapgraph serve", env: map[string]string{"KAPGRAPH_INTROSPECTION": "off", "KAPGRAPH_PLAYGROUND": "off"}},
		{name: "kapgraph serve (defaults)", introspection: true, playground: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			kg := startKapgraph(t, c.env, c.args...)
			intro := query(kg.base, `{ __schema { queryType { name } } }`, nil)
			root, _, _ := getStatus(kg.base + "/")
			static, _, _ := getStatus(kg.base + "/static/VERSIONS")
			plain := query(kg.base, `{ __typename node(id: "CHEBI:6121") { name } }`, nil)

			wantIntro, gotIntro := "200 INTROSPECTION_DISABLED", intro.String()
			okIntro := len(intro.Errors) == 1 && intro.Codes()[0] == limits.CodeIntrospectionDisabled
			if c.introspection {
				wantIntro = "200 data"
				okIntro = intro.Err == nil && len(intro.Errors) == 0 && strings.Contains(string(intro.Data), `"Query"`)
			}
			reliability.Record(t, reliability.Case{Area: "production", Name: c.name + ": __schema", Expect: wantIntro, Got: gotIntro, OK: okIntro})

			want := 404
			if c.playground {
				want = 200
			}
			reliability.Record(t, reliability.Case{Area: "production", Name: c.name + ": GET / and /static/VERSIONS",
				Expect: fmt.Sprintf("%d, %d", want, want), Got: fmt.Sprintf("%d, %d", root, static), OK: root == want && static == want})
			reliability.Record(t, reliability.Case{Area: "production", Name: c.name + ": an ordinary query and __typename",
				Expect: "200 data", Got: plain.String(), OK: plain.Err == nil && len(plain.Errors) == 0 && strings.Contains(string(plain.Data), `"ketamine"`)})
		})
	}
}

// TestSchemaSurface records that the API only reads: the schema has no
// Mutation and no Subscription type, and lists what Query offers.
func TestSchemaSurface(t *testing.T) {
	s := resolvers.NewExecutableSchema(memory.New(), batch.Options{}).Schema()
	var fields []string
	for _, f := range s.Query.Fields {
		if !strings.HasPrefix(f.Name, "__") {
			fields = append(fields, f.Name)
		}
	}
	sort.Strings(fields)
	reliability.Record(t, reliability.Case{Area: "surface", Name: "GraphQL schema root types",
		Expect: "Query only: no Mutation, no Subscription",
		Got:    fmt.Sprintf("Query=%v Mutation=%v Subscription=%v", s.Query != nil, s.Mutation != nil, s.Subscription != nil),
		OK:     s.Query != nil && s.Mutation == nil && s.Subscription == nil,
		Detail: fmt.Sprintf("%d Query fields: %s", len(fields), strings.Join(fields, ", "))})
}

// TestHTTPSurface reads the route table (httpapi/routes.go, the one place
// that says which URL does what), records it, and sends every write
// method to every route of the running binary: only POST /graphql may
// accept one (and it runs queries only: the schema has no Mutation type).
func TestHTTPSurface(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds and runs the binary")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(repoRoot(), "httpapi", "routes.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Handle" || sel.Sel.Name == "HandleFunc") {
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if p, err := strconv.Unquote(lit.Value); err == nil {
					patterns = append(patterns, p)
				}
			}
		}
		return true
	})
	reliability.Record(t, reliability.Case{Area: "surface", Name: "HTTP routes (httpapi/routes.go)",
		Expect: "reads only: GET routes, POST /graphql, and catch-alls answering 404/405",
		Got:    strings.Join(patterns, ", "), OK: len(patterns) > 0})

	kg := startKapgraph(t, nil)
	for _, p := range patterns {
		_, path, hasMethod := strings.Cut(p, " ")
		if !hasMethod {
			path = p
		}
		path = strings.ReplaceAll(path, "{$}", "")
		if strings.HasSuffix(path, "/") && path != "/" {
			path += "x" // some file under a prefix route
		}
		for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
			if m == http.MethodPost && path == "/graphql" {
				continue // the API itself
			}
			req, _ := http.NewRequest(m, kg.base+path, strings.NewReader(`{"query":"{ __typename }"}`))
			req.Header.Set("Content-Type", "application/json")
			res, err := httpClient.Do(req)
			status := 0
			if err == nil {
				status = res.StatusCode
				res.Body.Close()
			}
			reliability.Record(t, reliability.Case{Area: "surface", Name: fmt.Sprintf("%s %s (route %q)", m, path, p),
				Expect: "404 or 405", Got: fmt.Sprint(status), OK: err == nil && (status == 404 || status == 405)})
		}
	}
}
