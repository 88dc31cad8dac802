package reliability_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/resolvers"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/tools/reliability"
)

// TestServeSwitches runs the real binary with introspection and the
// playground switched off, by flag and by environment, and with the
// defaults.
func TestServeSwitches(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
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
			okIntro := len(intro.Errors) == 1 && intro.Codes()[0] == gql.CodeIntrospectionDisabled
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
	s := resolvers.NewExecutableSchema(memory.New(), batch.Options{}, nil).Schema()
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
// that says which URL does what), checks that every route reads, and
// then asks the running binary: every write method sent to every route
// must be refused (404 or 405), and the one write route, POST /graphql,
// must refuse a mutation or subscription operation (the schema has no
// Mutation type; TestSchemaSurface checks that too).
func TestHTTPSurface(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
		t.Skip("-short: builds and runs the binary")
	}
	patterns, unreadable := routePatterns(t, filepath.Join(repoRoot(), "api", "httpapi", "routes.go"))
	var writes []string
	for _, p := range patterns {
		if why := notARead(p); why != "" {
			writes = append(writes, fmt.Sprintf("%q %s", p, why))
		}
	}
	detail := ""
	if len(writes)+len(unreadable) > 0 {
		detail = "not reads: " + strings.Join(append(writes, unreadable...), "; ")
	}
	reliability.Record(t, reliability.Case{Area: "surface", Name: "HTTP routes (httpapi/routes.go)",
		Expect: "reads only: GET routes, POST /graphql, POST /export/, POST /trapi/query, and catch-alls answering 404/405",
		Got:    strings.Join(patterns, ", "), Detail: detail,
		OK: len(patterns) > 0 && len(writes) == 0 && len(unreadable) == 0 && slices.Contains(patterns, "POST /graphql")})

	kg := startKapgraph(t, nil)
	for _, op := range []string{"mutation { __typename }", "subscription { __typename }"} {
		a := query(kg.base, op, nil)
		reliability.Record(t, reliability.Case{Area: "surface", Name: fmt.Sprintf("POST /graphql %q", op),
			Expect: "refused: GRAPHQL_VALIDATION_FAILED, no data", Got: a.String() + dataOf(a),
			OK: a.Err == nil && len(a.Errors) > 0 && slices.Contains(a.Codes(), "GRAPHQL_VALIDATION_FAILED") && isNull(a.Data)})
	}
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
				continue // the API itself, checked above
			}
			if m == http.MethodPost && path == "/trapi/query" {
				continue // TRAPI's lookup: reads only (TestTRAPIReadsOnly)
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

// TestTRAPIReadsOnly holds POST /trapi/query to what it claims, a lookup:
// no code of package trapi calls a Store method that writes.
func TestTRAPIReadsOnly(t *testing.T) {
	dir := filepath.Join(repoRoot(), "api", "trapi")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	writes := map[string]bool{"Load": true, "Remove": true}
	files, calls := 0, 0
	var found []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		files++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
					calls++
					if writes[sel.Sel.Name] {
						found = append(found, fset.Position(call.Pos()).String()+": "+sel.Sel.Name)
					}
				}
			}
			return true
		})
	}
	reliability.Record(t, reliability.Case{Area: "surface", Name: "POST /trapi/query reads only (package trapi)",
		Expect: "no call of Store.Load or Store.Remove", Got: fmt.Sprintf("%d files, %d method calls, writes: %v", files, calls, found),
		OK: files > 0 && calls > 0 && len(found) == 0})
}

// routePatterns returns the pattern of every Handle and HandleFunc call in
// the file, and describes each call whose pattern is not a string literal:
// a route this test cannot read is a route it cannot vouch for.
func routePatterns(t *testing.T, file string) (patterns, unreadable []string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Handle" && sel.Sel.Name != "HandleFunc") {
			return true
		}
		if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if p, err := strconv.Unquote(lit.Value); err == nil {
				patterns = append(patterns, p)
				return true
			}
		}
		unreadable = append(unreadable, fmt.Sprintf("%s: %s with a pattern that is not a string literal", fset.Position(call.Pos()), sel.Sel.Name))
		return true
	})
	return patterns, unreadable
}

// notARead says why a ServeMux pattern ("[METHOD ][HOST]/PATH") may let a
// request write, or returns "" for a read: a safe method (GET, which also
// serves HEAD, HEAD, or OPTIONS for CORS preflights), POST /graphql
// (queries only), or a pattern without a method,
// whose handler the live checks then hold to answering writes with 404
// or 405.
func notARead(pattern string) string {
	method, rest, hasMethod := strings.Cut(pattern, " ")
	if !hasMethod {
		return ""
	}
	switch {
	case method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions:
		return ""
	case method == http.MethodPost && strings.TrimSpace(rest) == "/graphql":
		return ""
	case method == http.MethodPost && strings.TrimSpace(rest) == "/export/":
		// The evidence table's downloads take the claim ids in the body
		// (too many for a URL); the export handler holds only the store's
		// reads.
		return ""
	}
	return "accepts " + method
}

func dataOf(a gqlAnswer) string {
	if isNull(a.Data) {
		return ""
	}
	return " with data " + string(a.Data)
}

func isNull(raw []byte) bool {
	s := strings.TrimSpace(string(raw))
	return s == "" || s == "null"
}

// TestRouteReadsOnly pins what notARead lets through, since TestHTTPSurface
// passes only while the real route table gives it nothing to refuse.
func TestRouteReadsOnly(t *testing.T) {
	for p, want := range map[string]bool{
		"GET /healthz":       true,
		"GET /{$}":           true,
		"HEAD /x":            true,
		"POST /graphql":      true,
		"/graphql":           true,
		"/":                  true,
		"POST /graphql/x":    false,
		"POST /export/":      true,
		"POST /export/x":     false,
		"PUT /graphql":       false,
		"DELETE /graphql":    false,
		"PATCH /explore/":    false,
		"OPTIONS /graphql":   true,
		"GET example.org/":   true,
		"POST example.org/x": false,
	} {
		if got := notARead(p) == ""; got != want {
			t.Errorf("notARead(%q) = %q; a read: %v, want %v", p, notARead(p), got, want)
		}
	}
}
