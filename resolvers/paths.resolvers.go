// Resolvers for schema/paths.graphqls: path search, shortest paths and
// neighbourhoods, and the Path, Hop and Subgraph types they return.

package resolvers

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// primePaths seeds the caches with the claims of paths and with their
// nodes, when the engine read those with the paths.
func (r *queryResolver) primePaths(ctx context.Context, ps ...*graph.Path) {
	l := r.loaders(ctx)
	for _, p := range ps {
		if p == nil {
			continue
		}
		l.Prime(p.Resolved...)
		for _, h := range p.Hops {
			l.PrimeEdges(h.Edge)
		}
	}
}

func (r *queryResolver) MechanismToOutcomePaths(ctx context.Context, from string, to *string, disorder *string, maxHops *int, first *int, statedOnly *bool, via *string, modalities []graph.Modality) ([]*graph.Path, error) {
	// The store validates the query (every engine must), so it is
	// validated once, there.
	q := graph.MechanismPathQuery{From: from, To: deref(to), Disorder: deref(disorder), MaxHops: deref(maxHops), First: deref(first),
		StatedOnly: deref(statedOnly), Via: deref(via), Modalities: modalities}
	ps, err := r.store.MechanismPaths(ctx, q)
	if err != nil {
		err = r.explainNotFound(ctx, err, idArg{"from", from}, idArg{"to", q.To}, idArg{"disorder", q.Disorder}, idArg{"via", q.Via})
		return nil, fmt.Errorf("mechanism paths from %s: %w", from, err)
	}
	r.primePaths(ctx, ps...)
	return nonNil(ps), nil
}

// pathQuery is the store's query, with the arguments as they came; the
// store validates it (PathQuery.Normalize). An empty via is "no via".
func (r *queryResolver) pathQuery(from, to string, edgeTypes []graph.Predicate, maxHops, first *int, directed, statedOnly *bool, via *string, modalities []graph.Modality) graph.PathQuery {
	return graph.PathQuery{From: from, To: to, Predicates: edgeTypes, MaxHops: deref(maxHops), First: deref(first), Directed: deref(directed),
		StatedOnly: deref(statedOnly), Via: deref(via), Modalities: modalities}
}

func (r *queryResolver) Paths(ctx context.Context, from string, to string, edgeTypes []graph.Predicate, maxHops *int, first *int, directed *bool, statedOnly *bool, via *string, modalities []graph.Modality) ([]*graph.Path, error) {
	ps, err := r.store.Paths(ctx, r.pathQuery(from, to, edgeTypes, maxHops, first, directed, statedOnly, via, modalities))
	if err != nil {
		err = r.explainNotFound(ctx, err, idArg{"from", from}, idArg{"to", to}, idArg{"via", deref(via)})
		return nil, fmt.Errorf("paths from %s to %s: %w", from, to, err)
	}
	r.primePaths(ctx, ps...)
	return nonNil(ps), nil
}

func (r *queryResolver) ShortestPath(ctx context.Context, from string, to string, edgeTypes []graph.Predicate, maxHops *int, directed *bool, statedOnly *bool, via *string, modalities []graph.Modality) (*graph.Path, error) {
	p, err := r.store.ShortestPath(ctx, r.pathQuery(from, to, edgeTypes, maxHops, nil, directed, statedOnly, via, modalities))
	if err != nil {
		err = r.explainNotFound(ctx, err, idArg{"from", from}, idArg{"to", to}, idArg{"via", deref(via)})
		return nil, fmt.Errorf("shortest path from %s to %s: %w", from, to, err)
	}
	r.primePaths(ctx, p)
	return p, nil
}

