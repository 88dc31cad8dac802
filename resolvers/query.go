package resolvers

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

type queryResolver struct{ *Resolver }

// maxIDBytes bounds the ids a request may name: no id is longer, and an
// error about a missing one quotes it.
const maxIDBytes = 512

func checkID(id, what string) error {
	if strings.TrimSpace(id) == "" {
		return graph.Errorf(graph.EINVALID, "%s is required", what)
	}
	return checkIDLength(id, what)
}

// checkIDLength refuses an id longer than any real one, before it reaches
// a store or an error message.
func checkIDLength(id, what string) error {
	if len(id) > maxIDBytes {
		return graph.Errorf(graph.EINVALID, "%s is %d bytes long, above the limit of %d", what, len(id), maxIDBytes)
	}
	return nil
}

func (r *queryResolver) Node(ctx context.Context, id string) (model.Node, error) {
	if err := checkID(id, "id"); err != nil {
		return nil, err
	}
	if err := r.prefetch(ctx, []string{id}); err != nil {
		return nil, err
	}
	return r.end(ctx, id)
}

func (r *queryResolver) Nodes(ctx context.Context, ids []string) ([]model.Node, error) {
	if err := graph.CheckIDs(ids); err != nil {
		return nil, err
	}
	for _, id := range ids {
		if err := checkIDLength(id, "an id of ids"); err != nil {
			return nil, err
		}
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
	if err := checkID(id, "id"); err != nil {
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

func (r *queryResolver) Search(ctx context.Context, text string, categories []graph.Category, first *int) ([]*graph.SearchHit, error) {
	hits, err := r.store.Search(ctx, graph.SearchQuery{Text: text, Categories: categories, First: deref(first)})
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", text, err)
	}
	l := r.loaders(ctx)
	for _, h := range hits {
		l.Prime(h.Node)
	}
	return hits, nil
}

func (r *queryResolver) Evidence(ctx context.Context, drug string, disorder string) (*graph.EvidenceReport, error) {
	if err := checkIDLength(drug, "drug"); err != nil {
		return nil, err
	}
	if err := checkIDLength(disorder, "disorder"); err != nil {
		return nil, err
	}
	rep, err := graph.EvidenceFor(ctx, r.store, drug, disorder)
	if err != nil {
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
	r.loaders(ctx).Prime(np.Nodes...)
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

func entityQuery(c graph.Category, f *generated.EntityFilter) graph.NodeQuery {
	q := graph.NodeQuery{Category: c}
	if f != nil {
		q.NameContains, q.Kind = deref(f.NameContains), deref(f.Kind)
	}
	return q
}

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

// primePaths seeds the edge cache with the claims of paths.
func (r *queryResolver) primePaths(ctx context.Context, ps ...*graph.Path) {
	l := r.loaders(ctx)
	for _, p := range ps {
		if p == nil {
			continue
		}
		for _, h := range p.Hops {
			l.PrimeEdges(h.Edge)
		}
	}
}

func (r *queryResolver) MechanismToOutcomePaths(ctx context.Context, from string, to *string, disorder *string, maxHops *int, first *int) ([]*graph.Path, error) {
	if err := checkIDLength(deref(to), "to"); err != nil {
		return nil, err
	}
	if err := checkIDLength(deref(disorder), "disorder"); err != nil {
		return nil, err
	}
	q, err := graph.MechanismPathQuery{From: from, To: deref(to), Disorder: deref(disorder), MaxHops: deref(maxHops), First: deref(first)}.Normalize()
	if err != nil {
		return nil, err
	}
	ps, err := r.store.MechanismPaths(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("mechanism paths from %s: %w", from, err)
	}
	r.primePaths(ctx, ps...)
	return ps, nil
}

func (r *queryResolver) pathQuery(from, to string, edgeTypes []graph.Predicate, maxHops, first *int, directed *bool) (graph.PathQuery, error) {
	return graph.PathQuery{From: from, To: to, Predicates: edgeTypes, MaxHops: deref(maxHops), First: deref(first), Directed: deref(directed)}.Normalize()
}

func (r *queryResolver) Paths(ctx context.Context, from string, to string, edgeTypes []graph.Predicate, maxHops *int, first *int, directed *bool) ([]*graph.Path, error) {
	q, err := r.pathQuery(from, to, edgeTypes, maxHops, first, directed)
	if err != nil {
		return nil, err
	}
	ps, err := r.store.Paths(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("paths from %s to %s: %w", from, to, err)
	}
	r.primePaths(ctx, ps...)
	return ps, nil
}

func (r *queryResolver) ShortestPath(ctx context.Context, from string, to string, edgeTypes []graph.Predicate, maxHops *int, directed *bool) (*graph.Path, error) {
	q, err := r.pathQuery(from, to, edgeTypes, maxHops, nil, directed)
	if err != nil {
		return nil, err
	}
	p, err := r.store.ShortestPath(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("shortest path from %s to %s: %w", from, to, err)
	}
	r.primePaths(ctx, p)
	return p, nil
}

func (r *queryResolver) Neighborhood(ctx context.Context, id string, depth *int, edgeTypes []graph.Predicate, limit *int) (*graph.Subgraph, error) {
	q, err := graph.NeighborhoodQuery{ID: id, Depth: deref(depth), Predicates: edgeTypes, Limit: deref(limit)}.Normalize()
	if err != nil {
		return nil, err
	}
	sg, err := r.store.Neighborhood(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("neighbourhood of %s: %w", id, err)
	}
	l := r.loaders(ctx)
	l.Prime(sg.Nodes...)
	l.PrimeEdges(sg.Edges...)
	// The centre first, then the rest in the store's (id) order.
	if i := slices.IndexFunc(sg.Nodes, func(n *graph.Node) bool { return n.ID == q.ID }); i > 0 {
		nodes := append([]*graph.Node{sg.Nodes[i]}, sg.Nodes[:i]...)
		sg = &graph.Subgraph{Nodes: append(nodes, sg.Nodes[i+1:]...), Edges: sg.Edges, Truncated: sg.Truncated}
	}
	return sg, nil
}
