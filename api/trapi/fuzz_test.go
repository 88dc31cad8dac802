package trapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/trapi"
)

// FuzzQuery: whatever the body, the endpoint answers in TRAPI's shape
// with a status, never 500, and never panics. The seed corpus (the test
// questions and some malformed bodies) runs with every go test.
func FuzzQuery(f *testing.F) {
	for _, q := range questions() {
		f.Add(q.body)
	}
	for _, s := range []string{``, `null`, `[]`, `{"message":null}`, `{"message":{"query_graph":[]}}`,
		`{"message":{"query_graph":{"nodes":{"a":null},"edges":{"e":null}}}}`,
		`{"message":{"query_graph":{"nodes":{"a":{"ids":["CHEBI:6121"]}},"edges":{"e":{"subject":"a","object":"a"}}}}}`,
		`{"message":{"query_graph":{"nodes":{"a":{"ids":["CHEBI:6121"]},"b":{},"c":{}},"edges":{"e":{"subject":"a","object":"b"},"f":{"subject":"b","object":"a"}}}}}`,
		`{"message":{"query_graph":{"nodes":{"a":{"ids":["CHEBI:6121"]},"b":{}},"edges":{"e":{"subject":"a","object":"b","qualifier_constraints":[{"qualifier_set":[]}]}}}}}`,
	} {
		f.Add(s)
	}
	srv := httptest.NewServer(trapi.NewHandlers(memoryStoreF(f), nil).Query())
	f.Cleanup(srv.Close)
	f.Fuzz(func(t *testing.T, body string) {
		resp, err := http.Post(srv.URL, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r trapi.Response
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			t.Fatalf("%d, not JSON: %v", resp.StatusCode, err)
		}
		if resp.StatusCode >= 500 || r.Status == "" || (resp.StatusCode == 200) != (r.Status == trapi.StatusSuccess) {
			t.Fatalf("%d %q for %q", resp.StatusCode, r.Status, body)
		}
	})
}
