package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/tools/reliability"
)

// productionServer is the server as `kapgraph serve --no-introspection
// --no-playground` builds it.
func productionServer(t *testing.T, introspection, playground bool) http.Handler {
	t.Helper()
	store := seededStore(t)
	return app.NewServer(app.Config{
		HTTP:    httpapi.Config{DisablePlayground: !playground},
		GraphQL: gql.Options{Limits: gql.Limits{Introspection: introspection}},
	}, store, slog.New(slog.DiscardHandler))
}

type surfaceCheck struct {
	name   string
	req    *http.Request
	status int
	code   string // extensions.code of the first error; "" for none
	body   string // the body must contain this
}

func runSurface(t *testing.T, area string, h http.Handler, checks []surfaceCheck) {
	t.Helper()
	for _, c := range checks {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, c.req)
		got := fmt.Sprint(w.Code)
		code := ""
		var res struct {
			Errors []struct {
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if json.Unmarshal(w.Body.Bytes(), &res) == nil && len(res.Errors) > 0 {
			code, _ = res.Errors[0].Extensions["code"].(string)
			got += " " + code
		}
		ok := w.Code == c.status && code == c.code && strings.Contains(w.Body.String(), c.body)
		expect := fmt.Sprint(c.status)
		if c.code != "" {
			expect += " " + c.code
		}
		if c.body != "" {
			expect += fmt.Sprintf(" containing %q", c.body)
		}
		detail := ""
		if !ok {
			detail = fmt.Sprintf("%.300q", w.Body.String())
		}
		reliability.Record(t, reliability.Case{Area: area, Name: c.name, Expect: expect, Got: got, OK: ok, Detail: detail})
	}
}

func gqlPost(query string) *http.Request {
	b, _ := json.Marshal(map[string]any{"query": query})
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
	r.Header.Set("Content-Type", "application/json")
	return r
}

func gqlGet(query string) *http.Request {
	return httptest.NewRequest(http.MethodGet, "/graphql?"+url.Values{"query": {query}}.Encode(), nil)
}

const graphiqlSchemaQuery = `query IntrospectionQuery { __schema { queryType { name } types { ...FullType } } }
fragment FullType on __Type { kind name fields(includeDeprecated: true) { name args { ...InputValue } type { ...TypeRef } } inputFields { ...InputValue } }
fragment InputValue on __InputValue { name type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

// TestProductionSwitches checks what --no-introspection and
// --no-playground turn off, and that they turn off nothing else.
func TestProductionSwitches(t *testing.T) {
	off := productionServer(t, false, false)
	runSurface(t, "production", off, []surfaceCheck{
		{name: "introspection off: __schema", req: gqlPost(`{ __schema { types { name } } }`), status: 200, code: gql.CodeIntrospectionDisabled},
		{name: "introspection off: __type", req: gqlPost(`{ __type(name: "Drug") { name } }`), status: 200, code: gql.CodeIntrospectionDisabled},
		{name: "introspection off: GraphiQL's schema query", req: gqlPost(graphiqlSchemaQuery), status: 200, code: gql.CodeIntrospectionDisabled},
		{name: "introspection off: __schema hidden in a fragment", req: gqlPost(`{ ...Q } fragment Q on Query { __schema { queryType { name } } }`), status: 200, code: gql.CodeIntrospectionDisabled},
		{name: "introspection off: __schema over GET", req: gqlGet(`{ __schema { queryType { name } } }`), status: 200, code: gql.CodeIntrospectionDisabled},
		{name: "introspection off: __typename still answers", req: gqlPost(`{ __typename stats { __typename nodes } }`), status: 200, body: `"__typename":"Query"`},
		{name: "introspection off: ordinary query answers", req: gqlPost(`{ node(id: "CHEBI:6121") { name } }`), status: 200, body: `"name":"ketamine"`},
		{name: "playground off: GET /", req: httptest.NewRequest(http.MethodGet, "/", nil), status: 404, code: gql.CodeNotFound},
		{name: "playground off: GET /static/VERSIONS", req: httptest.NewRequest(http.MethodGet, "/static/VERSIONS", nil), status: 404, code: gql.CodeNotFound},
		{name: "playground off: /healthz still answers", req: httptest.NewRequest(http.MethodGet, "/healthz", nil), status: 200, body: `"ok"`},
		{name: "playground off: /readyz still answers", req: httptest.NewRequest(http.MethodGet, "/readyz", nil), status: 200, body: `"ready"`},
	})

	on := productionServer(t, true, true)
	runSurface(t, "production", on, []surfaceCheck{
		{name: "defaults: GraphiQL's schema query answers", req: gqlPost(graphiqlSchemaQuery), status: 200, body: `"queryType":{"name":"Query"}`},
		{name: "defaults: GET / serves the playground", req: httptest.NewRequest(http.MethodGet, "/", nil), status: 200, body: "<html"},
		{name: "defaults: GET /static/VERSIONS", req: httptest.NewRequest(http.MethodGet, "/static/VERSIONS", nil), status: 200},
		{name: "defaults: the schema has no mutationType", req: gqlPost(`{ __schema { mutationType { name } subscriptionType { name } } }`), status: 200, body: `"mutationType":null,"subscriptionType":null`},
	})
}

// TestNoAdminSurface probes the paths and methods where servers commonly
// expose administration or debugging: kapgraph has none, so each must be
// a plain 404 (or 405 for other methods on /graphql).
func TestNoAdminSurface(t *testing.T) {
	h := productionServer(t, true, true)
	var checks []surfaceCheck
	for _, p := range []string{"/admin", "/graphql/admin", "/debug/pprof/", "/debug/pprof/heap", "/debug/vars",
		"/api", "/load", "/reload", "/shutdown", "/config", "/env", "/graphiql", "/playground", "/.git/config"} {
		checks = append(checks, surfaceCheck{name: "GET " + p, req: httptest.NewRequest(http.MethodGet, p, nil), status: 404, code: gql.CodeNotFound})
	}
	for _, m := range []string{http.MethodPut, http.MethodDelete, http.MethodPatch} {
		checks = append(checks, surfaceCheck{name: m + " /graphql", req: httptest.NewRequest(m, "/graphql", io.NopCloser(strings.NewReader("{}"))), status: 405, code: gql.CodeMethodNotAllowed})
	}
	for _, m := range []string{http.MethodPost, http.MethodDelete} {
		checks = append(checks, surfaceCheck{name: m + " /metrics", req: httptest.NewRequest(m, "/metrics", nil), status: 404, code: gql.CodeNotFound})
	}
	checks = append(checks, surfaceCheck{name: "POST /graphql mutation", req: gqlPost(`mutation { load }`), status: 200, code: "GRAPHQL_VALIDATION_FAILED", body: `does not support operation type`})
	runSurface(t, "surface", h, checks)
}
