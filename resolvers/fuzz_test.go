package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/loader"
)

// The fuzz targets feed arbitrary values to the arguments that filter and
// steer the graph: NodeFilter and ordering of `entities`, `search`, and
// the path and neighbourhood inputs. Values travel as variables, as a
// client sends them, so that every value (quotes, NUL, huge numbers,
// unknown enum names) reaches the coercion and the resolvers intact.
//
// What must hold: no panic, no internal error, only the codes a bad input
// may get, an answer within a few seconds, and answers that respect what
// was asked (page sizes, categories, hop counts).

var fuzzHandler = sync.OnceValue(func() http.Handler {
	built, err := loader.LoadDir("../seeds")
	if err != nil {
		panic(err)
	}
	store := memory.New()
	for _, d := range loader.Documents(built) {
		if _, err := store.Load(context.Background(), d); err != nil {
			panic(err)
		}
	}
	return app.NewServer(app.Config{}, store, nil)
})

// allowedInputCodes are the codes a wrong input may get.
var allowedInputCodes = []string{
	gql.CodeBadUserInput, gql.CodeNotFound, gql.CodeLimitExceeded,
	gql.CodeComplexity, "GRAPHQL_VALIDATION_FAILED",
}

// hangLimit is not a speed claim (speed is measured in the benchmarks):
// every fuzzed request must get an answer, and one that gets none in this
// long is a hang, however loaded the machine is.
const hangLimit = 2 * time.Minute

type fuzzResult struct {
	Data   map[string]json.RawMessage
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	}
}

func fuzzRun(t *testing.T, query string, vars map[string]any) fuzzResult {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Skip("not representable as JSON")
	}
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { defer close(done); fuzzHandler().ServeHTTP(w, r) }()
	select {
	case <-done:
	case <-time.After(hangLimit):
		t.Fatalf("no answer after %v for %s: the request hangs", hangLimit, body)
	}
	var res fuzzResult
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatalf("status %d, body not JSON: %.500q", w.Code, w.Body.String())
	}
	for _, e := range res.Errors {
		code, _ := e.Extensions["code"].(string)
		if !slices.Contains(allowedInputCodes, code) {
			t.Fatalf("error code %q (%s) for %s", code, e.Message, body)
		}
	}
	return res
}

// orNil makes an empty fuzzed string mean "argument not given".
func orNil[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

func FuzzNodeFilter(f *testing.F) {
	f.Add("ket", "", "", "", 0, 0, 0, 10, "", "Drug", "NAME", "ASC")
	f.Add("' OR 1=1 //", "`x`", "KAP:ward2025\x00", "RCT\"}) DETACH DELETE n //", 3, 2000, 2025, 100, "", "Study", "YEAR", "DESC")
	f.Add("", "", "", "", -1, -5, 0, 0, "not-a-cursor", "", "ID", "")
	f.Add("%", "*", "", "", 6, 2030, 2000, 101, "eyJrIjoiYSIsImkiOiJiIn0", "Passage", "name", "sideways")
	f.Add(strings.Repeat("é", 150), "\u202e", "", "", 1, 0, 0, 1_000_000, "", "CitationConcern", "", "")
	f.Add("\\u0000", "meta-analysis", "", "meta-analysis", 1, 1900, 1900, 5, "", "NotACategory", "", "")
	f.Fuzz(func(t *testing.T, nameContains, kind, document, design string, maxEvidence, yearFrom, yearTo, first int, after, category, orderField, orderDir string) {
		filter := map[string]any{
			"nameContains": orNil(nameContains), "kind": orNil(kind), "document": orNil(document), "design": orNil(design),
			"maxEvidenceLevel": orNil(maxEvidence), "yearFrom": orNil(yearFrom), "yearTo": orNil(yearTo),
		}
		vars := map[string]any{"f": filter, "c": orNil(category), "first": orNil(first), "after": orNil(after)}
		if orderField != "" || orderDir != "" {
			vars["o"] = map[string]any{"field": orNil(orderField), "direction": orNil(orderDir)}
		}
		res := fuzzRun(t, `query($f: NodeFilter, $c: Category, $o: NodeOrderBy, $first: Int, $after: String) {
			entities(category: $c, filter: $f, orderBy: $o, first: $first, after: $after) {
				totalCount edges { cursor node { id category name } } pageInfo { hasNextPage endCursor }
			}
		}`, vars)
		raw, ok := res.Data["entities"]
		if !ok || string(raw) == "null" {
			if len(res.Errors) == 0 {
				t.Fatal("no entities and no error")
			}
			return
		}
		var conn struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ ID, Category, Name string }
			}
		}
		if err := json.Unmarshal(raw, &conn); err != nil {
			t.Fatal(err)
		}
		want := first
		if want == 0 {
			want = graph.DefaultPageSize
		}
		if len(conn.Edges) > want || len(conn.Edges) > conn.TotalCount {
			t.Fatalf("%d edges for first=%d, totalCount %d", len(conn.Edges), first, conn.TotalCount)
		}
		for _, e := range conn.Edges {
			if category != "" && e.Node.Category != category {
				t.Fatalf("asked for %s, got %s %s", category, e.Node.Category, e.Node.ID)
			}
			if e.Cursor == "" {
				t.Fatalf("node %s without a cursor", e.Node.ID)
			}
		}
	})
}

