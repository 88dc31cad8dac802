// Package resolvers implements kapgraph's GraphQL schema over any
// graph.Store: the hand-written resolvers behind schema/*.graphqls and the
// executable schema (schema.go) that gives every operation its
// dataloaders and the SDL's argument defaults. Generated code lives in
// resolvers/generated; per-request dataloaders in resolvers/batch. The
// HTTP endpoint, limits and error presenter around it are package gql's.
//
// Reads are planned where the selection allows (plan.go): node and nodes
// read their claim pages, at any depth, with subjects, objects and
// evidence studies, in one Store call; stats, metaGraph, neighborhood,
// evidence and search are one Store call each by construction; a list
// root (reviews, studies, drugs, entities, ...) reads its page in one and,
// when its nodes select claim pages, their plan in a second; path roots
// are one Store call that returns claims and nodes whole. Left to the
// dataloaders (batched, one Store call per level), because they hang off
// data the plan does not model:
// Evidence.passage and .section; Claim.concerns and .review; the
// non-claim relationship fields of nodes (related, mentionedIn,
// studiedFor and their kin); and the lists of document structure (review
// sections, subsections, passages, references, concerns).
// internal/app/statements_test.go counts the Neo4j statements of every bench and
// playground query.
package resolvers

//go:generate go tool gqlgen generate

