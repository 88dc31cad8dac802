package resolvers_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers"
)

func get(t *testing.T, base string, params map[string]string) *response {
	t.Helper()
	v := url.Values{}
	for k, p := range params {
		v.Set(k, p)
	}
	res, err := http.Get(base + "/graphql?" + v.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	return decode(t, res)
}

func TestTransportsAndExtensions(t *testing.T) {
	store := seedStore(t)
	open := server(t, store, gql.Options{Limits: gql.Limits{Introspection: true}})
	closed := server(t, store, gql.Options{})

	t.Run("GET", func(t *testing.T) {
		res := get(t, open.URL, map[string]string{"query": `query($id: ID!) { node(id: $id) { name } }`, "variables": `{"id":"CHEBI:6121"}`})
		if string(res.Data) != `{"node":{"name":"ketamine"}}` {
			t.Errorf("GET answered %s", res.raw)
		}
	})

	t.Run("automatic persisted query", func(t *testing.T) {
		q := `{ drugs(first: 1) { totalCount } }`
		sum := sha256.Sum256([]byte(q))
		ext := fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":"%s"}}`, hex.EncodeToString(sum[:]))
		miss := get(t, open.URL, map[string]string{"extensions": ext})
		if len(miss.Errors) != 1 || miss.Errors[0].Extensions["code"] != "PERSISTED_QUERY_NOT_FOUND" {
			t.Fatalf("unknown hash answered %s", miss.raw)
		}
		reg := get(t, open.URL, map[string]string{"query": q, "extensions": ext})
		if len(reg.Errors) != 0 || !strings.HasPrefix(string(reg.Data), `{"drugs":{"totalCount":`) {
			t.Fatalf("registering answered %s", reg.raw)
		}
		hit := get(t, open.URL, map[string]string{"extensions": ext})
		if string(hit.Data) != string(reg.Data) {
			t.Errorf("persisted query answered %s", hit.raw)
		}
	})

	t.Run("introspection switch", func(t *testing.T) {
		q := `{ __type(name: "Drug") { description fields { name description } } }`
		if res := post(t, open.URL, q, nil); len(res.Errors) != 0 || !strings.Contains(string(res.Data), "CHEBI:6121") {
			t.Errorf("introspection on answered %s", res.raw)
		}
		if res := post(t, closed.URL, q, nil); len(res.Errors) == 0 {
			t.Errorf("introspection off answered %s", res.raw)
		}
	})

	t.Run("introspection is not depth-limited", func(t *testing.T) {
		// GraphiQL's schema query nests ofType nine levels deep.
		q := `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`
		if res := post(t, open.URL, q, nil); len(res.Errors) != 0 {
			t.Errorf("deep introspection answered %s", res.raw)
		}
	})

	t.Run("complexity limit", func(t *testing.T) {
		tight := server(t, store, gql.Options{Limits: gql.Limits{MaxComplexity: 500}})
		res := post(t, tight.URL, `{ drugs(first: 100) { edges { node { claims(first: 100) { edges { node { object { claims(first: 100) { totalCount } } } } } } } } }`, nil)
		if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" || res.Errors[0].Extensions["domainCode"] != graph.ELIMIT {
			t.Errorf("answered %s", res.raw)
		}
		if ok := post(t, tight.URL, `{ drugs(first: 2) { edges { node { claims(first: 5) { totalCount } } } } }`, nil); len(ok.Errors) != 0 {
			t.Errorf("a small query answered %s", ok.raw)
		}
	})

	t.Run("depth limit configurable", func(t *testing.T) {
		shallow := server(t, store, gql.Options{Limits: gql.Limits{MaxDepth: 3}})
		res := post(t, shallow.URL, `{ drugs { edges { node { claims { edges { node { object { name } } } } } } } }`, nil)
		if len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "QUERY_TOO_DEEP" {
			t.Errorf("answered %s", res.raw)
		}
	})
}

func TestFieldComplexity(t *testing.T) {
	for _, tc := range []struct {
		typ, field string
		child      int
		args       map[string]any
		want       int
		priced     bool
	}{
		{"Query", "drugs", 10, map[string]any{"first": int64(20)}, 1 + 20*10, true},
		{"Query", "drugs", 10, map[string]any{"first": json.Number("100")}, 1 + 100*10, true},
		{"Drug", "claims", 5, map[string]any{"first": nil}, 1 + graph.DefaultPageSize*5, true},
		{"Query", "nodes", 3, map[string]any{"ids": []any{"a", "b"}}, 1 + 2*3, true},
		{"Query", "neighborhood", 4, map[string]any{"limit": int64(100), "depth": int64(1)}, 25 + 100*4, true},
		{"Query", "paths", 7, map[string]any{"first": int64(10), "maxHops": int64(4)}, 50 + 40*7, true},
		{"Query", "stats", 12, nil, 10 + 12, true},
		{"Claim", "subject", 3, nil, 0, false},
	} {
		got, ok := resolvers.FieldComplexity(tc.typ, tc.field, tc.child, tc.args, nil)
		if ok != tc.priced || got != tc.want {
			t.Errorf("FieldComplexity(%s.%s) = %d, %v; want %d, %v", tc.typ, tc.field, got, ok, tc.want, tc.priced)
		}
	}
}

