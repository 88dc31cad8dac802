// Resolvers for schema/claims.graphqls: a claim's ends and optional
// fields, its evidence and its qualifiers.

package resolvers

import (
	"context"
	"fmt"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

type claimResolver struct{ *Resolver }

var _ generated.ClaimResolver = (*claimResolver)(nil)

func (r *claimResolver) Subject(ctx context.Context, obj *graph.Edge) (model.Node, error) {
	return r.end(ctx, obj.Subject)
}

func (r *claimResolver) Object(ctx context.Context, obj *graph.Edge) (model.Node, error) {
	return r.end(ctx, obj.Object)
}

func (r *claimResolver) Qualifiers(_ context.Context, obj *graph.Edge) (*model.Qualifiers, error) {
	return &model.Qualifiers{Qualifiers: obj.Qualifiers}, nil
}

func (r *claimResolver) Origin(_ context.Context, obj *graph.Edge) (*model.Origin, error) {
	return model.OriginOf(obj.Origin), nil
}

func (r *claimResolver) Curation(_ context.Context, obj *graph.Edge) (*model.Curation, error) {
	return model.CurationOf(obj.Curation), nil
}

func (r *claimResolver) KnowledgeLevel(_ context.Context, obj *graph.Edge) (*string, error) {
	return optString(obj.KnowledgeLevel), nil
}

func (r *claimResolver) AgentType(_ context.Context, obj *graph.Edge) (*string, error) {
	return optString(obj.AgentType), nil
}

func (r *claimResolver) Note(_ context.Context, obj *graph.Edge) (*string, error) {
	return optString(obj.Note), nil
}

func (r *claimResolver) Concerns(ctx context.Context, obj *graph.Edge) ([]*model.CitationConcern, error) {
	ns, err := r.nodesOf(ctx, obj.Concerns, graph.CategoryCitationConcern)
	if err != nil {
		return nil, err
	}
	out := make([]*model.CitationConcern, len(ns))
	for i, n := range ns {
		out[i] = &model.CitationConcern{Base: model.Base{Node: n}}
	}
	return out, nil
}

func (r *claimResolver) Review(ctx context.Context, obj *graph.Edge) (*model.Review, error) {
	return r.review(ctx, obj.Document)
}

// InferredFrom loads the premises through the edge loader, so the claims
// of one page share a batch; a premise no longer loaded is left out.
func (r *claimResolver) InferredFrom(ctx context.Context, obj *graph.Edge) ([]*graph.Edge, error) {
	es, err := r.loaders(ctx).ExistingEdges(ctx, obj.InferredFrom)
	if err != nil {
		return nil, fmt.Errorf("loading the premises of %s: %w", obj.ID, err)
	}
	if es == nil {
		es = []*graph.Edge{}
	}
	return es, nil
}

func (r *claimResolver) Reviews(ctx context.Context, obj *graph.Edge) ([]*model.Review, error) {
	ns, err := r.nodesOf(ctx, obj.Documents(), graph.CategoryReview)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Review, len(ns))
	for i, n := range ns {
		out[i] = &model.Review{Base: model.Base{Node: n}}
	}
	return out, nil
}

type evidenceResolver struct{ *Resolver }

var _ generated.EvidenceResolver = (*evidenceResolver)(nil)

func (r *evidenceResolver) Passage(ctx context.Context, obj *graph.Evidence) (*model.Passage, error) {
	n, err := r.nodeOf(ctx, obj.Passage, graph.CategoryPassage)
	if n == nil || err != nil {
		return nil, err
	}
	return &model.Passage{Base: model.Base{Node: n}}, nil
}

func (r *evidenceResolver) Document(_ context.Context, obj *graph.Evidence) (*string, error) {
	return optString(obj.Document), nil
}

func (r *evidenceResolver) Review(ctx context.Context, obj *graph.Evidence) (*model.Review, error) {
	if obj.Document == "" {
		return nil, nil
	}
	return r.review(ctx, obj.Document)
}

func (r *evidenceResolver) Section(ctx context.Context, obj *graph.Evidence) (*model.Section, error) {
	n, err := r.nodeOf(ctx, obj.Section, graph.CategorySection)
	if n == nil || err != nil {
		return nil, err
	}
	return &model.Section{Base: model.Base{Node: n}}, nil
}

func (r *evidenceResolver) Studies(ctx context.Context, obj *graph.Evidence) ([]*model.Study, error) {
	if l := r.loaders(ctx); l.Placed() {
		if out, ok := placedStudies(l, r.place(ctx), obj.Studies); ok {
			return out, nil
		}
	}
	return r.studies(ctx, obj.Studies)
}

func (r *evidenceResolver) FlaggedStudies(ctx context.Context, obj *graph.Evidence) ([]*model.Study, error) {
	return r.studies(ctx, obj.Flagged)
}

type inTextCitationResolver struct{ *Resolver }

var _ generated.InTextCitationResolver = (*inTextCitationResolver)(nil)

func (r *inTextCitationResolver) Resolved(_ context.Context, obj *graph.CitationLink) (bool, error) {
	return len(obj.Studies) > 0, nil
}

func (r *inTextCitationResolver) Studies(ctx context.Context, obj *graph.CitationLink) ([]*model.Study, error) {
	return r.studies(ctx, obj.Studies)
}

func (r *Resolver) studies(ctx context.Context, ids []string) ([]*model.Study, error) {
	ns, err := r.nodesOf(ctx, ids, graph.CategoryStudy)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Study, len(ns))
	for i, n := range ns {
		out[i] = &model.Study{Base: model.Base{Node: n}}
	}
	return out, nil
}

type qualifiersResolver struct{ *Resolver }

var _ generated.QualifiersResolver = (*qualifiersResolver)(nil)

func (r *qualifiersResolver) CombinedWith(ctx context.Context, obj *model.Qualifiers) ([]model.Node, error) {
	ns, err := r.loaders(ctx).Existing(ctx, obj.Qualifiers.CombinedWith)
	if err != nil {
		return nil, fmt.Errorf("loading co-treatments: %w", err)
	}
	return wrapAll(ns), nil
}

func (r *qualifiersResolver) Disorder(ctx context.Context, obj *model.Qualifiers) (*model.Disorder, error) {
	n, err := r.nodeOf(ctx, obj.Qualifiers.Disorder, graph.CategoryDisorder)
	if n == nil || err != nil {
		return nil, err
	}
	return &model.Disorder{Base: model.Base{Node: n}}, nil
}

type qualifierValueResolver struct{ *Resolver }

var _ generated.QualifierValueResolver = (*qualifierValueResolver)(nil)

func (r *qualifierValueResolver) Node(ctx context.Context, obj *model.QualifierValue) (model.Node, error) {
	if obj.ID == "" {
		return nil, nil
	}
	n, err := r.loaders(ctx).MaybeNode(ctx, obj.ID)
	if err != nil {
		return nil, fmt.Errorf("resolving qualifier %s: %w", obj.ID, err)
	}
	return model.Wrap(n), nil
}
