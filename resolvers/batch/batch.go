// Package batch holds the per-request dataloaders of the GraphQL API. They
// gather the ids that sibling resolvers ask for during one short window and
// fetch them with one Store call, so a nested query costs a number of store
// calls bounded by its depth, not by the size of its results. Loaders cache
// for the life of one request only: a reload is visible to the next request.
package batch

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/kapgraph/kapgraph/graph"
)

// DefaultWait is how long a loader collects keys before it fetches.
//
// Every level of nesting waits one window, so it is paid several times per
// request; too short a window splits one level's keys over several
// fetches. gqlgen starts the resolvers of one level in goroutines within
// microseconds of each other, so 1 ms gathers nearly all of them: on the
// deep query of the batching test (BenchmarkDeepQueryWindow, embedded
// store, 2 busy cores) 1 ms took 31 ms and 9.4 store calls per request,
// 5 ms 50 ms and 6.4 calls, 50 µs 23 ms and 34 calls.
const DefaultWait = time.Millisecond

// Options tune the loaders.
type Options struct {
	// Wait is how long a loader collects keys before fetching; zero means
	// DefaultWait.
	Wait time.Duration
	// MaxBatch caps the keys of one fetch; zero means graph.MaxIDs, the
	// most a Store is asked for at once. 1 turns batching off (for tests
	// that measure what batching saves).
	MaxBatch int
}

// Loaders are one request's dataloaders over one Store.
type Loaders struct {
	store graph.Store
	opts  []dataloadgen.Option

	nodes *dataloadgen.Loader[string, *graph.Node]
	edges *dataloadgen.Loader[string, *graph.Edge]

	mu          sync.Mutex
	edgesOf     map[string]*dataloadgen.Loader[string, []*graph.Edge]
	edgePages   map[string]*dataloadgen.Loader[string, *graph.EdgePage]
	placed      map[placeKey]*graph.Node     // see PrimeAt
	placedPages map[placeKey]*graph.EdgePage // see PrimePageAt
}

type placeKey struct{ place, id string }

// New makes the loaders of one request.
func New(store graph.Store, o Options) *Loaders {
	if o.Wait <= 0 {
		o.Wait = DefaultWait
	}
	if o.MaxBatch <= 0 || o.MaxBatch > graph.MaxIDs {
		o.MaxBatch = graph.MaxIDs
	}
	l := &Loaders{
		store:     store,
		opts:      []dataloadgen.Option{dataloadgen.WithWait(o.Wait), dataloadgen.WithBatchCapacity(o.MaxBatch)},
		edgesOf:   map[string]*dataloadgen.Loader[string, []*graph.Edge]{},
		edgePages: map[string]*dataloadgen.Loader[string, *graph.EdgePage]{},
	}
	l.nodes = dataloadgen.NewMappedLoader(l.fetchNodes, l.opts...)
	l.edges = dataloadgen.NewMappedLoader(l.fetchEdges, l.opts...)
	return l
}

// Store is the store the loaders read.
func (l *Loaders) Store() graph.Store { return l.store }

type ctxKey struct{}

// With returns a context carrying l.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the loaders of the operation ctx belongs to, or nil when it
// was not given any (resolvers' executable schema gives every operation
// its own).
func For(ctx context.Context) *Loaders {
	l, _ := ctx.Value(ctxKey{}).(*Loaders)
	return l
}

func (l *Loaders) fetchNodes(ctx context.Context, ids []string) (map[string]*graph.Node, error) {
	ns, err := l.store.NodesByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("loading %d nodes: %w", len(ids), err)
	}
	out := make(map[string]*graph.Node, len(ns))
	for _, n := range ns {
		if n != nil {
			out[n.ID] = n
		}
	}
	return out, nil
}

func (l *Loaders) fetchEdges(ctx context.Context, ids []string) (map[string]*graph.Edge, error) {
	es, err := l.store.EdgesByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("loading %d edges: %w", len(ids), err)
	}
	out := make(map[string]*graph.Edge, len(es))
	for _, e := range es {
		if e != nil {
			out[e.ID] = e
		}
	}
	return out, nil
}

// Node loads one node; a missing one is an ENOTFOUND error.
func (l *Loaders) Node(ctx context.Context, id string) (*graph.Node, error) {
	n, err := l.nodes.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, NotFound(id)
	}
	return n, err
}

// NotFound is the error of a node that does not exist.
func NotFound(id string) error {
	return graph.Errorf(graph.ENOTFOUND, "no node with id %q", id)
}

