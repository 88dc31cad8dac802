// Resolvers for schema/document.graphqls: the text's structure (reviews,
// sections, passages), the studies it cites and the concerns about its
// citations, as lists and as fields.

package resolvers

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

func (r *queryResolver) Reviews(ctx context.Context, filter *generated.ReviewFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.ReviewConnection, error) {
	q := graph.NodeQuery{Category: graph.CategoryReview}
	if filter != nil {
		q.NameContains, q.YearFrom, q.YearTo = deref(filter.NameContains), deref(filter.YearFrom), deref(filter.YearTo)
	}
	return connect(reviewConnection)(r.list(ctx, q, orderBy, first, after))
}

func (r *queryResolver) Sections(ctx context.Context, filter *generated.SectionFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.SectionConnection, error) {
	q := graph.NodeQuery{Category: graph.CategorySection}
	if filter != nil {
		q.NameContains, q.Document = deref(filter.NameContains), deref(filter.Document)
	}
	return connect(sectionConnection)(r.list(ctx, q, orderBy, first, after))
}

func (r *queryResolver) Passages(ctx context.Context, filter *generated.PassageFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.PassageConnection, error) {
	q := graph.NodeQuery{Category: graph.CategoryPassage}
	if filter != nil {
		q.NameContains, q.Document = deref(filter.NameContains), deref(filter.Document)
	}
	return connect(passageConnection)(r.list(ctx, q, orderBy, first, after))
}

func (r *queryResolver) Studies(ctx context.Context, filter *generated.StudyFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.StudyConnection, error) {
	q := graph.NodeQuery{Category: graph.CategoryStudy}
	if f := filter; f != nil {
		q.NameContains, q.Document, q.Design = deref(f.NameContains), deref(f.Document), deref(f.Design)
		q.MaxEvidence, q.YearFrom, q.YearTo = deref(f.MaxEvidenceLevel), deref(f.YearFrom), deref(f.YearTo)
	}
	return connect(studyConnection)(r.list(ctx, q, orderBy, first, after))
}

// Concerns lists citation concerns; a concern's kind is its Node.Kind, so
// the Store filters and pages it like any other list.
func (r *queryResolver) Concerns(ctx context.Context, filter *generated.ConcernFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.CitationConcernConnection, error) {
	q := graph.NodeQuery{Category: graph.CategoryCitationConcern}
	if filter != nil {
		q.Document, q.Kind = deref(filter.Document), deref(filter.Kind)
	}
	p, err := r.list(ctx, q, orderBy, first, after)
	if err != nil {
		return nil, err
	}
	return concernConnection(p), nil
}

type reviewResolver struct{ nodeFields[*model.Review] }

var _ generated.ReviewResolver = (*reviewResolver)(nil)

func (r *reviewResolver) Sections(ctx context.Context, obj *model.Review, first *int, after *string) (*generated.SectionConnection, error) {
	return connect(sectionConnection)(r.related(ctx, obj, graph.Out, graph.HasSection, graph.CategorySection, first, after))
}

func (r *reviewResolver) References(ctx context.Context, obj *model.Review, first *int, after *string) (*generated.StudyConnection, error) {
	return connect(studyConnection)(r.related(ctx, obj, graph.Out, graph.HasReference, graph.CategoryStudy, first, after))
}

func (r *reviewResolver) Concerns(ctx context.Context, obj *model.Review, first *int, after *string) (*generated.CitationConcernConnection, error) {
	np, err := r.store.ListNodes(ctx, graph.NodeQuery{
		Category: graph.CategoryCitationConcern, Document: obj.ID, OrderBy: graph.OrderByID,
		First: deref(first), After: deref(after),
	})
	if err != nil {
		return nil, fmt.Errorf("concerns of %s: %w", obj.ID, err)
	}
	r.loaders(ctx).Prime(np.Nodes...)
	return concernConnection(storePage(np, after)), nil
}

type sectionResolver struct{ nodeFields[*model.Section] }

var _ generated.SectionResolver = (*sectionResolver)(nil)

func (r *sectionResolver) Review(ctx context.Context, obj *model.Section) (*model.Review, error) {
	return r.review(ctx, obj.Node.Document)
}

func (r *sectionResolver) Parent(ctx context.Context, obj *model.Section) (*model.Section, error) {
	n, err := r.nodeOf(ctx, obj.Node.Section, graph.CategorySection)
	if n == nil || err != nil {
		return nil, err
	}
	return &model.Section{Base: model.Base{Node: n}}, nil
}

func (r *sectionResolver) Passages(ctx context.Context, obj *model.Section, first *int, after *string) (*generated.PassageConnection, error) {
	return connect(passageConnection)(r.related(ctx, obj, graph.Out, graph.HasPassage, graph.CategoryPassage, first, after))
}

func (r *sectionResolver) Subsections(ctx context.Context, obj *model.Section, first *int, after *string) (*generated.SectionConnection, error) {
	return connect(sectionConnection)(r.related(ctx, obj, graph.Out, graph.HasSection, graph.CategorySection, first, after))
}

type passageResolver struct{ nodeFields[*model.Passage] }

var _ generated.PassageResolver = (*passageResolver)(nil)

func (r *passageResolver) Section(ctx context.Context, obj *model.Passage) (*model.Section, error) {
	n, err := r.nodeOf(ctx, obj.Node.Section, graph.CategorySection)
	if n == nil || err != nil {
		return nil, err
	}
	return &model.Section{Base: model.Base{Node: n}}, nil
}

func (r *passageResolver) Review(ctx context.Context, obj *model.Passage) (*model.Review, error) {
	return r.review(ctx, obj.Node.Document)
}

