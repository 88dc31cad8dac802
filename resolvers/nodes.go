package resolvers

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// nodeFields resolves the relationship fields of the Node interface for
// any category.
type nodeFields[T model.Node] struct{ *Resolver }

func (r nodeFields[T]) Claims(ctx context.Context, obj T, direction *graph.Direction, predicates []graph.Predicate, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimsOf(ctx, obj.GraphNode().ID, dirOr(direction, graph.Both), orCurated(predicates), first, after)
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

// entityFields adds what every curated entity has: the passages naming it.
type entityFields[T model.Node] struct{ nodeFields[T] }

func entity[T model.Node](r *Resolver) entityFields[T] { return entityFields[T]{nodeFields[T]{r}} }

func (r entityFields[T]) MentionedIn(ctx context.Context, obj T, first *int, after *string) (*generated.PassageConnection, error) {
	return connect(passageConnection)(r.related(ctx, obj, graph.In, graph.Mentions, graph.CategoryPassage, first, after))
}

// causalFields adds the causal neighbourhood of entities that take part in
// mechanism-to-outcome chains.
type causalFields[T model.Node] struct{ entityFields[T] }

func causal[T model.Node](r *Resolver) causalFields[T] { return causalFields[T]{entity[T](r)} }

func (r causalFields[T]) Upstream(ctx context.Context, obj T, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimsOf(ctx, obj.GraphNode().ID, graph.In, graph.CausalPredicates(), first, after)
}

func (r causalFields[T]) Downstream(ctx context.Context, obj T, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimsOf(ctx, obj.GraphNode().ID, graph.Out, graph.CausalPredicates(), first, after)
}

type reviewResolver struct{ nodeFields[*model.Review] }

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

func (r *studyResolver) Review(ctx context.Context, obj *model.Study) (*model.Review, error) {
	return r.review(ctx, obj.Node.Document)
}

func (r *studyResolver) CitedBy(ctx context.Context, obj *model.Study, first *int, after *string) (*generated.PassageConnection, error) {
	return connect(passageConnection)(r.related(ctx, obj, graph.In, graph.Cites, graph.CategoryPassage, first, after))
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

func (r *concernResolver) Review(ctx context.Context, obj *model.CitationConcern) (*model.Review, error) {
	return r.review(ctx, obj.Node.Document)
}

func (r *concernResolver) Flagged(ctx context.Context, obj *model.CitationConcern, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.Flags, "", first, after))
}

// AffectedClaims finds the claims listing the concern, through the text:
// the passages it flags and the passages citing the studies it flags.
func (r *concernResolver) AffectedClaims(ctx context.Context, obj *model.CitationConcern, first *int, after *string) (*generated.ClaimConnection, error) {
	if _, err := pageSize(first); err != nil {
		return nil, err
	}
	l := r.loaders(ctx)
	flags, err := l.EdgesOf(ctx, obj.ID, graph.Out, []graph.Predicate{graph.Flags})
	if err != nil {
		return nil, fmt.Errorf("nodes flagged by %s: %w", obj.ID, err)
	}
	flagged := make([]string, 0, len(flags))
	for _, e := range flags {
		flagged = append(flagged, e.Object)
	}
	citing, err := l.EdgesOfAll(ctx, uniq(flagged), graph.In, []graph.Predicate{graph.Cites})
	if err != nil {
		return nil, fmt.Errorf("passages citing what %s flags: %w", obj.ID, err)
	}
	passages := flagged
	for _, es := range citing {
		for _, e := range es {
			passages = append(passages, e.Subject)
		}
	}
	claims, err := r.claimsVia(ctx, passages, func(e *graph.Edge) bool { return slices.Contains(e.Concerns, obj.ID) })
	if err != nil {
		return nil, fmt.Errorf("claims with %s: %w", obj.ID, err)
	}
	p, err := paginate(claimItems(claims), first, after)
	if err != nil {
		return nil, err
	}
	return claimConnection(p), nil
}

type drugResolver struct{ entityFields[*model.Drug] }

func (r *drugResolver) StudiedFor(ctx context.Context, obj *model.Drug, first *int, after *string) (*generated.DisorderConnection, error) {
	return connect(disorderConnection)(r.related(ctx, obj, graph.Out, graph.StudiedToTreat, graph.CategoryDisorder, first, after))
}

func (r *drugResolver) Effects(ctx context.Context, obj *model.Drug, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimsOf(ctx, obj.ID, graph.Out, []graph.Predicate{graph.Affects}, first, after)
}

func (r *drugResolver) AdverseEvents(ctx context.Context, obj *model.Drug, first *int, after *string) (*generated.SafetyRiskConnection, error) {
	return connect(safetyRiskConnection)(r.related(ctx, obj, graph.Out, graph.HasAdverseEvent, graph.CategorySafetyRisk, first, after))
}

func (r *drugResolver) ConsideredFor(ctx context.Context, obj *model.Drug, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.ConsideredFor, "", first, after))
}

type mechanismResolver struct{ causalFields[*model.Mechanism] }

func (r *mechanismResolver) LocatedIn(ctx context.Context, obj *model.Mechanism, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.LocatedIn, "", first, after))
}

// anatomyFields are the part-whole and location fields shared by brain
// regions and networks.
type anatomyFields[T model.Node] struct{ causalFields[T] }

func (r anatomyFields[T]) PartOf(ctx context.Context, obj T, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.PartOf, "", first, after))
}

func (r anatomyFields[T]) HasPart(ctx context.Context, obj T, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.HasPart, "", first, after))
}

func (r anatomyFields[T]) Processes(ctx context.Context, obj T, first *int, after *string) (*generated.MechanismConnection, error) {
	return connect(mechanismConnection)(r.related(ctx, obj, graph.In, graph.LocatedIn, graph.CategoryMechanism, first, after))
}

type brainRegionResolver struct {
	anatomyFields[*model.BrainRegion]
}

type brainNetworkResolver struct {
	anatomyFields[*model.BrainNetwork]
}

type disorderResolver struct{ causalFields[*model.Disorder] }

func (r *disorderResolver) Drugs(ctx context.Context, obj *model.Disorder, first *int, after *string) (*generated.DrugConnection, error) {
	return connect(drugConnection)(r.related(ctx, obj, graph.In, graph.StudiedToTreat, graph.CategoryDrug, first, after))
}

type symptomResolver struct{ causalFields[*model.Symptom] }

type outcomeResolver struct{ causalFields[*model.Outcome] }

type therapyResolver struct{ causalFields[*model.Therapy] }

func (r *therapyResolver) ConsideredFor(ctx context.Context, obj *model.Therapy, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.ConsideredFor, "", first, after))
}

func (r *therapyResolver) HasPart(ctx context.Context, obj *model.Therapy, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.HasPart, "", first, after))
}

type safetyRiskResolver struct {
	causalFields[*model.SafetyRisk]
}

func (r *safetyRiskResolver) Drugs(ctx context.Context, obj *model.SafetyRisk, first *int, after *string) (*generated.DrugConnection, error) {
	return connect(drugConnection)(r.related(ctx, obj, graph.In, graph.HasAdverseEvent, graph.CategoryDrug, first, after))
}

type populationResolver struct {
	entityFields[*model.Population]
}

func (r *populationResolver) ConsideredTreatments(ctx context.Context, obj *model.Population, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.In, graph.ConsideredFor, "", first, after))
}
