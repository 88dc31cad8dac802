package gql_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/api/gql"
)

// sdl is a small schema with the shapes the limits look at: nesting
// through lists, an enum argument, a fragment target.
const sdl = `
type Query { drugs(order: Order): [Drug!]! stats: Stats page: DrugConnection }
type DrugConnection { edges: [DrugEdge!]! total: Int! }
type DrugEdge { node: Drug! cursor: String! }
type Stats { nodes: Int! }
type Drug { name: String! claims: [Claim!]! }
type Claim { object: Drug! }
enum Order { ASC DESC }
`

func schema(t *testing.T) *ast.Schema {
	t.Helper()
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "test.graphqls", Input: sdl})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDepth(t *testing.T) {
	s := schema(t)
	for _, tc := range []struct {
		query string
		want  int
	}{
		{`{ stats { nodes } }`, 2},
		{`{ __schema { types { name } } stats { nodes } }`, 2},
		{`{ drugs { claims { object { name } } } }`, 4},
		{`query { drugs { ...D } } fragment D on Drug { claims { ...C } } fragment C on Claim { object { name } }`, 4},
		// A page's edges and node are wrappers, not steps; its other
		// fields count.
		{`{ page { edges { node { claims { object { name } } } } } }`, 4},
		{`{ page { edges { cursor } total } }`, 2},
	} {
		doc, err := gqlparser.LoadQuery(s, tc.query)
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		if got := gql.Depth(doc.Operations[0].SelectionSet); got != tc.want {
			t.Errorf("Depth(%s) = %d, want %d", tc.query, got, tc.want)
		}
	}
}

// TestStructureParsesOnce checks the contract with the executor: a query
// that passes and validates is handed over in the query cache (so the
// executor does not parse it again), while a refused, unparsable or
// invalid one is not, and a refusal is given again from its own cache.
func TestStructureParsesOnce(t *testing.T) {
	ctx := context.Background()
	queries := lru.New[*ast.QueryDocument](10)
	st := gql.NewStructure(gql.Limits{MaxFields: 5, MaxAliases: 1}, schema(t), queries)
	for _, tc := range []struct {
		name, query string
		code        string // "" when the query passes the limits
		cached      bool
	}{
		{name: "valid", query: `{ drugs { name } }`, cached: true},
		{name: "too many fields", query: `{ drugs { name claims { object { name claims { object { name } } } } } }`, code: gql.CodeTooManyFields},
		{name: "too many aliases", query: `{ a: stats { nodes } b: stats { nodes } }`, code: gql.CodeTooManyAliases},
		{name: "introspection off", query: `{ __schema { queryType { name } } }`, code: gql.CodeIntrospectionDisabled},
		{name: "does not parse", query: `{ drugs { name }`},
		{name: "does not validate", query: `{ drugs { weight } }`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for round := range 2 { // the second round is answered from the caches
				err := st.MutateOperationParameters(ctx, &graphql.RawParams{Query: tc.query})
				var code any
				if err != nil {
					code = err.Extensions["code"]
				}
				if (tc.code == "" && err != nil) || (tc.code != "" && code != tc.code) {
					t.Fatalf("round %d: error %v (code %v), want code %q", round, err, code, tc.code)
				}
				if _, ok := queries.Get(ctx, tc.query); ok != tc.cached {
					t.Errorf("round %d: in the query cache %v, want %v", round, ok, tc.cached)
				}
			}
		})
	}
}

func TestPersistedQueryExtension(t *testing.T) {
	st := gql.NewStructure(gql.Limits{}, schema(t), lru.New[*ast.QueryDocument](10))
	const query = `{ stats { nodes } }`
	sum := sha256.Sum256([]byte(query))
	for _, tc := range []struct {
		name string
		pq   any
		ok   bool
	}{
		{"not an object", "abc", false},
		{"wrong version", map[string]any{"version": 2, "sha256Hash": "00"}, false},
		{"short hash", map[string]any{"version": 1, "sha256Hash": "abc"}, false},
		{"hash of another query", map[string]any{"version": 1, "sha256Hash": "0000000000000000000000000000000000000000000000000000000000000000"}, false},
		{"hash of the query", map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}, true},
		{"hash of the query in capitals, version as a string", map[string]any{"version": "1", "sha256Hash": strings.ToUpper(hex.EncodeToString(sum[:]))}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := st.MutateOperationParameters(context.Background(), &graphql.RawParams{
				Query: query, Extensions: map[string]any{"persistedQuery": tc.pq},
			})
			if (err == nil) != tc.ok {
				t.Fatalf("error %v, want ok=%v", err, tc.ok)
			}
			if err != nil && err.Extensions["code"] != gql.CodeBadRequest {
				t.Errorf("code %v, want %s", err.Extensions["code"], gql.CodeBadRequest)
			}
		})
	}
}
