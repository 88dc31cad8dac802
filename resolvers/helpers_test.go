package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/internal/testutil"
	"github.com/kapgraph/kapgraph/loader"
)

// seedDocuments builds the documents of ../seeds.
func seedDocuments(t testing.TB) []*graph.Document {
	t.Helper()
	built, err := loader.LoadDir("../seeds")
	if err != nil {
		t.Fatalf("loading seeds: %v", err)
	}
	return loader.Documents(built)
}

// seedStore is a memory store holding the documents built from ../seeds.
func seedStore(t testing.TB) *memory.Store {
	t.Helper()
	return loadStore(t, seedDocuments(t)...)
}

func loadStore(t testing.TB, docs ...*graph.Document) *memory.Store {
	t.Helper()
	s := memory.New()
	for _, d := range docs {
		if _, err := s.Load(context.Background(), d); err != nil {
			t.Fatalf("loading %s: %v", d.ID, err)
		}
	}
	return s
}

// countingStore counts the calls that reach a real store; every answer is
// the real store's.
type countingStore struct {
	graph.Store
	mu    sync.Mutex
	calls map[string]int
	total atomic.Int64
}

func newCounting(s graph.Store) *countingStore {
	return &countingStore{Store: s, calls: map[string]int{}}
}

func (c *countingStore) count(name string) {
	c.total.Add(1)
	c.mu.Lock()
	c.calls[name]++
	c.mu.Unlock()
}

func (c *countingStore) Total() int { return int(c.total.Load()) }

func (c *countingStore) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Sprint(c.calls)
}

func (c *countingStore) Node(ctx context.Context, id string) (*graph.Node, error) {
	c.count("Node")
	return c.Store.Node(ctx, id)
}

func (c *countingStore) NodesByID(ctx context.Context, ids []string) ([]*graph.Node, error) {
	c.count("NodesByID")
	return c.Store.NodesByID(ctx, ids)
}

func (c *countingStore) ListNodes(ctx context.Context, q graph.NodeQuery) (*graph.NodePage, error) {
	c.count("ListNodes")
	return c.Store.ListNodes(ctx, q)
}

func (c *countingStore) EdgesOf(ctx context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	c.count("EdgesOf")
	return c.Store.EdgesOf(ctx, q)
}

func (c *countingStore) EdgesByID(ctx context.Context, ids []string) ([]*graph.Edge, error) {
	c.count("EdgesByID")
	return c.Store.EdgesByID(ctx, ids)
}

func (c *countingStore) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (*graph.Subgraph, error) {
	c.count("Neighborhood")
	return c.Store.Neighborhood(ctx, q)
}

func (c *countingStore) Paths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
	c.count("Paths")
	return c.Store.Paths(ctx, q)
}

func (c *countingStore) ShortestPath(ctx context.Context, q graph.PathQuery) (*graph.Path, error) {
	c.count("ShortestPath")
	return c.Store.ShortestPath(ctx, q)
}

func (c *countingStore) MechanismPaths(ctx context.Context, q graph.MechanismPathQuery) ([]*graph.Path, error) {
	c.count("MechanismPaths")
	return c.Store.MechanismPaths(ctx, q)
}

func (c *countingStore) Search(ctx context.Context, q graph.SearchQuery) ([]*graph.SearchHit, error) {
	c.count("Search")
	return c.Store.Search(ctx, q)
}

func (c *countingStore) Stats(ctx context.Context) (*graph.Stats, error) {
	c.count("Stats")
	return c.Store.Stats(ctx)
}

func (c *countingStore) MetaGraph(ctx context.Context) ([]*graph.MetaEdge, error) {
	c.count("MetaGraph")
	return c.Store.MetaGraph(ctx)
}

// server serves the API over store the way cmd/ does (app.NewServer);
// post and get address its /graphql.
func server(t testing.TB, store graph.Store, o gql.Options) *httptest.Server {
	t.Helper()
	return serverWith(t, store, app.Config{GraphQL: o})
}

// serverWith serves the API built from cfg over store.
func serverWith(t testing.TB, store graph.Store, cfg app.Config) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(app.NewServer(cfg, store, nil))
	t.Cleanup(srv.Close)
	return srv
}

// response is a GraphQL response with the raw data kept for goldens.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	raw    []byte
	status int
}

func post(t testing.TB, url, query string, vars map[string]any) *response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	res, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer res.Body.Close()
	return decode(t, res)
}

func decode(t testing.TB, res *http.Response) *response {
	t.Helper()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(res.Body); err != nil {
		t.Fatalf("reading response: %v", err)
	}
	r := &response{raw: buf.Bytes(), status: res.StatusCode}
	if err := json.Unmarshal(r.raw, r); err != nil {
		t.Fatalf("decoding %q: %v", buf.String(), err)
	}
	return r
}

// golden compares got with testdata/name.json (KAPGRAPH_UPDATE_GOLDEN=1
// rewrites it).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	got = sortErrors(t, got)
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, got, "", "  "); err != nil {
		t.Fatalf("indenting %s: %v", got, err)
	}
	pretty.WriteByte('\n')
	// Keep quotes readable: gqlgen escapes <, > and & in strings.
	readable := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(pretty.String())
	pretty.Reset()
	pretty.WriteString(readable)
	testutil.Golden(t, filepath.Join("testdata", name+".json"), pretty.Bytes())
}

// sortErrors orders a response's errors by path and message: root fields
// run concurrently, so errors arrive in no fixed order. Data is kept byte
// for byte.
func sortErrors(t *testing.T, body []byte) []byte {
	t.Helper()
	var r struct {
		Errors     []json.RawMessage `json:"errors,omitempty"`
		Data       json.RawMessage   `json:"data"`
		Extensions json.RawMessage   `json:"extensions,omitempty"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
	key := func(raw json.RawMessage) string {
		var e struct {
			Path    []any
			Message string
		}
		json.Unmarshal(raw, &e)
		return fmt.Sprint(e.Path, e.Message)
	}
	slices.SortStableFunc(r.Errors, func(a, b json.RawMessage) int { return strings.Compare(key(a), key(b)) })
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Read and EdgePages go through this double's own calls (the references
// in graph), as they did when they were optional features it lacked.
func (c *countingStore) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	return graph.ReadByCalls(ctx, c, p)
}

func (c *countingStore) EdgePages(ctx context.Context, q graph.EdgePageQuery) (map[string]*graph.EdgePage, error) {
	return graph.PageByEdgesOf(ctx, c, q)
}

func (c *countingStore) Evidence(ctx context.Context, drug, disorder string) (*graph.EvidenceReport, error) {
	return graph.GatherEvidence(ctx, c, drug, disorder)
}
