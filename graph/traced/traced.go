// Package traced wraps any graph.Store so that each call is one span: the
// layer between a request's span and the engine's own (a Neo4j
// statement's), which says which read a slow request spent its time in.
// Every read of the API is a method of graph.Store, so the compiler checks
// that each one passes through to the engine's own: wrapping never
// changes how many statements a request costs (internal/app's
// statement-count test runs with tracing on and off).
package traced

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/kapgraph/kapgraph/graph"
)

// Store is a graph.Store whose calls are spans.
type Store struct {
	inner  graph.Store
	tracer trace.Tracer
}

var _ graph.Store = (*Store)(nil)

// Wrap returns s with each call traced through tp; a nil tp returns s.
func Wrap(s graph.Store, tp trace.TracerProvider) graph.Store {
	if tp == nil {
		return s
	}
	return &Store{inner: s, tracer: tp.Tracer("github.com/kapgraph/kapgraph/graph")}
}

// Unwrap returns the store inside.
func (s *Store) Unwrap() graph.Store { return s.inner }

// call runs one store call in a span named after the method.
func call[T any](ctx context.Context, s *Store, op string, attrs []attribute.KeyValue, f func(context.Context) (T, error), opts ...trace.SpanStartOption) (T, error) {
	ctx, span := s.tracer.Start(ctx, "store."+op, append(opts, trace.WithAttributes(attrs...))...)
	defer span.End()
	v, err := f(ctx)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, graph.ErrorCode(err))
		span.SetAttributes(attribute.String("kapgraph.error_code", graph.ErrorCode(err)))
	}
	return v, err
}

func ids(ids []string) []attribute.KeyValue {
	return []attribute.KeyValue{attribute.Int("kapgraph.ids", len(ids))}
}

// The methods below implement graph.Store: each call is one span named
// store.<Method>, with the sizes of what it was asked (never the ids).

func (s *Store) Load(ctx context.Context, doc *graph.Document) (*graph.LoadResult, error) {
	return call(ctx, s, "Load", []attribute.KeyValue{attribute.String("kapgraph.document", doc.ID)},
		func(ctx context.Context) (*graph.LoadResult, error) { return s.inner.Load(ctx, doc) })
}

func (s *Store) Node(ctx context.Context, id string) (*graph.Node, error) {
	return call(ctx, s, "Node", nil, func(ctx context.Context) (*graph.Node, error) { return s.inner.Node(ctx, id) })
}

func (s *Store) NodesByID(ctx context.Context, in []string) ([]*graph.Node, error) {
	return call(ctx, s, "NodesByID", ids(in), func(ctx context.Context) ([]*graph.Node, error) { return s.inner.NodesByID(ctx, in) })
}

func (s *Store) ListNodes(ctx context.Context, q graph.NodeQuery) (*graph.NodePage, error) {
	return call(ctx, s, "ListNodes", []attribute.KeyValue{attribute.String("kapgraph.category", string(q.Category))},
		func(ctx context.Context) (*graph.NodePage, error) { return s.inner.ListNodes(ctx, q) })
}

func (s *Store) EdgesOf(ctx context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	return call(ctx, s, "EdgesOf", ids(q.NodeIDs), func(ctx context.Context) ([]*graph.Edge, error) { return s.inner.EdgesOf(ctx, q) })
}

func (s *Store) EdgesByID(ctx context.Context, in []string) ([]*graph.Edge, error) {
	return call(ctx, s, "EdgesByID", ids(in), func(ctx context.Context) ([]*graph.Edge, error) { return s.inner.EdgesByID(ctx, in) })
}

func (s *Store) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (*graph.Subgraph, error) {
	return call(ctx, s, "Neighborhood", []attribute.KeyValue{attribute.Int("kapgraph.depth", q.Depth)},
		func(ctx context.Context) (*graph.Subgraph, error) { return s.inner.Neighborhood(ctx, q) })
}

func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
	return call(ctx, s, "Paths", []attribute.KeyValue{attribute.Int("kapgraph.max_hops", q.MaxHops)},
		func(ctx context.Context) ([]*graph.Path, error) { return s.inner.Paths(ctx, q) })
}

