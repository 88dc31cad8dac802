// Resolvers for schema/schema.graphqls: the root Query fields that reach
// nodes and claims by id, the vocabularies, and the Node interface's
// relationship fields shared by every category.

package resolvers

import (
	"context"
	"fmt"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

type queryResolver struct{ *Resolver }

var _ generated.QueryResolver = (*queryResolver)(nil)

func (r *queryResolver) Node(ctx context.Context, id string) (model.Node, error) {
	if err := graph.CheckID(id, "id"); err != nil {
		return nil, err
	}
	if err := r.prefetch(ctx, []string{id}); err != nil {
		return nil, err
	}
	n, err := r.end(ctx, id)
	if err != nil {
		return nil, r.explainNotFound(ctx, err, idArg{"id", id})
	}
	return n, nil
}

func (r *queryResolver) Nodes(ctx context.Context, ids []string) ([]model.Node, error) {
	if err := graph.CheckIDs(ids); err != nil {
		return nil, err
	}
	if err := r.prefetch(ctx, ids); err != nil {
		return nil, err
	}
	ns, err := r.loaders(ctx).Nodes(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("loading %d nodes: %w", len(ids), err)
	}
	out := make([]model.Node, len(ns))
	for i, n := range ns {
		out[i] = model.Wrap(n)
	}
	return out, nil
}

func (r *queryResolver) Claim(ctx context.Context, id string) (*graph.Edge, error) {
	if err := graph.CheckID(id, "id"); err != nil {
		return nil, err
	}
	return r.loaders(ctx).Edge(ctx, id)
}

func (r *queryResolver) Categories(context.Context) ([]*generated.CategoryInfo, error) {
	var out []*generated.CategoryInfo
	for _, c := range graph.Categories() {
		out = append(out, &generated.CategoryInfo{Category: c, Biolink: c.Biolink(), Curated: c.Curated()})
	}
	return out, nil
}

func (r *queryResolver) Predicates(context.Context) ([]*generated.PredicateInfo, error) {
	var out []*generated.PredicateInfo
	for _, p := range graph.Predicates() {
		out = append(out, &generated.PredicateInfo{Predicate: p, Biolink: p.Biolink(graph.Unsigned), Signed: p.Signed(), Curated: p.Curated()})
	}
	return out, nil
}

// list pages one category through Store.ListNodes.
func (r *queryResolver) list(ctx context.Context, q graph.NodeQuery, orderBy *generated.NodeOrderBy, first *int, after *string) (page[*graph.Node], error) {
	if orderBy != nil {
		if orderBy.Field != nil {
			q.OrderBy = *orderBy.Field
		}
		q.Descending = deref(orderBy.Direction) == generated.OrderDirectionDesc
	}
	q.First, q.After = deref(first), deref(after)
	if err := checkFilter(q); err != nil {
		return page[*graph.Node]{}, err
	}
	np, err := r.store.ListNodes(ctx, q)
	if err != nil {
		what := string(q.Category)
		if what == "" {
			what = "all"
		}
		return page[*graph.Node]{}, fmt.Errorf("listing %s nodes: %w", what, err)
	}
	if len(np.Nodes) == 0 && q.After == "" {
		// Nothing matched: say so when the filter's review does not exist.
		if err := r.missingIDs(ctx, idArg{"filter.document", q.Document}); err != nil {
			return page[*graph.Node]{}, err
		}
	}
	r.loaders(ctx).Prime(np.Nodes...)
	if err := r.prefetchPage(ctx, np.Nodes); err != nil {
		return page[*graph.Node]{}, err
	}
	return storePage(np, after), nil
}

// checkFilter refuses filter values that could only be mistakes.
func checkFilter(q graph.NodeQuery) error {
	switch {
	case q.MaxEvidence < 0 || q.MaxEvidence > 5:
		return graph.Errorf(graph.EINVALID, "maxEvidenceLevel must be between 1 and 5, got %d", q.MaxEvidence)
	case q.YearFrom < 0 || q.YearTo < 0:
		return graph.Errorf(graph.EINVALID, "years must be positive")
	case q.YearTo > 0 && q.YearFrom > q.YearTo:
		return graph.Errorf(graph.EINVALID, "yearFrom %d is after yearTo %d", q.YearFrom, q.YearTo)
	}
	return nil
}

// nodeFields resolves the relationship fields of the Node interface for
// any category.
type nodeFields[T model.Node] struct{ *Resolver }

func (r nodeFields[T]) Claims(ctx context.Context, obj T, direction *graph.Direction, predicates []graph.Predicate, modalities []graph.Modality, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimPage(ctx, "claims", obj.GraphNode().ID, direction, predicates, modalities, first, after)
}

func (r nodeFields[T]) Related(ctx context.Context, obj T, direction *graph.Direction, predicates []graph.Predicate, categories []graph.Category, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.neighbours(ctx, obj.GraphNode().ID, dirOr(direction, graph.Both), orCurated(predicates), categories, first, after))
}

// related pages one category of neighbours along one predicate.
func (r nodeFields[T]) related(ctx context.Context, obj T, dir graph.Direction, p graph.Predicate, cat graph.Category, first *int, after *string) (page[*graph.Node], error) {
	var cats []graph.Category
	if cat != "" {
		cats = []graph.Category{cat}
	}
	return r.neighbours(ctx, obj.GraphNode().ID, dir, []graph.Predicate{p}, cats, first, after)
}