import (
	"context"
	"fmt"
	"slices"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// Resolver is the root resolver. It holds the store and the type
// resolvers, made once here (gqlgen asks the root for one on every field
// it resolves); request state (the dataloaders) travels in the context.
type Resolver struct {
	store    graph.Store
	warnings []graph.LoadWarning // files left out at load, for `warnings`
	places   places              // placeOf remembered (place.go)

	queryRes           generated.QueryResolver
	reviewRes          generated.ReviewResolver
	sectionRes         generated.SectionResolver
	passageRes         generated.PassageResolver
	studyRes           generated.StudyResolver
	citationConcernRes generated.CitationConcernResolver
	drugRes            generated.DrugResolver
	mechanismRes       generated.MechanismResolver
	brainRegionRes     generated.BrainRegionResolver
	brainNetworkRes    generated.BrainNetworkResolver
	disorderRes        generated.DisorderResolver
	symptomRes         generated.SymptomResolver
	outcomeRes         generated.OutcomeResolver
	therapyRes         generated.TherapyResolver
	safetyRiskRes      generated.SafetyRiskResolver
	populationRes      generated.PopulationResolver
	claimRes           generated.ClaimResolver
	evidenceRes        generated.EvidenceResolver
	inTextCitationRes  generated.InTextCitationResolver
	qualifiersRes      generated.QualifiersResolver
	qualifierValueRes  generated.QualifierValueResolver
	pathRes            generated.PathResolver
	hopRes             generated.HopResolver
	subgraphRes        generated.SubgraphResolver
	searchHitRes       generated.SearchHitResolver
	evidenceReportRes  generated.EvidenceReportResolver
}

// NewResolver returns the root resolver over store; warnings name the
// input files left out of the graph, which the root field `warnings` lists.
func NewResolver(store graph.Store, warnings []graph.LoadWarning) *Resolver {
	r := &Resolver{store: store, warnings: warnings}
	r.queryRes = &queryResolver{r}
	r.reviewRes = &reviewResolver{nodeFields[*model.Review]{r}}
	r.sectionRes = &sectionResolver{nodeFields[*model.Section]{r}}
	r.passageRes = &passageResolver{nodeFields[*model.Passage]{r}}
	r.studyRes = &studyResolver{nodeFields[*model.Study]{r}}
	r.citationConcernRes = &concernResolver{nodeFields[*model.CitationConcern]{r}}
	r.drugRes = &drugResolver{entity[*model.Drug](r)}
	r.mechanismRes = &mechanismResolver{causal[*model.Mechanism](r)}
	r.brainRegionRes = &brainRegionResolver{anatomyFields[*model.BrainRegion]{causal[*model.BrainRegion](r)}}
	r.brainNetworkRes = &brainNetworkResolver{anatomyFields[*model.BrainNetwork]{causal[*model.BrainNetwork](r)}}
	r.disorderRes = &disorderResolver{causal[*model.Disorder](r)}
	r.symptomRes = &symptomResolver{causal[*model.Symptom](r)}
	r.outcomeRes = &outcomeResolver{causal[*model.Outcome](r)}
	r.therapyRes = &therapyResolver{causal[*model.Therapy](r)}
	r.safetyRiskRes = &safetyRiskResolver{causal[*model.SafetyRisk](r)}
	r.populationRes = &populationResolver{entity[*model.Population](r)}
	r.claimRes = &claimResolver{r}
	r.evidenceRes = &evidenceResolver{r}
	r.inTextCitationRes = &inTextCitationResolver{r}
	r.qualifiersRes = &qualifiersResolver{r}
	r.qualifierValueRes = &qualifierValueResolver{r}
	r.pathRes = &pathResolver{r}
	r.hopRes = &hopResolver{r}
	r.subgraphRes = &subgraphResolver{r}
	r.searchHitRes = &searchHitResolver{r}
	r.evidenceReportRes = &evidenceReportResolver{r}
	return r
}

// Compile-time check that the root provides every resolver; each
// resolver's own check sits beside it, in the file of its schema file.
var _ generated.ResolverRoot = (*Resolver)(nil)

func (r *Resolver) Query() generated.QueryResolver     { return r.queryRes }
func (r *Resolver) Review() generated.ReviewResolver   { return r.reviewRes }
func (r *Resolver) Section() generated.SectionResolver { return r.sectionRes }
func (r *Resolver) Passage() generated.PassageResolver { return r.passageRes }
func (r *Resolver) Study() generated.StudyResolver     { return r.studyRes }
func (r *Resolver) CitationConcern() generated.CitationConcernResolver {
	return r.citationConcernRes
}
func (r *Resolver) Drug() generated.DrugResolver                     { return r.drugRes }
func (r *Resolver) Mechanism() generated.MechanismResolver           { return r.mechanismRes }
func (r *Resolver) BrainRegion() generated.BrainRegionResolver       { return r.brainRegionRes }
func (r *Resolver) BrainNetwork() generated.BrainNetworkResolver     { return r.brainNetworkRes }
func (r *Resolver) Disorder() generated.DisorderResolver             { return r.disorderRes }
func (r *Resolver) Symptom() generated.SymptomResolver               { return r.symptomRes }
func (r *Resolver) Outcome() generated.OutcomeResolver               { return r.outcomeRes }
func (r *Resolver) Therapy() generated.TherapyResolver               { return r.therapyRes }
func (r *Resolver) SafetyRisk() generated.SafetyRiskResolver         { return r.safetyRiskRes }
func (r *Resolver) Population() generated.PopulationResolver         { return r.populationRes }
func (r *Resolver) Claim() generated.ClaimResolver                   { return r.claimRes }
func (r *Resolver) Evidence() generated.EvidenceResolver             { return r.evidenceRes }
func (r *Resolver) InTextCitation() generated.InTextCitationResolver { return r.inTextCitationRes }
func (r *Resolver) Qualifiers() generated.QualifiersResolver         { return r.qualifiersRes }
func (r *Resolver) QualifierValue() generated.QualifierValueResolver { return r.qualifierValueRes }
func (r *Resolver) Path() generated.PathResolver                     { return r.pathRes }
func (r *Resolver) Hop() generated.HopResolver                       { return r.hopRes }
func (r *Resolver) Subgraph() generated.SubgraphResolver             { return r.subgraphRes }
func (r *Resolver) SearchHit() generated.SearchHitResolver           { return r.searchHitRes }
func (r *Resolver) EvidenceReport() generated.EvidenceReportResolver { return r.evidenceReportRes }

// loaders returns the request's dataloaders. The executable schema gives
// every operation some (see NewExecutableSchema); the fallback keeps a
// resolver called outside one correct, if unbatched.
func (r *Resolver) loaders(ctx context.Context) *batch.Loaders {
	if l := batch.For(ctx); l != nil {
		return l
	}
	return batch.New(r.store, batch.Options{})
}

// curated lists the knowledge-layer predicates: the default edge types.
func curated() []graph.Predicate {
	var out []graph.Predicate
	for _, p := range graph.Predicates() {
		if p.Curated() {
			out = append(out, p)
		}
	}
	return out
}

func orCurated(ps []graph.Predicate) []graph.Predicate {
	if len(ps) == 0 {
		return curated()
	}
	return ps
}

func dirOr(d *graph.Direction, def graph.Direction) graph.Direction {
	if d == nil || *d == "" {
		return def
	}
	return *d
}

// end resolves one end of a claim or hop; a dangling id is an error,
// since the schema promises a node.
func (r *Resolver) end(ctx context.Context, id string) (model.Node, error) {
	n, err := r.endAt(ctx, r.placeIfPlaced(ctx), id)
	if err != nil {
		return nil, err
	}
	w := model.Wrap(n)
	if w == nil {
		return nil, graph.Errorf(graph.EINTERNAL, "node %s has unknown category %q", id, n.Category)
	}
	return w, nil
}

// placeIfPlaced is r.place(ctx) when the operation's loaders hold placed
// entries, and "" (which no lookup then reads) when they do not.
func (r *Resolver) placeIfPlaced(ctx context.Context) string {
	if r.loaders(ctx).Placed() {
		return r.place(ctx)
	}
	return ""
}

// endAt is end's node, unwrapped, at a place given by the caller (the fast
// path knows its places without field contexts): the node the plan placed
// there, or the loaders'.
func (r *Resolver) endAt(ctx context.Context, place, id string) (*graph.Node, error) {
	l := r.loaders(ctx)
	var n *graph.Node
	known := false
	if l.Placed() {
		n, known = l.At(place, id)
	}
	switch {
	case known && n == nil: // a plan looked for it there and found nothing
		return nil, fmt.Errorf("resolving node %s: %w", id, batch.NotFound(id))
	case n == nil:
		var err error
		if n, err = l.Node(ctx, id); err != nil {
			return nil, fmt.Errorf("resolving node %s: %w", id, err)
		}
	}
	return n, nil
}

// claimsOf pages the edges touching node id; without cursors, the
// edges' and the page info's cursors are left empty (claimPageCursors).
//
// The page is the one a read plan fetched for this place, or one cut by
// the store (Store.EdgePages), so a node with thousands
// of claims costs the page, not all of them.
func (r *Resolver) claimsOf(ctx context.Context, id string, dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first *int, after *string, cursors bool) (*generated.ClaimConnection, error) {
	return r.claimsAt(ctx, r.placeIfPlaced(ctx), id, dir, preds, ms, first, after, cursors)
}

// claimsAt is claimsOf at a place given by the caller.
func (r *Resolver) claimsAt(ctx context.Context, place, id string, dir graph.Direction, preds []graph.Predicate, ms []graph.Modality, first *int, after *string, cursors bool) (*generated.ClaimConnection, error) {
	n, err := pageSize(first)
	if err != nil {
		return nil, err
	}
	var cur *graph.Cursor
	if a := deref(after); a != "" {
		c, err := graph.DecodeCursor(a)
		if err != nil {
			return nil, err
		}
		cur = &c
	}
	l := r.loaders(ctx)
	ep, planned := (*graph.EdgePage)(nil), false
	if l.Placed() {
		ep, planned = l.PageAt(place, id, dir, preds, ms, n, cur)
	}
	if !planned {
		ep, err = l.EdgePage(ctx, id, dir, preds, ms, n, cur)
		if err != nil {
			return nil, fmt.Errorf("claims of %s: %w", id, err)
		}
	}
	p := page[*graph.Edge]{
		items: ep.Edges,
		total: ep.TotalCount,
		info:  &generated.PageInfo{HasNextPage: ep.HasNext, HasPreviousPage: cur != nil},
	}
	if !cursors {
		p.cursors = make([]string, len(ep.Edges))
		return claimConnection(p), nil
	}
	p.cursors = make([]string, 0, len(ep.Edges))
	for _, e := range ep.Edges {
		p.cursors = append(p.cursors, graph.EncodeCursor(graph.Cursor{Key: graph.ClaimOrderKey(e), ID: e.ID}))
	}
	if len(p.cursors) > 0 {
		p.info.StartCursor, p.info.EndCursor = &p.cursors[0], &p.cursors[len(p.cursors)-1]
	}
	return claimConnection(p), nil
}

// neighbours pages the nodes one edge away from node id, each once, keeping
// those of the given categories (all when cats is empty).
func (r *Resolver) neighbours(ctx context.Context, id string, dir graph.Direction, preds []graph.Predicate, cats []graph.Category, first *int, after *string) (page[*graph.Node], error) {
	if _, err := pageSize(first); err != nil {
		return page[*graph.Node]{}, err
	}
	l := r.loaders(ctx)
	es, err := l.EdgesOf(ctx, id, dir, preds)
	if err != nil {
		return page[*graph.Node]{}, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	ids := make([]string, 0, len(es))
	for _, e := range es {
		switch {
		case dir == graph.Out:
			ids = append(ids, e.Object)
		case dir == graph.In:
			ids = append(ids, e.Subject)
		case e.Subject == id:
			ids = append(ids, e.Object)
		default:
			ids = append(ids, e.Subject)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	ns, err := l.Existing(ctx, ids)
	if err != nil {
		return page[*graph.Node]{}, fmt.Errorf("neighbours of %s: %w", id, err)
	}
	if len(cats) > 0 {
		ns = slices.DeleteFunc(ns, func(n *graph.Node) bool { return !slices.Contains(cats, n.Category) })
	}
	return paginate(nodeItems(ns), first, after)
}

// node loads one node of the wanted category; a missing id or another
// category gives nil.
func (r *Resolver) nodeOf(ctx context.Context, id string, cat graph.Category) (*graph.Node, error) {
	if id == "" {
		return nil, nil
	}
	n, err := r.loaders(ctx).MaybeNode(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", id, err)
	}
	if n == nil || n.Category != cat {
		return nil, nil
	}
	return n, nil
}

// nodesOf loads nodes of one category, in the order of ids, leaving out
// missing ids and other categories.
func (r *Resolver) nodesOf(ctx context.Context, ids []string, cat graph.Category) ([]*graph.Node, error) {
	ns, err := r.loaders(ctx).Existing(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("loading %d nodes: %w", len(ids), err)
	}
	return slices.DeleteFunc(ns, func(n *graph.Node) bool { return n.Category != cat }), nil
}

func (r *Resolver) review(ctx context.Context, id string) (*model.Review, error) {
	n, err := r.nodeOf(ctx, id, graph.CategoryReview)
	if n == nil || err != nil {
		return nil, err
	}
	return &model.Review{Base: model.Base{Node: n}}, nil
}

// wrapAll presents nodes as their GraphQL types.
func wrapAll(ns []*graph.Node) []model.Node {
	out := make([]model.Node, 0, len(ns))
	for _, n := range ns {
		if w := model.Wrap(n); w != nil {
			out = append(out, w)
		}
	}
	return out
}
