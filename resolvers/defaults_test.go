package resolvers_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/resolvers"
	"github.com/kapgraph/kapgraph/resolvers/batch"
)

// TestArgumentDefaults holds every default the SDL declares to the one the
// engines apply when the argument is absent or null (graph's Normalize
// functions), so a default is declared in one place and checked in the
// other; a new default in the SDL fails here until it is listed.
func TestArgumentDefaults(t *testing.T) {
	engine := func(key string) (int, bool) {
		switch key {
		case "Query.mechanismToOutcomePaths.maxHops":
			return graph.DefaultMechanismHops, true
		case "Query.paths.maxHops", "Query.shortestPath.maxHops":
			return graph.DefaultMaxHops, true
		case "Query.mechanismToOutcomePaths.first", "Query.paths.first":
			return graph.DefaultPathResults, true
		case "Query.search.first":
			return graph.DefaultSearchResults, true
		case "Query.neighborhood.depth":
			return graph.DefaultDepth, true
		case "Query.neighborhood.limit":
			return graph.DefaultNeighborhood, true
		}
		return 0, false
	}
	defaults := resolvers.ArgumentDefaults(loadSDL(t))
	if len(defaults) < 50 {
		t.Fatalf("only %d argument defaults read from the SDL", len(defaults))
	}
	for key, v := range defaults {
		want, ok := engine(key)
		if !ok {
			if len(key) > 6 && key[len(key)-6:] == ".first" {
				want, ok = graph.DefaultPageSize, true // every connection
			}
		}
		if !ok {
			switch v.(type) {
			case int, int64:
				t.Errorf("%s has an SDL default %v that no engine default is checked against; add it here", key, v)
			}
			continue
		}
		if fmt.Sprint(v) != fmt.Sprint(want) {
			t.Errorf("%s: SDL default %v, engines apply %d", key, v, want)
		}
	}
}

// TestNullArgumentPricedAsRun checks that an explicit null is priced at the
// default it is run with: maxHops: null on mechanism paths runs 6 hops,
// so it must cost what maxHops: 6 costs.
func TestNullArgumentPricedAsRun(t *testing.T) {
	es := resolvers.NewExecutableSchema(memory.New(), batch.Options{}, nil)
	ctx := context.Background()
	for _, tc := range []struct {
		typ, field string
		arg        string
	}{
		{"Query", "mechanismToOutcomePaths", "maxHops"},
		{"Query", "paths", "maxHops"},
		{"Query", "search", "first"},
		{"Query", "neighborhood", "limit"},
	} {
		def := resolvers.ArgumentDefaults(es.Schema())[tc.typ+"."+tc.field+"."+tc.arg]
		withNull, _ := es.Complexity(ctx, tc.typ, tc.field, 3, map[string]any{tc.arg: nil})
		withDefault, _ := es.Complexity(ctx, tc.typ, tc.field, 3, map[string]any{tc.arg: def})
		if withNull != withDefault {
			t.Errorf("%s.%s(%s: null) costs %d, with its default %v it costs %d", tc.typ, tc.field, tc.arg, withNull, def, withDefault)
		}
	}
}
