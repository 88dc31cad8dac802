package app_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/internal/app"
)

// TestComplexityByDataNeo4j asks Neo4j serving the shipped review the
// questions of resolvers/testdata/complexity (resolvers'
// TestComplexityByData asks the embedded store): the document questions
// pass the default budget, priced by the data's real sizes, and the bombs
// are refused with COMPLEXITY_LIMIT_EXCEEDED.
func TestComplexityByDataNeo4j(t *testing.T) {
	store, _ := seededNeo4j(t, nil)
	srv := httptest.NewServer(app.NewServer(app.Config{}, store, nil))
	defer srv.Close()

	files, err := filepath.Glob("../../resolvers/testdata/complexity/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no complexity queries: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		t.Run(name, func(t *testing.T) {
			q, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := json.Marshal(map[string]any{"query": string(q)})
			resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var res struct {
				Data   json.RawMessage `json:"data"`
				Errors []struct {
					Extensions map[string]any `json:"extensions"`
				} `json:"errors"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(name, "pass-") {
				if len(res.Errors) != 0 || len(res.Data) < 10 {
					t.Errorf("refused: %+v", res.Errors)
				}
				return
			}
			if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
				t.Errorf("answered: %s %+v", res.Data, res.Errors)
			}
		})
	}
}
