package httpapi_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/internal/app"
)

// The fuzz targets drive the request decoding of /graphql (POST bodies,
// GET query strings, and the headers that steer them) through the whole
// server. Their seed corpus (the f.Add calls and testdata/fuzz/) runs as
// ordinary tests; `go test -fuzz=FuzzGraphQLPost ./httpapi/` explores.
//
// What must hold for any input: no panic and no 5xx (the store is the
// embedded one, so any server fault is a bug), an answer within a few
// seconds, and a body that is either GraphQL JSON whose every error has
// an extensions.code, or an empty 204/304.

var fuzzServer = sync.OnceValue(func() http.Handler {
	store, err := sharedStore()
	if err != nil {
		panic(err)
	}
	return app.NewServer(app.Config{
		HTTP:    httpapi.Config{AllowedOrigins: []string{"https://explorer.example"}},
		GraphQL: gql.Options{Limits: gql.Limits{Introspection: true}},
	}, store, slog.New(slog.DiscardHandler))
})

// hangLimit is not a speed claim (speed is measured in the benchmarks):
// every fuzzed request must get an answer, and one that gets none in this
// long is a hang, however loaded the machine is.
const hangLimit = 2 * time.Minute

func checkFuzzAnswer(t *testing.T, r *http.Request) {
	t.Helper()
	w := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { defer close(done); fuzzServer().ServeHTTP(w, r) }()
	select {
	case <-done:
	case <-time.After(hangLimit):
		t.Fatalf("no answer after %v: the request hangs", hangLimit)
	}
	if w.Code >= 500 {
		t.Fatalf("status %d: %.500s", w.Code, w.Body.String())
	}
	switch w.Code {
	case http.StatusNoContent, http.StatusNotModified:
		return
	}
	if ct := w.Header().Get("Content-Type"); !strings.Contains(ct, "json") && !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("status %d with Content-Type %q", w.Code, ct)
	}
	if strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		return // the playground page
	}
	var res struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatalf("status %d, body not JSON (%v): %.500q", w.Code, err, w.Body.String())
	}
	for _, e := range res.Errors {
		code, _ := e.Extensions["code"].(string)
		if code == "" {
			t.Fatalf("an error without extensions.code: %.500s", w.Body.String())
		}
		if code == gql.CodeInternal {
			t.Fatalf("an internal error: %.500s", w.Body.String())
		}
		if e.Message == "" {
			t.Fatalf("an error without a message: %.500s", w.Body.String())
		}
	}
	if w.Code == http.StatusOK && len(res.Errors) == 0 && (len(res.Data) == 0 || string(res.Data) == "null") {
		t.Fatalf("200 with neither data nor errors: %.500s", w.Body.String())
	}
}

func FuzzGraphQLPost(f *testing.F) {
	for _, seed := range []struct {
		body                                   string
		contentType, accept, requestID, origin string
	}{
		{`{"query":"{ __typename }"}`, "application/json", "", "", ""},
		{`{"query":"query($id: ID!) { node(id: $id) { id name } }","variables":{"id":"CHEBI:6121"}}`, "application/json; charset=utf-8", "application/graphql-response+json", "req-1", "https://explorer.example"},
		{`{"query":"{ search(text: \"mTOR\") { node { id } score } }","operationName":null,"extensions":null}`, "application/json", "application/json, multipart/mixed", "", "https://evil.example"},
		{`{"query":"query A { __typename } query B { stats { nodes } }","operationName":"B"}`, "application/json", "*/*", "", ""},
		{`{"query":"mutation { x }"}`, "application/json", "", "", ""},
		{`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}}`, "application/json", "", "", ""},
		{`[{"query":"{ __typename }"}]`, "application/json", "", "", ""},
		{`{"query":"{ stats { ...F } } fragment F on Stats { ...F }"}`, "application/json", "", "", ""},
		{`{"query": `, "application/json", "", "", ""},
		{`query=%7B__typename%7D`, "application/x-www-form-urlencoded", "", "", ""},
		{`{"query":"{ __typename }"}`, "text/plain", "text/html", "a\"b", ""},
		{`{"query":"{ drugs(first: 1000000) { totalCount } }","variables":{"x":[[[[[]]]]]}}`, "application/json", "application/json;q=0, */*;q=0.1", "", ""},
		{"{\"query\":\"{ __typename }\",\"operationName\":\"\xff\"}", "application/json", "", "", ""},
		{`{"query":"query($f: NodeFilter) { entities(filter: $f) { totalCount } }","variables":{"f":{"nameContains":"' OR 1=1 //","kind":"\u0000"}}}`, "application/json", "", "", ""},
	} {
		f.Add([]byte(seed.body), seed.contentType, seed.accept, seed.requestID, seed.origin)
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType, accept, requestID, origin string) {
		r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		setHeader(r, "Content-Type", contentType)
		setHeader(r, "Accept", accept)
		setHeader(r, "X-Request-ID", requestID)
		setHeader(r, "Origin", origin)
		checkFuzzAnswer(t, r)
	})
}

func FuzzGraphQLGet(f *testing.F) {
	for _, seed := range []struct{ rawQuery, accept, ifNoneMatch string }{
		{"query=%7B__typename%7D", "", ""},
		{"query=query(%24id%3A+ID!)+%7B+node(id%3A+%24id)+%7B+name+%7D+%7D&variables=%7B%22id%22%3A%22CHEBI%3A6121%22%7D", "application/graphql-response+json", ""},
		{"query=%7B__typename%7D&variables=%5B1%5D", "", ""},
		{"query=mutation+%7B+x+%7D", "", ""},
		{"extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22abc%22%7D%7D", "", ""},
		{"query=%7Bstats%7Bnodes%7D%7D", "application/json", `"x", W/"y", *`},
		{"query=%ZZ&query=%7B__typename%7D", "", ""},
		{"query=%7B__typename%7D;operationName=x", "", ""},
		{"query=" + strings.Repeat("%7B", 200), "", ""},
		{"", "", ""},
	} {
		f.Add(seed.rawQuery, seed.accept, seed.ifNoneMatch)
	}
	f.Fuzz(func(t *testing.T, rawQuery, accept, ifNoneMatch string) {
		r := httptest.NewRequest(http.MethodGet, "/graphql", nil)
		r.URL.RawQuery = rawQuery
		setHeader(r, "Accept", accept)
		setHeader(r, "If-None-Match", ifNoneMatch)
		checkFuzzAnswer(t, r)
	})
}

// setHeader sets a header the way a client could: net/http refuses to
// send values with control characters, so those are left out rather
// than tested against a server that could never receive them.
func setHeader(r *http.Request, k, v string) {
	if v == "" || strings.ContainsFunc(v, func(c rune) bool { return c < 0x20 && c != '\t' || c == 0x7f }) {
		return
	}
	r.Header.Set(k, v)
}
