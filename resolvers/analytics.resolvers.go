// Resolvers for schema/analytics.graphqls: search, the evidence report,
// statistics and the meta graph.

package resolvers

import (
	"context"
	"fmt"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

func (r *queryResolver) Search(ctx context.Context, text string, categories []graph.Category, kinds []graph.SearchKind, first *int) ([]*graph.SearchHit, error) {
	hits, err := r.store.Search(ctx, graph.SearchQuery{Text: text, Categories: categories, Kinds: kinds, First: deref(first)})
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", text, err)
	}
	l := r.loaders(ctx)
	for _, h := range hits {
		l.Prime(h.Node)
		if h.Claim != nil {
			l.PrimeEdges(h.Claim)
		}
	}
	if hits == nil {
		hits = []*graph.SearchHit{} // "nothing matches" is an empty list, not null
	}
	return hits, nil
}

func (r *queryResolver) Evidence(ctx context.Context, drug string, disorder string) (*graph.EvidenceReport, error) {
	if err := graph.CheckID(drug, "drug"); err != nil {
		return nil, err
	}
	if err := graph.CheckID(disorder, "disorder"); err != nil {
		return nil, err
	}
	rep, err := r.store.Evidence(ctx, drug, disorder)
	if err != nil {
		err = r.explainNotFound(ctx, err, idArg{"drug", drug}, idArg{"disorder", disorder})
		return nil, fmt.Errorf("evidence for %s in %s: %w", drug, disorder, err)
	}
	l := r.loaders(ctx)
	l.Prime(rep.Drug, rep.Disorder)
	l.Prime(rep.Studies...)
	l.Prime(rep.Outcomes...)
	l.PrimeEdges(rep.Claims...)
	return rep, nil
}

func (r *queryResolver) Stats(ctx context.Context) (*graph.Stats, error) {
	s, err := r.store.Stats(ctx)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

func (r *queryResolver) MetaGraph(ctx context.Context) ([]*graph.MetaEdge, error) {
	m, err := r.store.MetaGraph(ctx)
	if err != nil {
		return nil, fmt.Errorf("meta graph: %w", err)
	}
	return m, nil
}

type searchHitResolver struct{ *Resolver }

var _ generated.SearchHitResolver = (*searchHitResolver)(nil)

func (r *searchHitResolver) Node(_ context.Context, obj *graph.SearchHit) (model.Node, error) {
	w := model.Wrap(obj.Node)
	if w == nil {
		return nil, graph.Errorf(graph.EINTERNAL, "search hit without a node")
	}
	return w, nil
}

type evidenceReportResolver struct{ *Resolver }

var _ generated.EvidenceReportResolver = (*evidenceReportResolver)(nil)

func (r *evidenceReportResolver) Drug(_ context.Context, obj *graph.EvidenceReport) (*model.Drug, error) {
	return &model.Drug{Base: model.Base{Node: obj.Drug}}, nil
}

func (r *evidenceReportResolver) Disorder(_ context.Context, obj *graph.EvidenceReport) (*model.Disorder, error) {
	return &model.Disorder{Base: model.Base{Node: obj.Disorder}}, nil
}

func (r *evidenceReportResolver) Studies(_ context.Context, obj *graph.EvidenceReport) ([]*model.Study, error) {
	out := make([]*model.Study, len(obj.Studies))
	for i, n := range obj.Studies {
		out[i] = &model.Study{Base: model.Base{Node: n}}
	}
	return out, nil
}

func (r *evidenceReportResolver) Outcomes(_ context.Context, obj *graph.EvidenceReport) ([]*model.Outcome, error) {
	out := make([]*model.Outcome, len(obj.Outcomes))
	for i, n := range obj.Outcomes {
		out[i] = &model.Outcome{Base: model.Base{Node: n}}
	}
	return out, nil
}
