// Resolvers for schema/load.graphqls: the files left out at load.

package resolvers

import (
	"context"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
)

func (r *queryResolver) Warnings(ctx context.Context) ([]*graph.LoadWarning, error) {
	out := make([]*graph.LoadWarning, len(r.warnings))
	for i := range r.warnings {
		out[i] = &r.warnings[i]
	}
	return out, nil
}

// loadWarningResolver answers LoadWarning.line: null rather than 0 for a
// problem with the file as a whole.
type loadWarningResolver struct{ *Resolver }

func (r *Resolver) LoadWarning() generated.LoadWarningResolver { return &loadWarningResolver{r} }

func (loadWarningResolver) Line(ctx context.Context, w *graph.LoadWarning) (*int, error) {
	if w.Line <= 0 {
		return nil, nil
	}
	return &w.Line, nil
}
