package httpapi_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/graph"
	web "github.com/kapgraph/kapgraph/ui/playground"
)

const (
	jsonType     = "application/json"
	responseType = "application/graphql-response+json"

	typenameQuery   = `{ __typename }`
	parseError      = `{`
	validationError = `{ thisFieldDoesNotExist }`
	coercionQuery   = `query Coerce($id: ID!) { __typename }`
	// fieldErrorQuery runs, and one field fails: a well-formed request
	// with a field error.
	fieldErrorQuery = `{ __typename node(id: "NOPE:0") { id } }`
)

// TestGraphQLOverHTTP walks the GraphQL-over-HTTP spec's cases through the
// whole server: content negotiation, request validation, and the status
// codes of each media type.
func TestGraphQLOverHTTP(t *testing.T) {
	env := newEnv(t, httpapi.Config{})

	withCT := func(r *http.Request, ct string) *http.Request {
		if ct == "" {
			r.Header.Del("Content-Type")
		} else {
			r.Header.Set("Content-Type", ct)
		}
		return r
	}
	q := func(query string) map[string]any { return map[string]any{"query": query} }

	tests := []struct {
		name     string
		req      *http.Request
		status   int
		ctype    string // media type of the response
		code     string // extensions.code of the first error, "" for no error
		noData   bool   // the response must have no data entry
		hasData  bool   // the response must have a data entry
		allow    string // the Allow header
		noErrors bool
	}{
		// Content negotiation.
		{name: "no Accept defaults to application/json", req: post(t, q(typenameQuery), ""),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},
		{name: "*/* gives application/json", req: post(t, q(typenameQuery), "*/*"),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},
		{name: "application/* gives application/json", req: post(t, q(typenameQuery), "application/*"),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},
		{name: "application/json", req: post(t, q(typenameQuery), jsonType),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},
		{name: "application/graphql-response+json", req: post(t, q(typenameQuery), responseType),
			status: 200, ctype: responseType, hasData: true, noErrors: true},
		{name: "preferred graphql-response+json", req: post(t, q(typenameQuery), responseType+", application/json;q=0.9"),
			status: 200, ctype: responseType, hasData: true},
		{name: "preferred json by q", req: post(t, q(typenameQuery), responseType+";q=0.5, application/json"),
			status: 200, ctype: jsonType, hasData: true},
		{name: "first listed wins a tie", req: post(t, q(typenameQuery), jsonType+", "+responseType),
			status: 200, ctype: jsonType, hasData: true},
		{name: "GraphiQL's Accept", req: post(t, q(typenameQuery), "application/json, multipart/mixed"),
			status: 200, ctype: jsonType, hasData: true},
		{name: "utf-8 charset in Accept", req: post(t, q(typenameQuery), "application/json; charset=utf-8"),
			status: 200, ctype: jsonType, hasData: true},
		{name: "unsupported only: 406", req: post(t, q(typenameQuery), "text/html"),
			status: 406, ctype: jsonType, code: gql.CodeNotAcceptable},
		{name: "q=0 refuses: 406", req: post(t, q(typenameQuery), "application/json;q=0, text/html"),
			status: 406, ctype: jsonType, code: gql.CodeNotAcceptable},
		{name: "other charset only: 406", req: post(t, q(typenameQuery), "application/json; charset=iso-8859-1"),
			status: 406, ctype: jsonType, code: gql.CodeNotAcceptable},

		// POST Content-Type and charset.
		{name: "charset=utf-8", req: withCT(post(t, q(typenameQuery), ""), "application/json; charset=utf-8"),
			status: 200, ctype: jsonType, hasData: true},
		{name: "charset=UTF-8", req: withCT(post(t, q(typenameQuery), ""), "application/json;charset=UTF-8"),
			status: 200, ctype: jsonType, hasData: true},
		{name: "no Content-Type: 415", req: withCT(post(t, q(typenameQuery), ""), ""),
			status: 415, ctype: jsonType, code: gql.CodeUnsupportedMediaType},
		{name: "text/plain: 415", req: withCT(post(t, q(typenameQuery), ""), "text/plain;charset=UTF-8"),
			status: 415, ctype: jsonType, code: gql.CodeUnsupportedMediaType},
		{name: "form: 415", req: withCT(post(t, "query=%7B__typename%7D", ""), "application/x-www-form-urlencoded"),
			status: 415, ctype: jsonType, code: gql.CodeUnsupportedMediaType},
		{name: "utf-16: 415", req: withCT(post(t, q(typenameQuery), ""), "application/json; charset=utf-16"),
			status: 415, ctype: jsonType, code: gql.CodeUnsupportedMediaType},
		{name: "415 in the negotiated type", req: withCT(post(t, q(typenameQuery), responseType), "text/plain"),
			status: 415, ctype: responseType, code: gql.CodeUnsupportedMediaType},

		// Malformed POST bodies: 400 under both media types.
		{name: "not JSON (json)", req: post(t, `{ "not a JSON`, jsonType),
			status: 400, ctype: jsonType, code: gql.CodeBadRequest, noData: true},
		{name: "not JSON (graphql-response)", req: post(t, `{ "not a JSON`, responseType),
			status: 400, ctype: responseType, code: gql.CodeBadRequest, noData: true},
		{name: "empty body", req: post(t, "", ""),
			status: 400, ctype: jsonType, code: gql.CodeBadRequest},
		{name: "array body", req: post(t, `[{"query":"{ __typename }"}]`, ""),
			status: 400, ctype: jsonType, code: gql.CodeBadRequest},
		{name: "missing query (json)", req: post(t, map[string]any{"qeury": typenameQuery}, jsonType),
			status: 400, ctype: jsonType, code: gql.CodeBadRequest},
		{name: "missing query (graphql-response)", req: post(t, map[string]any{"notquery": typenameQuery}, responseType),
			status: 400, ctype: responseType, code: gql.CodeBadRequest},
		{name: "null query", req: post(t, map[string]any{"query": nil}, ""),
			status: 400, code: gql.CodeBadRequest},
		{name: "object query", req: post(t, map[string]any{"query": map[string]any{"obj": "ect"}}, ""),
			status: 400, code: gql.CodeBadRequest},
		{name: "number query", req: post(t, map[string]any{"query": 0}, ""),
			status: 400, code: gql.CodeBadRequest},
		{name: "boolean query", req: post(t, map[string]any{"query": false}, ""),
			status: 400, code: gql.CodeBadRequest},
		{name: "array query", req: post(t, map[string]any{"query": []string{"array"}}, ""),
			status: 400, code: gql.CodeBadRequest},
		{name: "number operationName", req: post(t, map[string]any{"query": typenameQuery, "operationName": 0}, ""),
			status: 400, code: gql.CodeBadRequest},
		{name: "string variables", req: post(t, map[string]any{"query": typenameQuery, "variables": "string"}, ""),
			status: 400, code: gql.CodeBadRequest},
		{name: "array variables", req: post(t, map[string]any{"query": typenameQuery, "variables": []string{"a"}}, ""),
			status: 400, code: gql.CodeBadRequest},
		{name: "boolean extensions", req: post(t, map[string]any{"query": typenameQuery, "extensions": false}, ""),
			status: 400, code: gql.CodeBadRequest},

		// Well-formed parameters.
		{name: "null variables, operationName, extensions", req: post(t, map[string]any{
			"query": typenameQuery, "variables": nil, "operationName": nil, "extensions": nil}, responseType),
			status: 200, ctype: responseType, hasData: true, noErrors: true},
		{name: "operationName", req: post(t, map[string]any{
			"query": `query A { __typename } query B { __typename }`, "operationName": "B"}, jsonType),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},
		{name: "map extensions", req: post(t, map[string]any{"query": typenameQuery, "extensions": map[string]any{"some": "value"}}, jsonType),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},
		{name: "map variables", req: post(t, map[string]any{
			"query": `query T($name: String!) { __type(name: $name) { name } }`, "variables": map[string]any{"name": "Query"}}, jsonType),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},
		{name: "unicode in the document", req: withCT(post(t, q(`{ __type(name: "Run🏃Swim🏊") { name } }`), ""), "application/json; charset=utf-8"),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},

		// Request errors: 200 with application/json (legacy), 400 and no
		// data with application/graphql-response+json.
		{name: "parse error (json)", req: post(t, q(parseError), jsonType),
			status: 200, ctype: jsonType, code: "GRAPHQL_PARSE_FAILED", noData: true},
		{name: "parse error (graphql-response)", req: post(t, q(parseError), responseType),
			status: 400, ctype: responseType, code: "GRAPHQL_PARSE_FAILED", noData: true},
		{name: "validation error (json)", req: post(t, q(validationError), jsonType),
			status: 200, ctype: jsonType, code: "GRAPHQL_VALIDATION_FAILED", noData: true},
		{name: "validation error (graphql-response)", req: post(t, q(validationError), responseType),
			status: 400, ctype: responseType, code: "GRAPHQL_VALIDATION_FAILED", noData: true},
		{name: "variable coercion (json)", req: post(t, map[string]any{"query": coercionQuery, "variables": map[string]any{"id": nil}}, jsonType),
			status: 200, ctype: jsonType, code: "GRAPHQL_VALIDATION_FAILED", noData: true},
		{name: "variable coercion (graphql-response)", req: post(t, map[string]any{"query": coercionQuery, "variables": map[string]any{"id": nil}}, responseType),
			status: 400, ctype: responseType, code: "GRAPHQL_VALIDATION_FAILED", noData: true},
		{name: "unknown operationName (graphql-response)", req: post(t, map[string]any{"query": `query A { __typename }`, "operationName": "B"}, responseType),
			status: 400, ctype: responseType, noData: true},

		// Field errors: the operation ran, so 200 and data under both.
		{name: "field error (json)", req: post(t, q(fieldErrorQuery), jsonType),
			status: 200, ctype: jsonType, code: "NOT_FOUND", hasData: true},
		{name: "field error (graphql-response)", req: post(t, q(fieldErrorQuery), responseType),
			status: 200, ctype: responseType, code: "NOT_FOUND", hasData: true},

		// GET.
		{name: "GET query", req: get(t, map[string]string{"query": typenameQuery}, ""),
			status: 200, ctype: jsonType, hasData: true, noErrors: true},
		{name: "GET variables", req: get(t, map[string]string{
			"query": `query T($name: String!) { __type(name: $name) { name } }`, "variables": `{"name":"Query"}`}, responseType),
			status: 200, ctype: responseType, hasData: true, noErrors: true},
		{name: "GET operationName", req: get(t, map[string]string{
			"query": `query A { __typename } query B { __typename }`, "operationName": "B"}, responseType),
			status: 200, ctype: responseType, hasData: true, noErrors: true},
		{name: "GET bad variables", req: get(t, map[string]string{"query": typenameQuery, "variables": `{"name":`}, ""),
			status: 400, ctype: jsonType, code: gql.CodeBadRequest},
		{name: "GET array variables", req: get(t, map[string]string{"query": typenameQuery, "variables": `[1]`}, ""),
			status: 400, ctype: jsonType, code: gql.CodeBadRequest},
		{name: "GET bad extensions", req: get(t, map[string]string{"query": typenameQuery, "extensions": `nope`}, ""),
			status: 400, ctype: jsonType, code: gql.CodeBadRequest},
		{name: "GET no query", req: get(t, map[string]string{}, ""),
			status: 400, ctype: jsonType, code: gql.CodeBadRequest},
		{name: "GET mutation: 405", req: get(t, map[string]string{"query": `mutation { __typename }`}, responseType),
			status: 405, ctype: responseType, code: gql.CodeMethodNotAllowed, allow: "POST"},
		{name: "GET named mutation: 405", req: get(t, map[string]string{
			"query": `query A { __typename } mutation B { __typename }`, "operationName": "B"}, ""),
			status: 405, ctype: jsonType, code: gql.CodeMethodNotAllowed, allow: "POST"},
		{name: "GET subscription: 405", req: get(t, map[string]string{"query": `subscription { __typename }`}, ""),
			status: 405, ctype: jsonType, code: gql.CodeMethodNotAllowed, allow: "POST"},
		{name: "GET parse error (graphql-response)", req: get(t, map[string]string{"query": parseError}, responseType),
			status: 400, ctype: responseType, code: "GRAPHQL_PARSE_FAILED", noData: true},
		{name: "GET 406", req: get(t, map[string]string{"query": typenameQuery}, "image/png"),
			status: 406, ctype: jsonType, code: gql.CodeNotAcceptable},

		// Other methods.
		{name: "PUT: 405", req: httptest.NewRequest(http.MethodPut, "/graphql", strings.NewReader("{}")),
			status: 405, ctype: jsonType, code: gql.CodeMethodNotAllowed, allow: "GET, POST, OPTIONS"},
		{name: "DELETE: 405", req: httptest.NewRequest(http.MethodDelete, "/graphql", nil),
			status: 405, ctype: jsonType, code: gql.CodeMethodNotAllowed, allow: "GET, POST, OPTIONS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := env.do(t, tt.req)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d; body %s", w.Code, tt.status, w.Body)
			}
			if tt.allow != "" && w.Header().Get("Allow") != tt.allow {
				t.Errorf("Allow %q, want %q", w.Header().Get("Allow"), tt.allow)
			}
			ct := w.Header().Get("Content-Type")
			if tt.ctype != "" && ct != tt.ctype+"; charset=utf-8" {
				t.Errorf("Content-Type %q, want %s; charset=utf-8", ct, tt.ctype)
			}
			if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			res := decode(t, w)
			if tt.code != "" {
				if len(res.Errors) == 0 || res.codes()[0] != tt.code {
					t.Errorf("error codes %v, want %s first; body %s", res.codes(), tt.code, w.Body)
				}
			}
			if tt.noErrors && len(res.Errors) > 0 {
				t.Errorf("unexpected errors: %s", w.Body)
			}
			if tt.noData && res.hasData {
				t.Errorf("a request error must have no data entry: %s", w.Body)
			}
			if tt.hasData && (!res.hasData || string(res.Data) == "null") {
				t.Errorf("want data: %s", w.Body)
			}
			if w.Code >= 400 && len(res.Errors) == 0 {
				t.Errorf("an error status needs errors in the body: %s", w.Body)
			}
		})
	}
}

