// Package batch holds the per-request dataloaders of the GraphQL API. They
// gather the ids that sibling resolvers ask for during one short window and
// fetch them with one Store call, so a nested query costs a number of store
// calls bounded by its depth, not by the size of its results. Loaders cache
// for the life of one request only: a reload is visible to the next request.
package batch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
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
	_, _, key, err := pageKey(dir, preds, ms, first, after)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.placedPages == nil {
		l.placedPages = map[placeKey]*graph.EdgePage{}
	}
	l.placedPages[placeKey{place + "\x00" + key, id}] = p
	return nil
}

// PageAt is the page PrimePageAt filed for node id at place with the same
// selection; ok is false when the plan did not read it there (ask
// EdgePage).
func (l *Loaders) PageAt(place, id string, dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first int, after *graph.Cursor) (p *graph.EdgePage, ok bool) {
	_, _, key, err := pageKey(dir, preds, ms, first, after)
	if err != nil {
		return nil, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	p, ok = l.placedPages[placeKey{place + "\x00" + key, id}]
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

// EdgesOf loads the edges touching node id in direction dir with one of
// preds (empty: all predicates). All nodes asked for with the same
// direction and predicates during one batch window share one
// Store.EdgesOf call. The edges come in no fixed order.
func (l *Loaders) EdgesOf(ctx context.Context, id string, dir graph.Direction, preds []graph.Predicate) ([]*graph.Edge, error) {
	ld, err := l.edgeLoader(dir, preds)
	if err != nil {
		return nil, err
	}
	return ld.Load(ctx, id)
}

// EdgesOfAll is EdgesOf for several nodes at once, returning the edges of
// each in the order of ids.
func (l *Loaders) EdgesOfAll(ctx context.Context, ids []string, dir graph.Direction, preds []graph.Predicate) ([][]*graph.Edge, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	ld, err := l.edgeLoader(dir, preds)
	if err != nil {
		return nil, err
	}
	return ld.LoadAll(ctx, ids)
}

// edgeKey normalises an edge selection and names it, so that equal
// selections share one loader.
func edgeKey(dir graph.Direction, preds []graph.Predicate) (graph.EdgeQuery, string, error) {
	q, key, err := edgeSelection(dir, preds, 0)
	return q, key.String(), err
}

// edgeSelection is edgeKey's query, with the key in a builder grown by
// extra bytes for what a caller appends. Every claim end asks for its
// pages' loaders, so the predicates are copied only when they are not
// already sorted and distinct (as the planner and the schema's defaults
// give them), and the key is written once.
func edgeSelection(dir graph.Direction, preds []graph.Predicate, extra int) (graph.EdgeQuery, *strings.Builder, error) {
	var key strings.Builder
	q, err := graph.EdgeQuery{Direction: dir, Predicates: preds}.Normalize()
	if err != nil {
		return q, &key, err
	}
	if !sortedDistinct(q.Predicates) {
		ps := slices.Clone(q.Predicates)
		slices.Sort(ps)
		q.Predicates = slices.Compact(ps)
	}
	n := len(q.Direction) + extra
	for _, p := range q.Predicates {
		n += 1 + len(p)
	}
	key.Grow(n)
	key.WriteString(string(q.Direction))
	for _, p := range q.Predicates {
		key.WriteByte('|')
		key.WriteString(string(p))
	}
	return q, &key, nil
}

// sortedDistinct reports whether ps is in strictly increasing order.
func sortedDistinct(ps []graph.Predicate) bool {
	for i := 1; i < len(ps); i++ {
		if ps[i-1] >= ps[i] {
			return false
		}
	}
	return true
}

// EdgePage is one page of the claims of node id in claim order (see
// graph.PageEdges): the nodes asking for the same page of the same
// selection in one request are fetched together, and a store that pages
// in its own query language sends only the page.
func (l *Loaders) EdgePage(ctx context.Context, id string, dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first int, after *graph.Cursor) (*graph.EdgePage, error) {
	ld, err := l.pageLoader(dir, preds, ms, first, after)
	if err != nil {
		return nil, err
	}
	p, err := ld.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return &graph.EdgePage{}, nil
	}
	return p, err
}

// PrimeEdgePage seeds the page EdgePage would load for the same
// arguments (a read plan fetched it already), and the page's edges.
func (l *Loaders) PrimeEdgePage(id string, dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first int, after *graph.Cursor, p *graph.EdgePage) error {
	ld, err := l.pageLoader(dir, preds, ms, first, after)
	if err != nil {
		return err
	}
	ld.Prime(id, p)
	l.PrimeEdges(p.Edges...)
	return nil
}

// pageKey names one page selection: the edges it selects, the
// modalities of its claims (normalized, so that the default and the four
// named share a key), its size and its cursor.
func pageKey(dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first int, after *graph.Cursor) (graph.EdgeQuery, []graph.Modality, string, error) {
	ms, err := graph.CheckListModalities(ms)
	if err != nil {
		return graph.EdgeQuery{}, nil, "", err
	}
	extra := 21 // '#' and first
	for _, m := range ms {
		extra += 1 + len(m)
	}
	if after != nil {
		extra += 3 + len(after.Key) + len(after.ID)
	}
	eq, key, err := edgeSelection(dir, preds, extra)
	if err != nil {
		return eq, nil, "", err
	}
	key.WriteByte('#')
	var num [20]byte
	key.Write(strconv.AppendInt(num[:0], int64(first), 10))
	for _, m := range ms {
		key.WriteByte('#')
		key.WriteString(string(m))
	}
	if after != nil {
		key.WriteString("#@")
		key.WriteString(after.Key)
		key.WriteByte('#')
		key.WriteString(after.ID)
	}
	return eq, ms, key.String(), nil
}

// pageLoader is the loader of one page selection, made on first use.
func (l *Loaders) pageLoader(dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first int, after *graph.Cursor) (*dataloadgen.Loader[string, *graph.EdgePage], error) {
	eq, ms, key, err := pageKey(dir, preds, ms, first, after)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	ld, ok := l.edgePages[key]
	if !ok {
		ld = dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*graph.EdgePage, error) {
			q := graph.EdgePageQuery{EdgeQuery: eq, First: first, After: after, Modalities: ms}
			q.NodeIDs = ids
			pages, err := l.store.EdgePages(ctx, q)
			if err != nil {
				return nil, fmt.Errorf("loading a page of the edges of %d nodes: %w", len(ids), err)
			}
			for _, p := range pages {
				l.PrimeEdges(p.Edges...)
			}
			return pages, nil
		}, l.opts...)
		l.edgePages[key] = ld
	}
	return ld, nil
}

