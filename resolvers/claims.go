package resolvers

import (
	"context"
	"fmt"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

type claimResolver struct{ *Resolver }

// end resolves one end of a claim or hop; a dangling id is an error,
// since the schema promises a node.
func (r *Resolver) end(ctx context.Context, id string) (model.Node, error) {
	n, err := r.loaders(ctx).Node(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("resolving node %s: %w", id, err)
	}
	w := model.Wrap(n)
	if w == nil {
		return nil, graph.Errorf(graph.EINTERNAL, "node %s has unknown category %q", id, n.Category)
	}
	return w, nil
}

func (r *claimResolver) Subject(ctx context.Context, obj *graph.Edge) (model.Node, error) {
	return r.end(ctx, obj.Subject)
}

func (r *claimResolver) Object(ctx context.Context, obj *graph.Edge) (model.Node, error) {
	return r.end(ctx, obj.Object)
}

func (r *claimResolver) Sign(_ context.Context, obj *graph.Edge) (*model.Sign, error) {
	return model.SignOf(obj.Sign), nil
}

func (r *claimResolver) Qualifiers(_ context.Context, obj *graph.Edge) (*model.Qualifiers, error) {
	return &model.Qualifiers{Qualifiers: obj.Qualifiers}, nil
}

func (r *claimResolver) Origin(_ context.Context, obj *graph.Edge) (*model.Origin, error) {
	return model.OriginOf(obj.Origin), nil
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

type evidenceResolver struct{ *Resolver }

func (r *evidenceResolver) Passage(ctx context.Context, obj *graph.Evidence) (*model.Passage, error) {
	n, err := r.nodeOf(ctx, obj.Passage, graph.CategoryPassage)
	if n == nil || err != nil {
		return nil, err
	}
	return &model.Passage{Base: model.Base{Node: n}}, nil
}

func (r *evidenceResolver) Section(ctx context.Context, obj *graph.Evidence) (*model.Section, error) {
	n, err := r.nodeOf(ctx, obj.Section, graph.CategorySection)
	if n == nil || err != nil {
		return nil, err
	}
	return &model.Section{Base: model.Base{Node: n}}, nil
}

func (r *evidenceResolver) Studies(ctx context.Context, obj *graph.Evidence) ([]*model.Study, error) {
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

type pathResolver struct{ *Resolver }

func (r *pathResolver) Sign(_ context.Context, obj *graph.Path) (*model.Sign, error) {
	return model.SignOf(obj.Sign), nil
}

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

// Summary writes a path on one line: each node's name joined by its hop,
// `-[label]->` when walked subject to object and `<-[label]-` against it.
// The label is the hop's sign, or its predicate for an unsigned hop,
// prefixed with "not " for a negated claim. ns are the path's nodes.
func Summary(p *graph.Path, ns []*graph.Node) string {
	name := func(i int) string {
		if i < len(ns) && ns[i] != nil && ns[i].Name != "" {
			return ns[i].Name
		}
		if i < len(p.Nodes) {
			return p.Nodes[i]
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

func (r *hopResolver) From(ctx context.Context, obj *graph.Hop) (model.Node, error) {
	return r.end(ctx, obj.From)
}

func (r *hopResolver) To(ctx context.Context, obj *graph.Hop) (model.Node, error) {
	return r.end(ctx, obj.To)
}

type subgraphResolver struct{ *Resolver }

func (r *subgraphResolver) Nodes(_ context.Context, obj *graph.Subgraph) ([]model.Node, error) {
	return wrapAll(obj.Nodes), nil
}

type searchHitResolver struct{ *Resolver }

func (r *searchHitResolver) Node(_ context.Context, obj *graph.SearchHit) (model.Node, error) {
	w := model.Wrap(obj.Node)
	if w == nil {
		return nil, graph.Errorf(graph.EINTERNAL, "search hit without a node")
	}
	return w, nil
}

type evidenceReportResolver struct{ *Resolver }

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