// TestCacheHeaders checks that only successful GET queries are cacheable,
// and that their ETag answers If-None-Match with 304.
func TestCacheHeaders(t *testing.T) {
	env := newEnv(t, httpapi.Config{}, withCacheMaxAge(90*time.Second))

	w := env.do(t, get(t, map[string]string{"query": typenameQuery}, ""))
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if got := w.Header().Get("Cache-Control"); got != "public, max-age=90" {
		t.Errorf("Cache-Control %q", got)
	}
	etag := w.Header().Get("ETag")
	if !strings.HasPrefix(etag, `"`) || len(etag) < 10 {
		t.Fatalf("ETag %q", etag)
	}
	if !strings.Contains(strings.Join(w.Header().Values("Vary"), ","), "Accept") {
		t.Errorf("Vary %q lacks Accept", w.Header().Values("Vary"))
	}

	for _, inm := range []string{etag, `"other", ` + etag, "W/" + etag, "*"} {
		r := get(t, map[string]string{"query": typenameQuery}, "")
		r.Header.Set("If-None-Match", inm)
		w2 := env.do(t, r)
		if w2.Code != http.StatusNotModified || w2.Body.Len() != 0 {
			t.Errorf("If-None-Match %s: status %d, body %q; want 304 and no body", inm, w2.Code, w2.Body)
		}
		if w2.Header().Get("ETag") != etag {
			t.Errorf("304 must repeat the ETag, got %q", w2.Header().Get("ETag"))
		}
	}

	r := get(t, map[string]string{"query": typenameQuery}, "")
	r.Header.Set("If-None-Match", `"stale"`)
	if w2 := env.do(t, r); w2.Code != 200 || w2.Body.String() != w.Body.String() {
		t.Errorf("stale ETag: status %d, want 200 with the body", w2.Code)
	}

	other := env.do(t, get(t, map[string]string{"query": typenameQuery}, responseType))
	if other.Header().Get("ETag") == etag {
		t.Error("another media type must have another ETag")
	}

	noStore := []struct {
		name string
		req  *http.Request
	}{
		{"POST", post(t, map[string]any{"query": typenameQuery}, "")},
		{"GET with a field error", get(t, map[string]string{"query": fieldErrorQuery}, "")},
		{"GET with a request error", get(t, map[string]string{"query": validationError}, "")},
		{"GET malformed", get(t, map[string]string{"variables": "{}"}, "")},
	}
	for _, tt := range noStore {
		w := env.do(t, tt.req)
		if got := w.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", tt.name, got)
		}
		if w.Header().Get("ETag") != "" {
			t.Errorf("%s: unexpected ETag", tt.name)
		}
	}

	off := newEnv(t, httpapi.Config{}, withCacheMaxAge(-1))
	if got := off.do(t, get(t, map[string]string{"query": typenameQuery}, "")).Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("caching disabled: Cache-Control %q, want no-store", got)
	}
}