func (l *Loaders) edgeLoader(dir graph.Direction, preds []graph.Predicate) (*dataloadgen.Loader[string, []*graph.Edge], error) {
	q, k, err := edgeKey(dir, preds)
	if err != nil {
		return nil, err
	}
	ps := q.Predicates
	var key strings.Builder
	key.WriteString(k)
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.edgesOf[key.String()]; ok {
		return ld, nil
	}
	dir, preds = q.Direction, ps
	ld := dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]*graph.Edge, error) {
		es, err := l.store.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: ids, Direction: dir, Predicates: preds})
		if err != nil {
			return nil, fmt.Errorf("loading edges of %d nodes: %w", len(ids), err)
		}
		return splitEdges(ids, es, dir), nil
	}, l.opts...)
	l.edgesOf[key.String()] = ld
	return ld, nil
}

// splitEdges hands each asked-for node the edges that touch it the asked
// way; every id gets an entry, empty when it has no edges. Each node's
// edges are sorted by id so that answers do not depend on store order.
func splitEdges(ids []string, es []*graph.Edge, dir graph.Direction) map[string][]*graph.Edge {
	out := make(map[string][]*graph.Edge, len(ids))
	for _, id := range ids {
		out[id] = []*graph.Edge{}
	}
	add := func(id string, e *graph.Edge) {
		if list, ok := out[id]; ok {
			out[id] = append(list, e)
		}
	}
	for _, e := range es {
		if e == nil {
			continue
		}
		if dir != graph.In {
			add(e.Subject, e)
		}
		// A self-loop is one edge of its node, even in both directions.
		if dir == graph.In || dir == graph.Both && e.Object != e.Subject {
			add(e.Object, e)
		}
	}
	for id, list := range out {
		slices.SortFunc(list, func(a, b *graph.Edge) int { return cmp.Compare(a.ID, b.ID) })
		out[id] = slices.CompactFunc(list, func(a, b *graph.Edge) bool { return a.ID == b.ID })
	}
	return out
}
