package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/tools/bench"
	web "github.com/kapgraph/kapgraph/ui/playground"
)

// TestStatementsPerRequest serves the shipped review from a real Neo4j and
// counts the statements each request of the benchmark's mix and of the
// playground's examples costs, one request at a time. The questions whose
// root field is read through a plan (or is one statement by nature) must
// cost exactly one; the others are reported, so that the count of every
// one of them is in the log and a regression of a planned one fails.
func TestStatementsPerRequest(t *testing.T) {
	ctx := context.Background()
	counter := &neo4jtest.RunCounter{}
	store, docs := seededNeo4j(t, func(cfg *neo4j.Config) {
		cfg.BoltLogger = counter
		// The complexity limit prices each request with the store's
		// FanOut, which reads the graph's version again every
		// FanOutRecheck: a long one keeps that read out of the requests
		// counted here (it is warmed once after the load below).
		cfg.FanOutRecheck = time.Hour
	})
	mem := memory.New()
	for _, d := range docs {
		if _, err := mem.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.FanOut(ctx); err != nil {
		t.Fatal(err)
	}
	// The embedded engine answers every question too, and the two answers
	// must be the same bytes: its plans read whole nodes, Neo4j's only the
	// fields each place selects (graph.PlanNode.Fields), so this is where a
	// field the plan left out would show.
	memSrv := httptest.NewServer(app.NewServer(app.Config{}, mem, nil))
	defer memSrv.Close()

	// The mix's questions, asked about the review's own entities.
	vars := map[bench.QueryID]map[string]any{
		bench.QEntity:       {"id": "CHEBI:6121"},
		bench.QList:         {"after": nil},
		bench.QPaths4:       {"from": "CHEBI:6121"},
		bench.QPaths6:       {"from": "CHEBI:6121"},
		bench.QNeighborhood: {"id": "GO:0031929"},
	}
	// Path questions take two: the hop-bounded region, searched in Go,
	// then the chosen paths whole (claims, evidence, nodes). Neither
	// count grows with the graph; everything else is one statement.
	statements := func(pathQuestion bool) int64 {
		if pathQuestion {
			return 2
		}
		return 1
	}
	var qs []question
	for _, q := range bench.Mix {
		qs = append(qs, question{name: "mix " + string(q), query: bench.KapgraphQueries[q], vars: vars[q],
			want: statements(q == bench.QPaths4 || q == bench.QPaths6)})
	}
	// A list root with claim pages under its nodes: the page, then one
	// plan for every node of it however deep the claims nest.
	qs = append(qs,
		question{name: "list drugs with claims", want: 2, query: `{ drugs(first: 5) { totalCount edges { node { id name
  claims(first: 3) { totalCount edges { node { id predicate object { id name
    ... on Mechanism { downstream(first: 2) { edges { node { id object { id } } } } } }
  evidence { quote studies { id } } } } } } } } }`},
		question{name: "list studies with claims", want: 2, query: `{ studies(first: 4) { edges { node { id
  claims(first: 2) { edges { node { id subject { id } } } } } } } }`},
		// The same claim ends and studies selected with few fields in one
		// place and with more in another place, another alias and another
		// root field: each place must see every field it selects.
		question{name: "partial and whole ends", want: 2, query: `{
  a: node(id: "CHEBI:6121") { id claims(direction: OUT, first: 6) { edges { node { id
    object { id name } o2: object { id description synonyms xrefs { curie } }
    evidence { studies { id } s2: studies { id title year design evidenceLevel } } } } } }
  b: node(id: "CHEBI:6121") { claims(direction: OUT, first: 6) { edges { node { id
    object { __typename id category biolink name description
      ... on Mechanism { related(first: 3) { edges { node { id name description } } } } }
    subject { id name } } } } } }`},
		// Claims read partially (only the fields each place selects) and
		// whole, the same page at two places, and one field name asking
		// different pages of different types: each place gets its own.
		// The Mechanism fragment's page is a second statement (a field
		// name asked twice is planned once), the qualifier's disorder a
		// third (not planned).
		question{name: "partial and whole claims", want: 3, query: `{
  nodes(ids: ["CHEBI:6121", "GO:0031929"]) { id
    ... on Drug { claims(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id sign } } } }
    ... on Mechanism { claims(first: 4) { edges { node { id evidence { quote } } } } }
    more: claims(first: 2) { edges { node { id object { id } evidence { quote studies { id } } qualifiers { disorder { id } } note } } } } }`},
		// Concerns and reviews are not planned: one batch of nodes.
		question{name: "claims with concerns and reviews", want: 2, query: `{ node(id: "CHEBI:6121") {
  claims(first: 6) { edges { node { id concerns { id } review { id } documents inferredFromIds } } } } }`},
		// The root claims list reads its page with the nodes it names.
		question{name: "claims root with ends, studies, concerns", want: 1, query: `{ claims(filter: {concernKind: "disorder-mismatch"}, first: 5) {
  totalCount edges { cursor node { id subject { id name synonyms } object { id name ... on Disorder { description } }
    evidence { studies { id name design evidenceLevel } } concerns { id kind message } } } } }`},
		question{name: "ends with fields beyond the list", want: 1, query: `{ node(id: "CHEBI:6121") {
  claims(first: 8) { edges { node { id subject { id name ... on Drug { kind } } object { id ... on Study { title journal } ... on Passage { text } } } } } } }`},
	)
	examples, err := web.Examples()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range examples {
		name := strings.Fields(ex[strings.Index(ex, "query "):])[1]
		qs = append(qs, question{name: "playground " + name, query: ex,
			want: statements(pathField.MatchString(ex))})
	}

	// Tracing wraps the store in graph/traced, which must pass every read
	// through to the engine's own: the counts are the same with it on.
	for _, tracing := range []bool{false, true} {
		t.Run(map[bool]string{false: "tracing off", true: "tracing on"}[tracing], func(t *testing.T) {
			cfg := app.Config{}
			rec := tracetest.NewSpanRecorder()
			if tracing {
				cfg.Tracer = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
			}
			srv := httptest.NewServer(app.NewServer(cfg, store, nil))
			defer srv.Close()
			askAll(t, srv.URL, memSrv.URL, counter, qs)
			if tracing && countStoreSpans(rec) < len(qs) {
				t.Errorf("tracing on: %d store spans for %d requests; is the store wrapped?", countStoreSpans(rec), len(qs))
			}
		})
	}
}

// question is one request and the statements it must cost.
type question struct {
	name, query string
	vars        map[string]any
	want        int64
}

// countStoreSpans counts graph/traced's spans among those recorded.
func countStoreSpans(rec *tracetest.SpanRecorder) int {
	n := 0
	for _, s := range rec.Ended() {
		if strings.HasPrefix(s.Name(), "store.") {
			n++
		}
	}
	return n
}

// askAll asks each question of the server at url, one at a time, checks
// the statements each cost and that the embedded server at memURL gives
// the same bytes.
func askAll(t *testing.T, url, memURL string, counter *neo4jtest.RunCounter, qs []question) {
	for _, q := range qs {
		body, _ := json.Marshal(map[string]any{"query": q.query, "variables": q.vars})
		before := counter.Runs()
		resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var res struct {
			Data   map[string]any  `json:"data"`
			Errors json.RawMessage `json:"errors"`
		}
		err = json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		n := counter.Runs() - before
		if err != nil || len(res.Errors) > 0 || len(res.Data) == 0 {
			t.Errorf("%s: status %d, errors %s, decode %v", q.name, resp.StatusCode, res.Errors, err)
			continue
		}
		t.Logf("%-40s %d statement(s)", q.name, n)
		if n != q.want {
			t.Errorf("%s: %d statements, want %d", q.name, n, q.want)
		}
		if got, want := post(t, url, body), post(t, memURL, body); got != want {
			t.Errorf("%s: Neo4j and the embedded store answer differently:\n neo4j    %.600s\n embedded %.600s", q.name, got, want)
		}
	}
}

// post asks a GraphQL server and returns the response body.
func post(t *testing.T, url string, body []byte) string {
	t.Helper()
	resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	if _, err := b.ReadFrom(resp.Body); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// pathField finds a path root field in a query's text.
var pathField = regexp.MustCompile(`\b(paths|mechanismToOutcomePaths|shortestPath)\s*\(`)

// wipe empties the database in batches, relationships first, so a large
// graph left by another package's tests never needs one huge transaction.
func wipe(t *testing.T, cfg neo4j.Config) {
	t.Helper()
	if err := neo4jtest.Wipe(context.Background(), cfg.URI, cfg.Username, cfg.Password, cfg.Database); err != nil {
		t.Fatal(err)
	}
}