func (r *queryResolver) Neighborhood(ctx context.Context, id string, depth *int, edgeTypes []graph.Predicate, limit *int) (*graph.Subgraph, error) {
	// Only the fields the selection reads (subgraphSelection).
	nodeFields, claimFields, places := subgraphSelection(ctx)
	q := graph.NeighborhoodQuery{ID: id, Depth: deref(depth), Predicates: edgeTypes, Limit: deref(limit), NodeFields: nodeFields, ClaimFields: claimFields}
	sg, err := r.store.Neighborhood(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("neighbourhood of %s: %w", id, r.explainNotFound(ctx, err, idArg{"id", id}))
	}
	r.primeSubgraph(ctx, q, places, sg)
	// The centre first, then the rest in the store's (id) order.
	if i := slices.IndexFunc(sg.Nodes, func(n *graph.Node) bool { return n.ID == q.ID }); i > 0 {
		nodes := append([]*graph.Node{sg.Nodes[i]}, sg.Nodes[:i]...)
		sg = &graph.Subgraph{Nodes: append(nodes, sg.Nodes[i+1:]...), Edges: sg.Edges, Truncated: sg.Truncated}
	}
	return sg, nil
}

type pathResolver struct{ *Resolver }

var _ generated.PathResolver = (*pathResolver)(nil)

func (r *pathResolver) Nodes(ctx context.Context, obj *graph.Path) ([]model.Node, error) {
	ns, err := r.pathNodes(ctx, obj)
	if err != nil {
		return nil, err
	}
	return wrapAll(ns), nil
}

func (r *Resolver) pathNodes(ctx context.Context, p *graph.Path) ([]*graph.Node, error) {
	ns, err := r.loaders(ctx).Nodes(ctx, p.Nodes)
	if err != nil {
		return nil, fmt.Errorf("resolving path nodes: %w", err)
	}
	for i, n := range ns {
		if n == nil {
			return nil, graph.Errorf(graph.ENOTFOUND, "path node %q is not in the graph", p.Nodes[i])
		}
	}
	return ns, nil
}

func (r *pathResolver) Summary(ctx context.Context, obj *graph.Path) (string, error) {
	ns, err := r.pathNodes(ctx, obj)
	if err != nil {
		return "", err
	}
	return Summary(obj, ns), nil
}

func (r *pathResolver) NetEffect(ctx context.Context, obj *graph.Path) (string, error) {
	ns, err := r.pathNodes(ctx, obj)
	if err != nil {
		return "", err
	}
	return graph.NetEffect(obj, graph.PathNames(obj, ns)), nil
}

func (r *pathResolver) ScoreExplained(_ context.Context, obj *graph.Path) (string, error) {
	return graph.ScoreExplained(obj), nil
}

// Summary writes a path on one line: each node's name (as its signs are
// about it, graph.PathNames) joined by its hop,
// `-[label]->` when walked subject to object and `<-[label]-` against it.
// The label is the hop's sign, or its predicate for an unsigned hop,
// prefixed with "not " for a negated claim. ns are the path's nodes.
func Summary(p *graph.Path, ns []*graph.Node) string {
	names := graph.PathNames(p, ns)
	name := func(i int) string {
		if i < len(names) {
			return names[i]
		}
		return "?"
	}
	var b strings.Builder
	b.WriteString(name(0))
	for i, h := range p.Hops {
		label := strings.ToLower(string(h.Edge.Predicate))
		if h.Edge.Sign != graph.Unsigned {
			label = string(h.Edge.Sign)
		}
		if m := h.Edge.Status(); m == graph.ModalityHedged || m == graph.ModalityProposed {
			label = strings.ToLower(string(m)) + " " + label
		}
		if h.Edge.Negated {
			label = "not " + label
		}
		if h.Forward {
			fmt.Fprintf(&b, " -[%s]-> ", label)
		} else {
			fmt.Fprintf(&b, " <-[%s]- ", label)
		}
		b.WriteString(name(i + 1))
	}
	return b.String()
}

type hopResolver struct{ *Resolver }

var _ generated.HopResolver = (*hopResolver)(nil)

func (r *hopResolver) From(ctx context.Context, obj *graph.Hop) (model.Node, error) {
	return r.end(ctx, obj.From)
}

func (r *hopResolver) To(ctx context.Context, obj *graph.Hop) (model.Node, error) {
	return r.end(ctx, obj.To)
}

type subgraphResolver struct{ *Resolver }

var _ generated.SubgraphResolver = (*subgraphResolver)(nil)

func (r *subgraphResolver) Nodes(_ context.Context, obj *graph.Subgraph) ([]model.Node, error) {
	return wrapAll(obj.Nodes), nil
}
