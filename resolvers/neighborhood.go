package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kapgraph/kapgraph/graph"
)

// subgraphSelection is what the neighborhood field resolving now selects
// of its nodes and claims, as graph.NeighborhoodQuery's NodeFields and
// ClaimFields (nil: read whole, as any field the tables of fields.go and
// plan.go do not know), and the places of its claims' ends (subject,
// object), where the nodes read partially are filed for them
// (batch.PrimeAt). The claims' ends are nodes of the subgraph, so the
// nodes are read with what either place selects.
func subgraphSelection(ctx context.Context) (nodeFields, claimFields []string, places []place) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return nil, nil, nil
	}
	base := placeOf(ctx)
	nodeFields, claimFields = []string{}, []string{}
	for _, f := range fields(fc.Field.Selections) {
		switch f.Name {
		case "truncated", "__typename":
		case "nodes":
			nodeFields = unionFields(nodeFields, fieldsOf(f.SelectionSet, false))
		case "edges":
			claimFields = unionFields(claimFields, claimFieldsOf(f.SelectionSet))
			for _, e := range fields(f.SelectionSet) {
				if e.Name == "subject" || e.Name == "object" {
					nodeFields = unionFields(nodeFields, fieldsOf(e.SelectionSet, false))
					places = append(places, place{e.Name, base + "." + f.Alias + "." + e.Alias})
				}
			}
		default:
			return nil, nil, nil
		}
	}
	return nodeFields, claimFields, places
}

// primeSubgraph seeds the request's loaders with a neighbourhood read for
// q: whole nodes and claims into the caches; nodes read partially only at
// the places of the claims' ends (partial claims are resolved from the
// subgraph itself and reach no cache).
func (r *Resolver) primeSubgraph(ctx context.Context, q graph.NeighborhoodQuery, places []place, sg *graph.Subgraph) {
	l := r.loaders(ctx)
	if q.ClaimFields == nil {
		l.PrimeEdges(sg.Edges...)
	}
	if q.NodeFields == nil {
		l.Prime(sg.Nodes...)
		return
	}
	byID := make(map[string]*graph.Node, len(sg.Nodes))
	for _, n := range sg.Nodes {
		byID[n.ID] = n
	}
	for _, pc := range places {
		for _, e := range sg.Edges {
			id := e.Subject
			if pc.end == "object" {
				id = e.Object
			}
			// An end that is not among the nodes (never, as the engines
			// read them) is left to the loader.
			if n := byID[id]; n != nil {
				l.PrimeAt(pc.path, id, n)
			}
		}
	}
}
