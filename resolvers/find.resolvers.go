// Resolvers for schema/find.graphqls: the root claims list.

package resolvers

import (
	"context"
	"fmt"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// Claims lists claims across the graph. The store reads the page with
// the nodes it names (ends, cited studies, concerns), which prime the
// request's loaders, so that selecting them costs no further read.
func (r *queryResolver) Claims(ctx context.Context, filter *generated.ClaimFilter, orderBy *generated.ClaimOrderBy, first *int, after *string) (*generated.ClaimConnection, error) {
	q := graph.ClaimQuery{First: deref(first)}
	if f := filter; f != nil {
		q.Filter = graph.ClaimFilter{
			Predicates: f.Predicates, Subject: deref(f.Subject), Object: deref(f.Object),
			Disorder: deref(f.Disorder), Study: deref(f.Study), ConcernKind: deref(f.ConcernKind),
			MinScore: deref(f.MinScore), Modalities: f.Modalities, Sign: deref(f.Sign),
		}
		switch deref(f.Origin) {
		case model.OriginStated:
			q.Filter.Origin = graph.OriginStated
		case model.OriginInferred:
			q.Filter.Origin = graph.OriginInferred
		}
	}
	if orderBy != nil && deref(orderBy.Field) == generated.ClaimOrderFieldID {
		q.OrderBy = graph.ClaimsByID
	}
	if a := deref(after); a != "" {
		c, err := graph.DecodeCursor(a)
		if err != nil {
			return nil, err
		}
		q.After = &c
	}
	p, err := r.store.Claims(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	if len(p.Edges) == 0 && q.After == nil {
		// Nothing matched: say so when a node the filter names does not
		// exist, rather than answer an empty list for a typo.
		f := q.Filter
		if err := r.missingIDs(ctx, idArg{"filter.subject", f.Subject}, idArg{"filter.object", f.Object},
			idArg{"filter.disorder", f.Disorder}, idArg{"filter.study", f.Study}); err != nil {
			return nil, err
		}
	}
	l := r.loaders(ctx)
	l.Prime(p.Nodes...)
	l.PrimeEdges(p.Edges...)
	out := &generated.ClaimConnection{
		Edges:      make([]*generated.ClaimEdge, len(p.Edges)),
		TotalCount: p.TotalCount,
		PageInfo:   &generated.PageInfo{HasNextPage: p.HasNext, HasPreviousPage: q.After != nil},
	}
	for i, e := range p.Edges {
		out.Edges[i] = &generated.ClaimEdge{Cursor: p.Cursors[i], Node: e}
	}
	if n := len(p.Cursors); n > 0 {
		out.PageInfo.StartCursor, out.PageInfo.EndCursor = &p.Cursors[0], &p.Cursors[n-1]
	}
	return out, nil
}
