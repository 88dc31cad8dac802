package trapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/api/trapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/app"
)

// slowStore answers EdgesOf only when its context ends, like a database
// that hangs.
type slowStore struct{ graph.Store }

func (s slowStore) EdgesOf(ctx context.Context, _ graph.EdgeQuery) ([]*graph.Edge, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// downStore fails every edge read as an unreachable database does.
type downStore struct{ graph.Store }

func (s downStore) EdgesOf(context.Context, graph.EdgeQuery) ([]*graph.Edge, error) {
	return nil, graph.WrapError(graph.EUNAVAILABLE, context.DeadlineExceeded, "neo4j: connecting")
}

func (s downStore) MetaGraph(context.Context) ([]*graph.MetaEdge, error) {
	return nil, graph.Errorf(graph.EUNAVAILABLE, "neo4j: connecting")
}

// TestStoreFailures: a request deadline passing inside the store is 504
// Timeout, an unreachable store 503 ServiceUnavailable, both in TRAPI's
// error shape.
func TestStoreFailures(t *testing.T) {
	body := qg(`{"n0":{"ids":["`+ketamine+`"]},"n1":{}}`, `{"e0":{"subject":"n0","object":"n1"}}`)
	for _, tc := range []struct {
		name   string
		store  graph.Store
		path   string
		code   int
		status string
		log    string
	}{
		{"timeout", slowStore{memoryStore(t)}, "/trapi/query", 504, trapi.StatusTimeout, graph.ETIMEOUT},
		{"unavailable", downStore{memoryStore(t)}, "/trapi/query", 503, trapi.StatusUnavailable, graph.EUNAVAILABLE},
		{"unavailable meta", downStore{memoryStore(t)}, "/trapi/meta_knowledge_graph", 503, trapi.StatusUnavailable, graph.EUNAVAILABLE},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(app.NewServer(app.Config{HTTP: httpapi.Config{RequestTimeout: 100 * time.Millisecond}}, tc.store, nil))
			defer srv.Close()
			var code int
			var b []byte
			if strings.HasSuffix(tc.path, "query") {
				code, b = post(t, srv, tc.path, body)
			} else {
				code, b = get(t, srv, tc.path)
			}
			var r trapi.Response
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatalf("%d: %v\n%s", code, err, b)
			}
			if code != tc.code || r.Status != tc.status || len(r.Logs) != 1 || r.Logs[0].Code != tc.log {
				t.Fatalf("got %d %s %+v, want %d %s %s", code, r.Status, r.Logs, tc.code, tc.status, tc.log)
			}
		})
	}
}

// TestResultCap: past the cap the best results are kept, in order, and
// logs say how many there were.
func TestResultCap(t *testing.T) {
	eng := trapi.NewEngine(memoryStore(t), 3)
	q := &trapi.Query{}
	q.Message.QueryGraph = json.RawMessage(`{"nodes":{"n0":{"ids":["` + ketamine + `"]},"n1":{}},"edges":{"e0":{"subject":"n0","object":"n1","predicates":["biolink:affects"]}}}`)
	resp, err := eng.Query(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Message.Results) != 3 {
		t.Fatalf("%d results, want 3", len(resp.Message.Results))
	}
	full, err := trapi.NewEngine(memoryStore(t), 0).Query(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if resp.Message.Results[i].Analyses[0].Score != full.Message.Results[i].Analyses[0].Score {
			t.Errorf("result %d is not the %dth best", i, i+1)
		}
	}
	var warned bool
	for _, l := range resp.Logs {
		warned = warned || l.Level == "WARNING" && strings.Contains(l.Message, "only the best 3")
	}
	if !warned {
		t.Errorf("no truncation warning in %+v", resp.Logs)
	}
	if len(resp.Message.KnowledgeGraph.Edges) >= len(full.Message.KnowledgeGraph.Edges) {
		t.Errorf("the knowledge graph keeps the dropped results' edges")
	}
}

// TestMethods: the wrong method is 405 with Allow, in TRAPI's shape.
func TestMethods(t *testing.T) {
	srv := httptest.NewServer(app.NewServer(app.Config{}, memoryStore(t), nil))
	defer srv.Close()
	for path, method := range map[string]string{"/trapi/query": "GET", "/trapi/meta_knowledge_graph": "POST"} {
		req, _ := http.NewRequest(method, srv.URL+path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var r trapi.Response
		err = json.NewDecoder(resp.Body).Decode(&r)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 405 || resp.Header.Get("Allow") == "" || r.Status != trapi.StatusBadRequest {
			t.Errorf("%s %s: %d %q %v %+v", method, path, resp.StatusCode, resp.Header.Get("Allow"), err, r)
		}
	}
}

// heldStore holds EdgesOf, whatever the context, until release closes:
// a query that keeps its admission slot.
type heldStore struct {
	graph.Store
	entered chan struct{}
	release chan struct{}
}

func (s heldStore) EdgesOf(ctx context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	s.entered <- struct{}{}
	<-s.release
	return s.Store.EdgesOf(ctx, q)
}

// TestAdmission: TRAPI queries share GraphQL's admission queue; with the
// one slot held by a query in the store, the next one's deadline passes
// in the queue and it gets 503 in TRAPI's shape with Retry-After.
func TestAdmission(t *testing.T) {
	store := heldStore{memoryStore(t), make(chan struct{}, 1), make(chan struct{})}
	cfg := app.Config{HTTP: httpapi.Config{MaxInFlight: 1, RequestTimeout: 300 * time.Millisecond}}
	srv := httptest.NewServer(app.NewServer(cfg, store, nil))
	defer srv.Close()
	body := qg(`{"n0":{"ids":["`+ketamine+`"]},"n1":{}}`, `{"e0":{"subject":"n0","object":"n1"}}`)
	first := make(chan int, 1)
	go func() {
		resp, err := http.Post(srv.URL+"/trapi/query", "application/json", strings.NewReader(body))
		if err != nil {
			first <- 0
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	<-store.entered
	resp, err := http.Post(srv.URL+"/trapi/query", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var r trapi.Response
	err = json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	close(store.release)
	if err != nil || resp.StatusCode != 503 || r.Status != trapi.StatusUnavailable || resp.Header.Get("Retry-After") != "1" {
		t.Errorf("queued query: %d %s Retry-After %q (%v), want 503 %s with Retry-After", resp.StatusCode, r.Status, resp.Header.Get("Retry-After"), err, trapi.StatusUnavailable)
	}
	if code := <-first; code == 503 {
		t.Errorf("the admitted query got 503 too")
	}
}