func (r *passageResolver) Mentions(ctx context.Context, obj *model.Passage, categories []graph.Category, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.neighbours(ctx, obj.ID, graph.Out, []graph.Predicate{graph.Mentions}, categories, first, after))
}

func (r *passageResolver) Cites(ctx context.Context, obj *model.Passage, first *int, after *string) (*generated.StudyConnection, error) {
	return connect(studyConnection)(r.related(ctx, obj, graph.Out, graph.Cites, graph.CategoryStudy, first, after))
}

type studyResolver struct{ nodeFields[*model.Study] }

var _ generated.StudyResolver = (*studyResolver)(nil)

func (r *studyResolver) Review(ctx context.Context, obj *model.Study) (*model.Review, error) {
	return r.review(ctx, obj.Node.Document)
}

func (r *studyResolver) CitedBy(ctx context.Context, obj *model.Study, first *int, after *string) (*generated.PassageConnection, error) {
	return connect(passageConnection)(r.related(ctx, obj, graph.In, graph.Cites, graph.CategoryPassage, first, after))
}

// About lists what the study's title is about (ABOUT edges), by name.
func (r *studyResolver) About(ctx context.Context, obj *model.Study) ([]model.Node, error) {
	es, err := r.loaders(ctx).EdgesOf(ctx, obj.ID, graph.Out, []graph.Predicate{graph.About})
	if err != nil {
		return nil, fmt.Errorf("what %s is about: %w", obj.ID, err)
	}
	ids := make([]string, 0, len(es))
	for _, e := range es {
		ids = append(ids, e.Object)
	}
	slices.Sort(ids)
	ns, err := r.loaders(ctx).Existing(ctx, slices.Compact(ids))
	if err != nil {
		return nil, fmt.Errorf("what %s is about: %w", obj.ID, err)
	}
	slices.SortFunc(ns, func(a, b *graph.Node) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	return wrapAll(ns), nil
}

// Supports finds the claims whose evidence cites the study. The Store has no
// index from a publication to the claims citing it, so the claims are
// reached through the text (see claimsVia) from the passages citing the
// study.
func (r *studyResolver) Supports(ctx context.Context, obj *model.Study, first *int, after *string) (*generated.ClaimConnection, error) {
	if _, err := pageSize(first); err != nil {
		return nil, err
	}
	citing, err := r.loaders(ctx).EdgesOf(ctx, obj.ID, graph.In, []graph.Predicate{graph.Cites})
	if err != nil {
		return nil, fmt.Errorf("passages citing %s: %w", obj.ID, err)
	}
	passages := make([]string, 0, len(citing))
	for _, e := range citing {
		passages = append(passages, e.Subject)
	}
	claims, err := r.claimsVia(ctx, passages, func(e *graph.Edge) bool { return slices.Contains(e.Publications(), obj.ID) })
	if err != nil {
		return nil, fmt.Errorf("claims citing %s: %w", obj.ID, err)
	}
	p, err := paginate(claimItems(claims), first, after)
	if err != nil {
		return nil, err
	}
	return claimConnection(p), nil
}

// claimsVia returns the curated claims about the entities that the given
// passages name or about their direct neighbours, kept when keep says so:
// how the API finds claims by their evidence, which the Store cannot index
// (a claim's evidence sentence may name only one end of it, or neither
// when a curator bridged two stated claims). Three batched calls.
func (r *Resolver) claimsVia(ctx context.Context, passages []string, keep func(*graph.Edge) bool) ([]*graph.Edge, error) {
	l := r.loaders(ctx)
	mentions, err := l.EdgesOfAll(ctx, uniq(passages), graph.Out, []graph.Predicate{graph.Mentions})
	if err != nil {
		return nil, err
	}
	named := map[string]bool{}
	for _, es := range mentions {
		for _, e := range es {
			named[e.Object] = true
		}
	}
	entities := slices.Sorted(maps.Keys(named))
	near, err := l.EdgesOfAll(ctx, entities, graph.Both, curated())
	if err != nil {
		return nil, err
	}
	var neighbours []string
	for _, es := range near {
		for _, e := range es {
			for _, end := range []string{e.Subject, e.Object} {
				if !named[end] {
					neighbours = append(neighbours, end)
				}
			}
		}
	}
	far, err := l.EdgesOfAll(ctx, uniq(neighbours), graph.Both, curated())
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []*graph.Edge
	for _, es := range slices.Concat(near, far) {
		for _, e := range es {
			if !seen[e.ID] && keep(e) {
				seen[e.ID] = true
				out = append(out, e)
			}
		}
	}
	return out, nil
}

func uniq(ids []string) []string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return slices.Compact(ids)
}

type concernResolver struct {
	nodeFields[*model.CitationConcern]
}

var _ generated.CitationConcernResolver = (*concernResolver)(nil)

func (r *concernResolver) Review(ctx context.Context, obj *model.CitationConcern) (*model.Review, error) {
	return r.review(ctx, obj.Node.Document)
}

func (r *concernResolver) Flagged(ctx context.Context, obj *model.CitationConcern, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.Flags, "", first, after))
}

// AffectedClaims lists the claims the concern reaches, which the loader
// records on the concern (Node.Claims) when it attaches the concern to
// every claim resting on what it flags.
func (r *concernResolver) AffectedClaims(ctx context.Context, obj *model.CitationConcern, first *int, after *string) (*generated.ClaimConnection, error) {
	if _, err := pageSize(first); err != nil {
		return nil, err
	}
	claims, err := r.loaders(ctx).ExistingEdges(ctx, obj.Node.Claims)
	if err != nil {
		return nil, fmt.Errorf("claims with %s: %w", obj.ID, err)
	}
	p, err := paginate(claimItems(claims), first, after)
	if err != nil {
		return nil, err
	}
	return claimConnection(p), nil
}