// TestPersistedQueriesOverGET runs the automatic persisted query
// handshake the way Apollo clients do it: hash only (not found), register
// with POST, then GET by hash alone, cacheable.
func TestPersistedQueriesOverGET(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	query := `query Persisted { __typename }`
	sum := sha256.Sum256([]byte(query))
	ext := fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":"%s"}}`, hex.EncodeToString(sum[:]))

	byHash := map[string]string{"extensions": ext, "operationName": "Persisted"}
	for _, accept := range []string{jsonType, responseType} {
		w := env.do(t, get(t, byHash, accept))
		res := decode(t, w)
		wantStatus := map[string]int{jsonType: 200, responseType: 400}[accept]
		if w.Code != wantStatus || len(res.Errors) == 0 || res.codes()[0] != "PERSISTED_QUERY_NOT_FOUND" {
			t.Fatalf("%s: unknown hash: status %d (want %d), body %s", accept, w.Code, wantStatus, w.Body)
		}
		if res.hasData {
			t.Errorf("%s: PERSISTED_QUERY_NOT_FOUND is a request error; no data entry: %s", accept, w.Body)
		}
		if w.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: a miss must not be cached", accept)
		}
	}

	var ex map[string]any
	if err := json.Unmarshal([]byte(ext), &ex); err != nil {
		t.Fatal(err)
	}
	w := env.do(t, post(t, map[string]any{"query": query, "extensions": ex}, ""))
	if res := decode(t, w); w.Code != 200 || len(res.Errors) > 0 {
		t.Fatalf("registration: status %d, body %s", w.Code, w.Body)
	}

	w = env.do(t, get(t, byHash, ""))
	if res := decode(t, w); w.Code != 200 || len(res.Errors) > 0 || !res.hasData {
		t.Fatalf("GET by hash: status %d, body %s", w.Code, w.Body)
	}
	if !strings.HasPrefix(w.Header().Get("Cache-Control"), "public, max-age=") || w.Header().Get("ETag") == "" {
		t.Errorf("GET by hash should be cacheable: Cache-Control %q, ETag %q",
			w.Header().Get("Cache-Control"), w.Header().Get("ETag"))
	}
}