// MaybeNode loads one node; a missing one is nil without error.
func (l *Loaders) MaybeNode(ctx context.Context, id string) (*graph.Node, error) {
	n, err := l.Node(ctx, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	return n, err
}

// Nodes loads several nodes in one batch and returns them in the order of
// ids, with nil where a node does not exist.
func (l *Loaders) Nodes(ctx context.Context, ids []string) ([]*graph.Node, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	ns, err := l.nodes.LoadAll(ctx, ids)
	if err != nil {
		if errs, ok := errors.AsType[dataloadgen.ErrorSlice](err); ok {
			for _, e := range errs {
				if e != nil && !errors.Is(e, dataloadgen.ErrNotFound) {
					return nil, e
				}
			}
			return ns, nil
		}
		return nil, err
	}
	return ns, nil
}

// Existing loads several nodes and keeps those that exist, in the order of
// ids.
func (l *Loaders) Existing(ctx context.Context, ids []string) ([]*graph.Node, error) {
	ns, err := l.Nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(ns, func(n *graph.Node) bool { return n == nil }), nil
}

// Prime seeds the node cache with nodes fetched some other way (a list
// page, a path), so that resolving them again costs no store call.
func (l *Loaders) Prime(ns ...*graph.Node) {
	for _, n := range ns {
		if n != nil {
			l.nodes.Prime(n.ID, n)
		}
	}
}

// PrimeAt files a node a read plan fetched for one place of the query (a
// response path without list indexes, such as
// "node.claims.edges.node.object"), possibly with only the fields that
// place selects: so it must never reach the node cache, where another
// place would find its other fields empty. A nil node records that the
// plan found no such node there.
func (l *Loaders) PrimeAt(place, id string, n *graph.Node) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.placed == nil {
		l.placed = map[placeKey]*graph.Node{}
	}
	l.placed[placeKey{place, id}] = n
}

// Placed says whether any plan filed nodes or pages by place, so that
// resolvers skip working out their place when none did.
func (l *Loaders) Placed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.placed) > 0 || len(l.placedPages) > 0
}

// PrimePageAt files a page of claims a read plan fetched for one place
// of the query (the claims field's response path without list indexes),
// whose claims may hold only the fields that place selects: so neither
// the page nor its claims reach the caches.
// The page is filed with its selection: fragments on different types may
// ask one place for different pages.
func (l *Loaders) PrimePageAt(place, id string, dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first int, after *graph.Cursor, p *graph.EdgePage) error {
	key, err := placedKey(place, dir, preds, ms, first, after)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.placedPages == nil {
		l.placedPages = map[placeKey]*graph.EdgePage{}
	}
	l.placedPages[placeKey{key, id}] = p
	return nil
}

// PageAt is the page PrimePageAt filed for node id at place with the same
// selection; ok is false when the plan did not read it there (ask
// EdgePage).
func (l *Loaders) PageAt(place, id string, dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first int, after *graph.Cursor) (p *graph.EdgePage, ok bool) {
	key, err := placedKey(place, dir, preds, ms, first, after)
	if err != nil {
		return nil, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	p, ok = l.placedPages[placeKey{key, id}]
	return p, ok
}

// At is the node PrimeAt filed for id at place; known is false when the
// plan did not read that place (ask the loaders).
func (l *Loaders) At(place, id string) (n *graph.Node, known bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, known = l.placed[placeKey{place, id}]
	return n, known
}

// PrimeEdges seeds the edge cache.
func (l *Loaders) PrimeEdges(es ...*graph.Edge) {
	for _, e := range es {
		if e != nil {
			l.edges.Prime(e.ID, e)
		}
	}
}

// Edge loads one edge; a missing one is an ENOTFOUND error.
func (l *Loaders) Edge(ctx context.Context, id string) (*graph.Edge, error) {
	e, err := l.edges.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, graph.Errorf(graph.ENOTFOUND, "no claim with id %q", id)
	}
	return e, err
}

// ExistingEdges loads several edges in one batch and keeps those that
// exist, in the order of ids.
func (l *Loaders) ExistingEdges(ctx context.Context, ids []string) ([]*graph.Edge, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	es, err := l.edges.LoadAll(ctx, ids)
	if err != nil {
		errs, ok := errors.AsType[dataloadgen.ErrorSlice](err)
		if !ok {
			return nil, err
		}
		for _, e := range errs {
			if e != nil && !errors.Is(e, dataloadgen.ErrNotFound) {
				return nil, e
			}
		}
	}
	return slices.DeleteFunc(es, func(e *graph.Edge) bool { return e == nil }), nil
}