// TestPaging walks lists page by page and checks that the pages add up to
// the whole list, with consistent pageInfo, for a store-paged root list and
// for a resolver-paged relationship.
func TestPaging(t *testing.T) {
	srv := server(t, seedStore(t), gql.Options{})
	for _, tc := range []struct {
		name, query string
		conn        func(data map[string]any) map[string]any
	}{
		{"root list", `query($after: String) { passages(first: 7, after: $after) {
			totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`,
			func(d map[string]any) map[string]any { return d["passages"].(map[string]any) }},
		{"relationship", `query($after: String) { node(id: "CHEBI:6121") { claims(first: 4, after: $after) {
			totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`,
			func(d map[string]any) map[string]any { return d["node"].(map[string]any)["claims"].(map[string]any) }},
		{"descending", `query($after: String) { studies(first: 3, after: $after, orderBy: {field: YEAR, direction: DESC}) {
			totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`,
			func(d map[string]any) map[string]any { return d["studies"].(map[string]any) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			vars := map[string]any{}
			total := -1
			for page := 0; ; page++ {
				if page > 50 {
					t.Fatal("paging does not end")
				}
				res := post(t, srv.URL, tc.query, vars)
				if len(res.Errors) > 0 {
					t.Fatalf("page %d: %s", page, res.raw)
				}
				var data map[string]any
				json.Unmarshal(res.Data, &data)
				c := tc.conn(data)
				info := c["pageInfo"].(map[string]any)
				total = int(c["totalCount"].(float64))
				edges := c["edges"].([]any)
				if info["hasPreviousPage"] != (page > 0) {
					t.Errorf("page %d: hasPreviousPage = %v", page, info["hasPreviousPage"])
				}
				for i, e := range edges {
					e := e.(map[string]any)
					ids = append(ids, e["node"].(map[string]any)["id"].(string))
					if i == len(edges)-1 && e["cursor"] != info["endCursor"] {
						t.Errorf("page %d: endCursor is not the last edge's cursor", page)
					}
				}
				if info["hasNextPage"] != true {
					break
				}
				vars["after"] = info["endCursor"]
			}
			if len(ids) != total {
				t.Errorf("pages held %d items, totalCount is %d", len(ids), total)
			}
			sorted := slices.Clone(ids)
			slices.Sort(sorted)
			if len(slices.Compact(sorted)) != len(ids) {
				t.Errorf("an item came twice: %v", ids)
			}
		})
	}
}

// TestEvidenceRoutes checks the claims reached through the text against
// the documents themselves: Study.supports must list exactly the claims
// whose evidence cites the study, and CitationConcern.affectedClaims
// exactly those listing the concern.
func TestEvidenceRoutes(t *testing.T) {
	store := seedStore(t)
	srv := server(t, store, gql.Options{})
	res := post(t, srv.URL, `{
		studies(first: 100) { edges { node { id supports(first: 100) { totalCount edges { node { id } } } } } }
		concerns(first: 100) { edges { node { id affectedClaims(first: 100) { totalCount edges { node { id } } } } } }
	}`, nil)
	if len(res.Errors) > 0 {
		t.Fatal(string(res.raw))
	}
	want := map[string][]string{}
	for _, d := range seedDocuments(t) {
		for _, e := range d.Edges {
			for _, s := range e.Publications() {
				want[s] = append(want[s], e.ID)
			}
			for _, c := range e.Concerns {
				want[c] = append(want[c], e.ID)
			}
		}
	}
	var data struct {
		Studies, Concerns struct {
			Edges []struct {
				Node struct {
					ID                       string
					Supports, AffectedClaims *struct {
						Edges []struct{ Node struct{ ID string } }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(res.Data, &data); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range append(data.Studies.Edges, data.Concerns.Edges...) {
		conn := e.Node.Supports
		if conn == nil {
			conn = e.Node.AffectedClaims
		}
		var got []string
		for _, c := range conn.Edges {
			got = append(got, c.Node.ID)
		}
		w := slices.Clone(want[e.Node.ID])
		slices.Sort(got)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s: claims %v, documents say %v", e.Node.ID, got, w)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d studies and concerns checked", checked)
	}
}
