package resolvers

import (
	"context"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers/generated"
)

// The fields the resolvers and the read planner (plan.go) must agree on,
// stated once: which node fields are pages of the node's claims, and
// which graph.Node properties the other node fields read. The resolvers
// resolve through these tables and the planner plans from them, so a
// field cannot be resolved one way and planned another. TestPlannedFields
// fails when a claim page of the schema is missing from claimPages, and
// TestNodeFieldsRead when a field reads a property nodeFieldsRead does not
// list.

// claimPage is the edge selection of a node field that returns one page
// of the node's own claims: a fixed direction and predicates, or (zero
// dir, nil preds) those of the field's `direction` and `predicates`
// arguments, by default both directions and the curated predicates.
type claimPage struct {
	dir   graph.Direction
	preds func() []graph.Predicate
}

// claimPages are the node fields that return one page of the node's own
// claims, by field name.
var claimPages = map[string]claimPage{
	"claims":     {},
	"upstream":   {dir: graph.In, preds: graph.CausalPredicates},
	"downstream": {dir: graph.Out, preds: graph.CausalPredicates},
	"effects":    {dir: graph.Out, preds: func() []graph.Predicate { return []graph.Predicate{graph.Affects} }},
}

// selection is the page's direction and predicates given the field's
// arguments (nil when absent; fixed pages take none).
func (c claimPage) selection(dir *graph.Direction, preds []graph.Predicate) (graph.Direction, []graph.Predicate) {
	if c.preds != nil {
		return c.dir, c.preds()
	}
	return dirOr(dir, graph.Both), orCurated(preds)
}

// selectionFromArgs is selection for the arguments as the planner reads
// them from the query (defaults filled in); ok is false when they are not
// what the schema allows, which the field's resolver then reports.
func (c claimPage) selectionFromArgs(args map[string]any) (graph.Direction, []graph.Predicate, bool) {
	var dir *graph.Direction
	if s, ok := args["direction"].(string); ok && s != "" {
		d := graph.Direction(s)
		dir = &d
	}
	var preds []graph.Predicate
	if list, ok := args["predicates"].([]any); ok {
		for _, p := range list {
			s, ok := p.(string)
			if !ok {
				return "", nil, false
			}
			preds = append(preds, graph.Predicate(s))
		}
	}
	d, ps := c.selection(dir, preds)
	return d, ps, true
}

// modalitiesFromArgs is a claim page's `modalities` argument as the
// planner reads it from the query; ok is false when it is not what the
// schema allows, which the field's resolver then reports.
func modalitiesFromArgs(args map[string]any) ([]graph.Modality, bool) {
	list, _ := args["modalities"].([]any)
	ms := make([]graph.Modality, 0, len(list))
	for _, v := range list {
		s, ok := v.(string)
		if !ok {
			return nil, false
		}
		ms = append(ms, graph.Modality(s))
	}
	_, err := graph.CheckModalities(ms)
	return ms, err == nil
}

// claimPage resolves the claim page field (a key of claimPages) of node
// id.
func (r *Resolver) claimPage(ctx context.Context, field, id string, dir *graph.Direction, preds []graph.Predicate, ms []graph.Modality, first *int, after *string) (*generated.ClaimConnection, error) {
	return r.claimPageCursors(ctx, field, id, dir, preds, ms, first, after, true)
}

// claimPageCursors is claimPage, with the edges' cursors and the page's
// start and end cursors left empty unless cursors is set: the fast path
// asks for them only when the selection writes one (fastWriter.claimArgs).
func (r *Resolver) claimPageCursors(ctx context.Context, field, id string, dir *graph.Direction, preds []graph.Predicate, ms []graph.Modality, first *int, after *string, cursors bool) (*generated.ClaimConnection, error) {
	page, ok := claimPages[field]
	if !ok {
		return nil, graph.Errorf(graph.EINTERNAL, "%s is not a claim page field", field)
	}
	d, ps := page.selection(dir, preds)
	return r.claimsOf(ctx, id, d, ps, ms, first, after, cursors)
}

// claimPageAt is claimPageCursors at a place given by the caller (the
// fast path's).
func (r *Resolver) claimPageAt(ctx context.Context, place, field, id string, dir *graph.Direction, preds []graph.Predicate, ms []graph.Modality, first *int, after *string, cursors bool) (*generated.ClaimConnection, error) {
	page, ok := claimPages[field]
	if !ok {
		return nil, graph.Errorf(graph.EINTERNAL, "%s is not a claim page field", field)
	}
	d, ps := page.selection(dir, preds)
	return r.claimsAt(ctx, place, id, d, ps, ms, first, after, cursors)
}

// nodeFieldsRead are the GraphQL fields of a node whose resolvers read
// only these fields of graph.Node (by JSON name; besides id and category,
// which every node keeps): a selection of nothing else lets the plan read
// the node partially. The claim pages (claimPages) need only the id. Any
// other field reads the node whole, so a new field is safe before it is
// listed here.
var nodeFieldsRead = map[string][]string{
	"id": nil, "__typename": nil, "category": nil,
	"biolink": {"biolink"}, "name": {"name"}, "synonyms": {"synonyms"},
	"xrefs": {"xrefs"}, "description": {"description"},
}

// readsOf is what a node field reads of graph.Node, and whether the table
// knows it.
func readsOf(field string) ([]string, bool) {
	if _, ok := claimPages[field]; ok {
		return nil, true
	}
	fs, ok := nodeFieldsRead[field]
	return fs, ok
}