func (s *Store) ShortestPath(ctx context.Context, q graph.PathQuery) (*graph.Path, error) {
	return call(ctx, s, "ShortestPath", []attribute.KeyValue{attribute.Int("kapgraph.max_hops", q.MaxHops)},
		func(ctx context.Context) (*graph.Path, error) { return s.inner.ShortestPath(ctx, q) })
}

func (s *Store) MechanismPaths(ctx context.Context, q graph.MechanismPathQuery) ([]*graph.Path, error) {
	return call(ctx, s, "MechanismPaths", []attribute.KeyValue{attribute.Int("kapgraph.max_hops", q.MaxHops)},
		func(ctx context.Context) ([]*graph.Path, error) { return s.inner.MechanismPaths(ctx, q) })
}

func (s *Store) Search(ctx context.Context, q graph.SearchQuery) ([]*graph.SearchHit, error) {
	return call(ctx, s, "Search", nil, func(ctx context.Context) ([]*graph.SearchHit, error) { return s.inner.Search(ctx, q) })
}

func (s *Store) Stats(ctx context.Context) (*graph.Stats, error) {
	return call(ctx, s, "Stats", nil, s.inner.Stats)
}

// FanOut is a span only when it fails: the complexity limit asks it once
// per request for the summary the engine keeps, so a span of each call
// measured a cache lookup and was a quarter of an embedded request's
// spans. A failure (the summary still being counted, the database
// unreachable) is still a span, with the call's start, end and error.
// When Neo4j's FanOut does read (the graph's version, now and then), that
// statement is a span of its own, under the request's.
func (s *Store) FanOut(ctx context.Context) (*graph.FanOut, error) {
	start := time.Now()
	f, err := s.inner.FanOut(ctx)
	if err != nil {
		_, _ = call(ctx, s, "FanOut", nil, func(context.Context) (*graph.FanOut, error) { return nil, err }, trace.WithTimestamp(start))
	}
	return f, err
}

func (s *Store) MetaGraph(ctx context.Context) ([]*graph.MetaEdge, error) {
	return call(ctx, s, "MetaGraph", nil, s.inner.MetaGraph)
}

func (s *Store) EdgePages(ctx context.Context, q graph.EdgePageQuery) (map[string]*graph.EdgePage, error) {
	attrs := append(ids(q.NodeIDs), attribute.String("kapgraph.direction", string(q.Direction)),
		attribute.Int("kapgraph.predicates", len(q.Predicates)), attribute.Int("kapgraph.first", q.First))
	return call(ctx, s, "EdgePages", attrs, func(ctx context.Context) (map[string]*graph.EdgePage, error) { return s.inner.EdgePages(ctx, q) })
}

func (s *Store) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	attrs := append(ids(p.IDs), attribute.Int("kapgraph.pages", planPages(&p.Root)))
	return call(ctx, s, "Read", attrs, func(ctx context.Context) (*graph.ReadResult, error) { return s.inner.Read(ctx, p) })
}

func (s *Store) Claims(ctx context.Context, q graph.ClaimQuery) (*graph.ClaimPage, error) {
	return call(ctx, s, "Claims", []attribute.KeyValue{attribute.Int("kapgraph.first", q.First)},
		func(ctx context.Context) (*graph.ClaimPage, error) { return s.inner.Claims(ctx, q) })
}

func (s *Store) Evidence(ctx context.Context, drug, disorder string) (*graph.EvidenceReport, error) {
	return call(ctx, s, "Evidence", nil, func(ctx context.Context) (*graph.EvidenceReport, error) {
		return s.inner.Evidence(ctx, drug, disorder)
	})
}

// planPages counts the pages of a plan below n, how much one Read asks.
func planPages(n *graph.PlanNode) int {
	if n == nil {
		return 0
	}
	c := 0
	for _, pg := range n.Pages {
		c += 1 + planPages(pg.Subject) + planPages(pg.Object)
	}
	return c
}

func (s *Store) Ping(ctx context.Context) error { return s.inner.Ping(ctx) }

func (s *Store) Close(ctx context.Context) error { return s.inner.Close(ctx) }
