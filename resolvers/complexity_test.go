package resolvers_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers"
)

// complexityQueries reads testdata/complexity: pass-*.graphql are
// questions whose answers fit the seed and must pass the default budget,
// refuse-*.graphql multiply lists and must be refused by it. (app's
// TestComplexityByDataNeo4j asks the same of Neo4j.)
func complexityQueries(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("testdata/complexity/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no complexity queries: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".graphql")] = string(b)
	}
	return out
}

// TestComplexityByData: the budget prices lists by the data's real sizes,
// so the document questions pass on the seed while the bombs are refused
// with a message that says the rule. Each query's price is logged (a
// server with a budget of 1 reports it).
func TestComplexityByData(t *testing.T) {
	store := seedStore(t)
	srv := server(t, store, gql.Options{})
	pricer := server(t, store, gql.Options{Limits: gql.Limits{MaxComplexity: 1}})
	for name, q := range complexityQueries(t) {
		t.Run(name, func(t *testing.T) {
			price := post(t, pricer.URL, q, nil)
			if len(price.Errors) == 0 {
				t.Fatalf("a budget of 1 answered %s", price.raw)
			}
			t.Logf("priced at %v", price.Errors[0].Extensions["actual"])
			res := post(t, srv.URL, q, nil)
			if strings.HasPrefix(name, "pass-") {
				if len(res.Errors) != 0 || len(res.Data) < 10 {
					t.Errorf("refused: %s", res.raw)
				}
				return
			}
			if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != gql.CodeComplexity || res.Errors[0].Extensions["domainCode"] != graph.ELIMIT {
				t.Fatalf("answered %s", res.raw)
			}
			if msg := res.Errors[0].Message; !strings.Contains(msg, "items it can return") {
				t.Errorf("message %q does not say the rule", msg)
			}
		})
	}
}

// TestListBound: the fan-out bounds a list within the page maximum, never
// above what `first` asks, and not a `first` over the maximum (which the
// resolver refuses, and the price says so).
func TestListBound(t *testing.T) {
	fan := graph.NewFanOut("test")
	fan.Out[graph.CategoryReview] = map[graph.Predicate]int{graph.HasSection: 8, graph.HasReference: 70}
	fan.Out[graph.CategorySection] = map[graph.Predicate]int{graph.HasPassage: 12, graph.HasSection: 3}
	fan.PerDocument[graph.CategoryCitationConcern] = 9
	fan.Claims[graph.CategoryDrug], fan.Degree[graph.CategoryDrug] = 40, 300
	fan.Degree[graph.CategoryPassage] = 500
	fan.Count[graph.CategoryReview] = 2
	for _, tc := range []struct {
		typ, field string
		args       map[string]any
		want       int // with a child cost of 10
	}{
		{"Query", "reviews", map[string]any{"first": int64(20)}, 1 + 2*10},
		{"Review", "sections", map[string]any{"first": int64(20)}, 1 + 8*10},
		{"Review", "sections", map[string]any{"first": int64(5)}, 1 + 5*10},
		{"Review", "references", map[string]any{"first": int64(100)}, 1 + 70*10},
		{"Review", "concerns", map[string]any{"first": int64(20)}, 1 + 9*10},
		{"Section", "passages", map[string]any{"first": int64(20)}, 1 + 12*10},
		{"Section", "subsections", map[string]any{"first": int64(20)}, 1 + 3*10},
		{"Drug", "claims", map[string]any{"first": int64(100)}, 1 + 40*10},
		{"Drug", "claims", map[string]any{"first": int64(100), "predicates": []any{"MENTIONS"}}, 1 + 100*10},
		{"Drug", "related", map[string]any{"first": int64(100)}, 1 + 100*10},
		{"Node", "related", map[string]any{"first": int64(100)}, 1 + 100*10},
		{"Review", "sections", map[string]any{"first": int64(1000000)}, 1 + 1000000*10},
		{"Query", "search", map[string]any{"first": int64(20)}, 10 + 20*10},
		{"Study", "supports", map[string]any{"first": int64(20)}, 1 + 20*10},
	} {
		got, ok := resolvers.FieldComplexity(tc.typ, tc.field, 10, tc.args, fan)
		if !ok || got != tc.want {
			t.Errorf("%s.%s%v = %d, %v; want %d", tc.typ, tc.field, tc.args, got, ok, tc.want)
		}
	}
}