func FuzzSearch(f *testing.F) {
	f.Add("mTOR", 10, "")
	f.Add("ketamine\" OR n.id =~ '.*", 5, "Drug")
	f.Add("name:keta* AND category:Drug", 100, "Drug,Mechanism")
	f.Add("+(-\"\\~*?:/ {}[]^&&||!", 1, "")
	f.Add("\x00", 0, "")
	f.Add(strings.Repeat("a ", 100), 101, "Nope")
	f.Add("ketamine) RETURN 1 UNION MATCH (n) DETACH DELETE n //", -3, "")
	f.Fuzz(func(t *testing.T, text string, first int, categories string) {
		var cats []string
		if categories != "" {
			cats = strings.Split(categories, ",")
		}
		res := fuzzRun(t, `query($t: String!, $c: [Category!], $n: Int) { search(text: $t, categories: $c, first: $n) { node { id category } score matched } }`,
			map[string]any{"t": text, "c": cats, "n": orNil(first)})
		raw, ok := res.Data["search"]
		if !ok || string(raw) == "null" {
			return
		}
		var hits []struct {
			Node  struct{ ID, Category string }
			Score float64
		}
		if err := json.Unmarshal(raw, &hits); err != nil {
			t.Fatal(err)
		}
		limit := first
		if limit == 0 {
			limit = 10
		}
		if len(hits) > limit {
			t.Fatalf("%d hits for first=%d", len(hits), first)
		}
		for i, h := range hits {
			if len(cats) > 0 && !slices.Contains(cats, h.Node.Category) {
				t.Fatalf("hit %s is a %s, not one of %v", h.Node.ID, h.Node.Category, cats)
			}
			if i > 0 && h.Score > hits[i-1].Score {
				t.Fatalf("hits out of order: %v", hits)
			}
		}
	})
}

func FuzzPathInputs(f *testing.F) {
	f.Add("FPLX:GRIN", "KAP:abstinence", "", 4, 3, "", false, 1, 100)
	f.Add("CHEBI:6121", "MONDO:0002046", "MONDO:0002046", 6, 50, "AFFECTS,CORRELATED_WITH", true, 3, 1000)
	f.Add("CHEBI:6121' OR 1=1", "`KAP:x`", "\x00", 7, 51, "MENTIONS", false, 4, 1001)
	f.Add("", "", "", -1, -1, "AFFECTS]->() DETACH DELETE n //", false, -1, -1)
	f.Add("FPLX:GRIN", "FPLX:GRIN", "", 1, 1, "CITES,MENTIONS,HAS_PASSAGE", true, 2, 1)
	f.Add("KAP:ward2025", "CHEBI:6121", "", 6, 50, "MENTIONS,HAS_PASSAGE,HAS_SECTION,CITES", false, 3, 1000)
	f.Fuzz(func(t *testing.T, from, to, disorder string, maxHops, first int, edgeTypes string, directed bool, depth, limit int) {
		var types []string
		if edgeTypes != "" {
			types = strings.Split(edgeTypes, ",")
		}
		vars := map[string]any{
			"from": from, "to": to, "toOpt": orNil(to), "disorder": orNil(disorder), "hops": orNil(maxHops), "first": orNil(first),
			"types": types, "directed": directed, "depth": orNil(depth), "limit": orNil(limit),
		}
		res := fuzzRun(t, `query($from: ID!, $to: ID!, $toOpt: ID, $disorder: ID, $hops: Int, $first: Int, $types: [Predicate!], $directed: Boolean, $depth: Int, $limit: Int) {
			mechanismToOutcomePaths(from: $from, to: $toOpt, disorder: $disorder, maxHops: $hops, first: $first) { length sign score nodes { id } }
			paths(from: $from, to: $to, edgeTypes: $types, maxHops: $hops, first: $first, directed: $directed) { length nodes { id } }
			shortestPath(from: $from, to: $to, edgeTypes: $types, maxHops: $hops, directed: $directed) { length }
			neighborhood(id: $from, depth: $depth, edgeTypes: $types, limit: $limit) { truncated nodes { id } edges { id } }
		}`, vars)
		hops := maxHops
		if hops == 0 {
			hops = graph.MaxHopsCap
		}
		for _, field := range []string{"mechanismToOutcomePaths", "paths"} {
			raw, ok := res.Data[field]
			if !ok || string(raw) == "null" {
				continue
			}
			var paths []struct {
				Length int
				Nodes  []struct{ ID string }
			}
			if err := json.Unmarshal(raw, &paths); err != nil {
				t.Fatal(err)
			}
			for _, p := range paths {
				if p.Length > hops || p.Length > graph.MaxHopsCap || len(p.Nodes) != p.Length+1 {
					t.Fatalf("%s: a path of length %d with %d nodes for maxHops %d", field, p.Length, len(p.Nodes), maxHops)
				}
			}
		}
		if raw, ok := res.Data["neighborhood"]; ok && string(raw) != "null" {
			var sg struct{ Nodes []struct{ ID string } }
			if err := json.Unmarshal(raw, &sg); err != nil {
				t.Fatal(err)
			}
			l := limit
			if l == 0 {
				l = graph.DefaultNeighborhood
			}
			if len(sg.Nodes) > l {
				t.Fatalf("neighbourhood of %d nodes for limit %d", len(sg.Nodes), limit)
			}
		}
	})
}