// TestPersistedMutationOverGET makes sure a hash cannot smuggle a mutation
// past the GET rule: the operation is only known once the executor has
// looked the hash up.
func TestPersistedMutationOverGET(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	query := `mutation Sneaky { __typename }`
	sum := sha256.Sum256([]byte(query))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	// Registration may fail (the schema may have no mutations); what
	// matters is that GET never runs it.
	env.do(t, post(t, map[string]any{"query": query, "extensions": ext}, ""))
	extJSON, _ := json.Marshal(ext)
	w := env.do(t, get(t, map[string]string{"extensions": string(extJSON)}, responseType))
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != http.MethodPost {
		t.Fatalf("GET of a persisted mutation: status %d, Allow %q, want 405 and POST; body %s", w.Code, w.Header().Get("Allow"), w.Body)
	}
	if res := decode(t, w); len(res.Errors) != 1 || res.codes()[0] != gql.CodeMethodNotAllowed || res.hasData {
		t.Errorf("GET of a persisted mutation: body %s, want one METHOD_NOT_ALLOWED error and no data", w.Body)
	}
}

// TestResolverPanic checks what the transport does when a resolver
// panics: the executor recovers it into a field error that hides the
// panic value (INTERNAL_SERVER_ERROR at the field's path, 200 under both
// media types since the operation ran), never cached, and logged with its
// stack.
func TestResolverPanic(t *testing.T) {
	for _, accept := range []string{jsonType, responseType} {
		t.Run(accept, func(t *testing.T) {
			env := newEnv(t, httpapi.Config{}, func(e *envConfig) { e.store = panickyStore{e.store} })
			w := env.do(t, get(t, map[string]string{"query": "{ stats { nodes } }"}, accept))
			res := decode(t, w)
			if w.Code != http.StatusOK || len(res.Errors) != 1 || res.codes()[0] != gql.CodeInternal {
				t.Fatalf("status %d, body %s", w.Code, w.Body)
			}
			if strings.Contains(w.Body.String(), "stats blew up") {
				t.Error("the panic value must not reach the client")
			}
			if got := w.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
			if panics := env.logs.logLines(t, "graphql resolver panic"); len(panics) != 1 || panics[0]["stack"] == "" {
				t.Errorf("panic log: %v", panics)
			}
		})
	}
}

