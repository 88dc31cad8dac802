package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kapgraph/kapgraph/graph"
)

// The fast path's stats root (see fast.go): the totals and histograms
// Query.stats reads in one store call, written without a goroutine and a
// field context per histogram bucket.

// rootStats answers Query.stats.
func (w *fastWriter) rootStats(ctx context.Context, f graphql.CollectedField) error {
	ctx = rootChild(ctx, f, map[string]any{})
	st, err := (&queryResolver{w.r}).Stats(ctx)
	if err != nil {
		return errFallBack
	}
	if st == nil {
		w.buf.WriteString("null")
		return nil
	}
	return w.object(ctx, f.Selections, kStats, "Stats", f.Alias, st)
}

// statsField writes a field of a Stats.
func (w *fastWriter) statsField(ctx context.Context, f graphql.CollectedField, place string, val any) error {
	st, _ := val.(*graph.Stats)
	if st == nil {
		return errFallBack
	}
	var counts []graph.Count
	switch f.Name {
	case "nodes":
		writeInt(&w.buf, st.Nodes)
		return nil
	case "edges":
		writeInt(&w.buf, st.Edges)
		return nil
	case "documents":
		writeInt(&w.buf, st.Documents)
		return nil
	case "byCategory":
		counts = st.ByCategory
	case "byPredicate":
		counts = st.ByPredicate
	case "byDesign":
		counts = st.ByDesign
	case "byEvidenceLevel":
		counts = st.ByEvidenceLevel
	case "byYear":
		counts = st.ByYear
	case "byConcernKind":
		counts = st.ByConcernKind
	default:
		return errFallBack
	}
	w.buf.WriteByte('[')
	for i := range counts {
		if i > 0 {
			w.buf.WriteByte(',')
		}
		if err := w.object(ctx, f.Selections, kCount, "Count", place, &counts[i]); err != nil {
			return err
		}
	}
	w.buf.WriteByte(']')
	return nil
}

// countField writes a field of a Count.
func (w *fastWriter) countField(f graphql.CollectedField, val any) error {
	c, _ := val.(*graph.Count)
	if c == nil {
		return errFallBack
	}
	switch f.Name {
	case "key":
		writeString(&w.buf, c.Key)
	case "count":
		writeInt(&w.buf, c.Count)
	default:
		return errFallBack
	}
	return nil
}
