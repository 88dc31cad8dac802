// Resolvers for schema/entities.graphqls: the curated entities, as lists
// and through the fields each category adds to Node.

package resolvers

import (
	"context"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

func entityQuery(c graph.Category, f *generated.EntityFilter) graph.NodeQuery {
	q := graph.NodeQuery{Category: c}
	if f != nil {
		q.NameContains, q.Kind = deref(f.NameContains), deref(f.Kind)
	}
	return q
}

func (r *queryResolver) Drugs(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.DrugConnection, error) {
	return connect(drugConnection)(r.list(ctx, entityQuery(graph.CategoryDrug, filter), orderBy, first, after))
}

func (r *queryResolver) Mechanisms(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.MechanismConnection, error) {
	return connect(mechanismConnection)(r.list(ctx, entityQuery(graph.CategoryMechanism, filter), orderBy, first, after))
}

func (r *queryResolver) BrainRegions(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.BrainRegionConnection, error) {
	return connect(brainRegionConnection)(r.list(ctx, entityQuery(graph.CategoryBrainRegion, filter), orderBy, first, after))
}

func (r *queryResolver) BrainNetworks(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.BrainNetworkConnection, error) {
	return connect(brainNetworkConnection)(r.list(ctx, entityQuery(graph.CategoryBrainNetwork, filter), orderBy, first, after))
}

func (r *queryResolver) Disorders(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.DisorderConnection, error) {
	return connect(disorderConnection)(r.list(ctx, entityQuery(graph.CategoryDisorder, filter), orderBy, first, after))
}

func (r *queryResolver) Symptoms(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.SymptomConnection, error) {
	return connect(symptomConnection)(r.list(ctx, entityQuery(graph.CategorySymptom, filter), orderBy, first, after))
}

func (r *queryResolver) Outcomes(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.OutcomeConnection, error) {
	return connect(outcomeConnection)(r.list(ctx, entityQuery(graph.CategoryOutcome, filter), orderBy, first, after))
}

func (r *queryResolver) Therapies(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.TherapyConnection, error) {
	return connect(therapyConnection)(r.list(ctx, entityQuery(graph.CategoryTherapy, filter), orderBy, first, after))
}

func (r *queryResolver) SafetyRisks(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.SafetyRiskConnection, error) {
	return connect(safetyRiskConnection)(r.list(ctx, entityQuery(graph.CategorySafetyRisk, filter), orderBy, first, after))
}

func (r *queryResolver) Populations(ctx context.Context, filter *generated.EntityFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.PopulationConnection, error) {
	return connect(populationConnection)(r.list(ctx, entityQuery(graph.CategoryPopulation, filter), orderBy, first, after))
}

func (r *queryResolver) Entities(ctx context.Context, category *graph.Category, filter *generated.NodeFilter, orderBy *generated.NodeOrderBy, first *int, after *string) (*generated.NodeConnection, error) {
	q := graph.NodeQuery{Category: deref(category)}
	if f := filter; f != nil {
		q.NameContains, q.Kind, q.Document, q.Design = deref(f.NameContains), deref(f.Kind), deref(f.Document), deref(f.Design)
		q.MaxEvidence, q.YearFrom, q.YearTo = deref(f.MaxEvidenceLevel), deref(f.YearFrom), deref(f.YearTo)
	}
	return connect(nodeConnection)(r.list(ctx, q, orderBy, first, after))
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

func (r causalFields[T]) Upstream(ctx context.Context, obj T, modalities []graph.Modality, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimPage(ctx, "upstream", obj.GraphNode().ID, nil, nil, modalities, first, after)
}

func (r causalFields[T]) Downstream(ctx context.Context, obj T, modalities []graph.Modality, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimPage(ctx, "downstream", obj.GraphNode().ID, nil, nil, modalities, first, after)
}

type drugResolver struct{ entityFields[*model.Drug] }

var _ generated.DrugResolver = (*drugResolver)(nil)

func (r *drugResolver) StudiedFor(ctx context.Context, obj *model.Drug, first *int, after *string) (*generated.DisorderConnection, error) {
	return connect(disorderConnection)(r.related(ctx, obj, graph.Out, graph.StudiedToTreat, graph.CategoryDisorder, first, after))
}

func (r *drugResolver) Effects(ctx context.Context, obj *model.Drug, modalities []graph.Modality, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimPage(ctx, "effects", obj.ID, nil, nil, modalities, first, after)
}

func (r *drugResolver) AdverseEvents(ctx context.Context, obj *model.Drug, first *int, after *string) (*generated.SafetyRiskConnection, error) {
	return connect(safetyRiskConnection)(r.related(ctx, obj, graph.Out, graph.HasAdverseEvent, graph.CategorySafetyRisk, first, after))
}

func (r *drugResolver) ConsideredFor(ctx context.Context, obj *model.Drug, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.ConsideredFor, "", first, after))
}

type mechanismResolver struct{ causalFields[*model.Mechanism] }

var _ generated.MechanismResolver = (*mechanismResolver)(nil)

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

var _ generated.BrainRegionResolver = (*brainRegionResolver)(nil)

type brainNetworkResolver struct {
	anatomyFields[*model.BrainNetwork]
}

var _ generated.BrainNetworkResolver = (*brainNetworkResolver)(nil)

type disorderResolver struct{ causalFields[*model.Disorder] }

var _ generated.DisorderResolver = (*disorderResolver)(nil)

func (r *disorderResolver) Drugs(ctx context.Context, obj *model.Disorder, first *int, after *string) (*generated.DrugConnection, error) {
	return connect(drugConnection)(r.related(ctx, obj, graph.In, graph.StudiedToTreat, graph.CategoryDrug, first, after))
}

type symptomResolver struct{ causalFields[*model.Symptom] }

var _ generated.SymptomResolver = (*symptomResolver)(nil)

type outcomeResolver struct{ causalFields[*model.Outcome] }

var _ generated.OutcomeResolver = (*outcomeResolver)(nil)

type therapyResolver struct{ causalFields[*model.Therapy] }

var _ generated.TherapyResolver = (*therapyResolver)(nil)

func (r *therapyResolver) ConsideredFor(ctx context.Context, obj *model.Therapy, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.ConsideredFor, "", first, after))
}

func (r *therapyResolver) HasPart(ctx context.Context, obj *model.Therapy, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.Out, graph.HasPart, "", first, after))
}

type safetyRiskResolver struct {
	causalFields[*model.SafetyRisk]
}

var _ generated.SafetyRiskResolver = (*safetyRiskResolver)(nil)

func (r *safetyRiskResolver) Drugs(ctx context.Context, obj *model.SafetyRisk, first *int, after *string) (*generated.DrugConnection, error) {
	return connect(drugConnection)(r.related(ctx, obj, graph.In, graph.HasAdverseEvent, graph.CategoryDrug, first, after))
}

type populationResolver struct {
	entityFields[*model.Population]
}

var _ generated.PopulationResolver = (*populationResolver)(nil)

func (r *populationResolver) ConsideredTreatments(ctx context.Context, obj *model.Population, first *int, after *string) (*generated.NodeConnection, error) {
	return connect(nodeConnection)(r.related(ctx, obj, graph.In, graph.ConsideredFor, "", first, after))
}