// panickyStore panics in Stats.
type panickyStore struct{ graph.Store }

func (panickyStore) Stats(context.Context) (*graph.Stats, error) { panic("stats blew up") }

// TestPlaygroundExamplesRun runs every example query the playground opens
// with against the real schema and the shipped review: a broken example
// is the first thing a new user would see.
func TestPlaygroundExamplesRun(t *testing.T) {
	env := newEnv(t, httpapi.Config{})
	// The file as served, so the examples checked are the ones users get.
	if w := env.do(t, httptest.NewRequest(http.MethodGet, "/static/playground.js", nil)); w.Code != 200 {
		t.Fatalf("playground.js: status %d", w.Code)
	}
	examples, err := web.Examples()
	if err != nil {
		t.Fatal(err)
	}
	if len(examples) < 5 {
		t.Fatalf("found %d example queries in playground.js, want 5", len(examples))
	}
	for _, q := range examples {
		name := strings.Fields(q[strings.Index(q, "query "):])[1]
		t.Run(name, func(t *testing.T) {
			w := env.do(t, post(t, map[string]any{"query": q}, responseType))
			res := decode(t, w)
			if w.Code != 200 || len(res.Errors) > 0 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			var data map[string]any
			if err := json.Unmarshal(res.Data, &data); err != nil || len(data) == 0 {
				t.Fatalf("no data: %s", w.Body)
			}
			for field, v := range data {
				if l, ok := v.([]any); ok && len(l) == 0 {
					t.Errorf("%s is empty: the example shows nothing", field)
				}
			}
		})
	}
	// The browser test types the mechanism query; make sure the shipped
	// review answers it with a path ending at abstinence.
	if !strings.Contains(strings.Join(examples, "\n"), `to: "KAP:abstinence"`) {
		t.Error("no example asks for paths to KAP:abstinence")
	}
}
