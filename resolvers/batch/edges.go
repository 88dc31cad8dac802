// Edge loaders: claims by node, direction and predicates, and claim pages,
// each selection keyed once so that equal selections in one request share
// a loader and one store call.

package batch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vikstrous/dataloadgen"

	"github.com/kapgraph/kapgraph/graph"
)

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

// placedKey is place + "\x00" + pageKey's key, written as one string.
// PrimePageAt and PageAt ask it twice for each page a plan reads, where
// pageKey's builder, its list of modalities and the concatenation made
// five allocations a call.
func placedKey(place string, dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first int, after *graph.Cursor) (string, error) {
	q, err := graph.EdgeQuery{Direction: dir, Predicates: preds}.Normalize()
	if err != nil {
		return "", err
	}
	if !sortedDistinct(q.Predicates) {
		ps := slices.Clone(q.Predicates)
		slices.Sort(ps)
		q.Predicates = slices.Compact(ps)
	}
	var all [4]graph.Modality // every modality, CheckListModalities' default, without a slice of its own
	if len(ms) == 0 {
		ms = append(all[:0], graph.ModalityAsserted, graph.ModalityHedged, graph.ModalityNegated, graph.ModalityProposed)
	} else if ms, err = graph.CheckListModalities(ms); err != nil {
		return "", err
	}
	n := len(place) + 1 + len(q.Direction) + 21
	for _, p := range q.Predicates {
		n += 1 + len(p)
	}
	for _, m := range ms {
		n += 1 + len(m)
	}
	if after != nil {
		n += 3 + len(after.Key) + len(after.ID)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(place)
	b.WriteByte(0)
	b.WriteString(string(q.Direction))
	for _, p := range q.Predicates {
		b.WriteByte('|')
		b.WriteString(string(p))
	}
	b.WriteByte('#')
	var num [20]byte
	b.Write(strconv.AppendInt(num[:0], int64(first), 10))
	for _, m := range ms {
		b.WriteByte('#')
		b.WriteString(string(m))
	}
	if after != nil {
		b.WriteString("#@")
		b.WriteString(after.Key)
		b.WriteByte('#')
		b.WriteString(after.ID)
	}
	return b.String(), nil
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
