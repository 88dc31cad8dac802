package memory

import (
	"context"
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// Claims implements graph.Store.Claims with the reference filter and order
// (graph.ClaimQuery.Match, graph.PageClaims). A subject or object narrows
// the scan to that node's edges; otherwise every claim is looked at, which
// on the embedded engine's sizes is a few milliseconds.
func (s *Store) Claims(ctx context.Context, q graph.ClaimQuery) (*graph.ClaimPage, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, graph.WrapError(graph.ETIMEOUT, err, "claims")
	}
	st := s.cur()
	kind := func(id string) string {
		if n := st.node(id); n != nil {
			return n.str(fKind)
		}
		return ""
	}
	var found []*graph.Edge
	// Each candidate is built into scratch, and only those that match
	// are kept: the claims are built on read (claimrec.go), and without
	// a subject or object every claim is a candidate.
	var scratch graph.Edge
	var buf []graph.Evidence
	var view edgeView
	match := func(r *edgeRec) {
		// graph.ClaimQuery.Match does not read the id.
		if q.Match(r.buildIn(&scratch, "", &buf), kind) {
			found = append(found, view.of(r))
		}
	}
	// Only the predicates asked for can match (graph.ClaimQuery.Match):
	// the others are passed over unbuilt, and before the lookup of the
	// edge in force.
	f := q.Filter
	keep := func(r *edgeRec) bool { return slices.Contains(f.Predicates, r.predicate()) }
	consider := func(r *edgeRec) {
		// The published version of the id only, once: what EdgesByID and
		// Neo4j (one relationship per id) give.
		if keep(r) && st.inForce(r) {
			match(r)
		}
	}
	switch {
	case f.Subject != "":
		for r := range st.outOf(f.Subject).all {
			consider(r)
		}
	case f.Object != "":
		for r := range st.inOf(f.Object).all {
			consider(r)
		}
	default:
		st.edgesWhere(keep, func(r *edgeRec) bool { match(r); return true })
	}
	p := graph.PageClaims(q, found)
	for _, id := range graph.ClaimPageNodeIDs(p.Edges) {
		if n := st.node(id); n != nil {
			p.Nodes = append(p.Nodes, n.node())
		}
	}
	return p, nil
}
