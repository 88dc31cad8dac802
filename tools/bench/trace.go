package bench

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/kapgraph/kapgraph/graph"
)

// TracingStore records every call the API makes to a store, with its
// start (relative to Reset) and duration: which round trips one GraphQL
// request costs, and the gaps between them.
type TracingStore struct {
	graph.Store
	mu    sync.Mutex
	t0    time.Time
	calls []TracedCall
}

// TracedCall is one recorded store call.
type TracedCall struct {
	Method string
	Arg    string
	Start  time.Duration
	Took   time.Duration
	Err    error
}

// NewTracingStore wraps s.
func NewTracingStore(s graph.Store) *TracingStore { return &TracingStore{Store: s, t0: time.Now()} }

// Reset forgets the calls so far and restarts the clock.
func (t *TracingStore) Reset() {
	t.mu.Lock()
	t.calls, t.t0 = nil, time.Now()
	t.mu.Unlock()
}

// Calls returns the calls since Reset.
func (t *TracingStore) Calls() []TracedCall {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]TracedCall(nil), t.calls...)
}

func (t *TracingStore) rec(method, arg string) func(error) {
	start := time.Now()
	return func(err error) {
		t.mu.Lock()
		t.calls = append(t.calls, TracedCall{method, arg, start.Sub(t.t0), time.Since(start), err})
		t.mu.Unlock()
	}
}

// Format renders calls one per line.
func FormatCalls(calls []TracedCall, wall time.Duration) string {
	var b strings.Builder
	var inStore time.Duration
	for _, c := range calls {
		inStore += c.Took
		e := ""
		if c.Err != nil {
			e = " error: " + c.Err.Error()
		}
		fmt.Fprintf(&b, "  +%7.2f ms  %-15s %-28s %7.2f ms%s\n", ms(c.Start), c.Method, c.Arg, ms(c.Took), e)
	}
	fmt.Fprintf(&b, "  %d store calls, %.2f ms inside the store, %.2f ms wall for the request\n", len(calls), ms(inStore), ms(wall))
	return b.String()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (t *TracingStore) Node(ctx context.Context, id string) (*graph.Node, error) {
	done := t.rec("Node", id)
	n, err := t.Store.Node(ctx, id)
	done(err)
	return n, err
}

func (t *TracingStore) NodesByID(ctx context.Context, ids []string) ([]*graph.Node, error) {
	done := t.rec("NodesByID", fmt.Sprintf("%d ids", len(ids)))
	n, err := t.Store.NodesByID(ctx, ids)
	done(err)
	return n, err
}

func (t *TracingStore) ListNodes(ctx context.Context, q graph.NodeQuery) (*graph.NodePage, error) {
	done := t.rec("ListNodes", string(q.Category))
	n, err := t.Store.ListNodes(ctx, q)
	done(err)
	return n, err
}

func (t *TracingStore) EdgesOf(ctx context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	done := t.rec("EdgesOf", fmt.Sprintf("%d ids %s %d types", len(q.NodeIDs), q.Direction, len(q.Predicates)))
	es, err := t.Store.EdgesOf(ctx, q)
	done(err)
	return es, err
}

// EdgePages forwards to the wrapped store's own paging when it has one
// (graph.PageEdges otherwise), so the trace shows the calls the server
// really makes.
func (t *TracingStore) EdgePages(ctx context.Context, q graph.EdgePageQuery) (map[string]*graph.EdgePage, error) {
	done := t.rec("EdgePages", fmt.Sprintf("%d ids %s %d types first %d", len(q.NodeIDs), q.Direction, len(q.Predicates), q.First))
	ps, err := graph.PageEdges(ctx, t.Store, q)
	done(err)
	return ps, err
}

func (t *TracingStore) EdgesByID(ctx context.Context, ids []string) ([]*graph.Edge, error) {
	done := t.rec("EdgesByID", fmt.Sprintf("%d ids", len(ids)))
	es, err := t.Store.EdgesByID(ctx, ids)
	done(err)
	return es, err
}

func (t *TracingStore) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (*graph.Subgraph, error) {
	done := t.rec("Neighborhood", fmt.Sprintf("depth %d", q.Depth))
	s, err := t.Store.Neighborhood(ctx, q)
	done(err)
	return s, err
}

func (t *TracingStore) MechanismPaths(ctx context.Context, q graph.MechanismPathQuery) ([]*graph.Path, error) {
	done := t.rec("MechanismPaths", fmt.Sprintf("maxHops %d", q.MaxHops))
	p, err := t.Store.MechanismPaths(ctx, q)
	done(err)
	return p, err
}

func (t *TracingStore) Stats(ctx context.Context) (*graph.Stats, error) {
	done := t.rec("Stats", "")
	s, err := t.Store.Stats(ctx)
	done(err)
	return s, err
}
