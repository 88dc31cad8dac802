package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// Claims implements graph.Store.Claims in one statement: the count of the
// matching relationships, the page ordered and cut in Cypher (the rank is
// graph.ClaimOrderRank, as in EdgePages), and the nodes the page names
// (ends, cited studies, concerns), whole. Filters are parameters; a
// subject or object anchors the match on the id index, and the rest are
// tests on the relationship's flat query properties (q_disorder,
// publications) and its own fields. storetest holds the answer to the
// embedded engine's (graph.ClaimQuery.Match, graph.PageClaims).
func (s *Store) Claims(ctx context.Context, q graph.ClaimQuery) (*graph.ClaimPage, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	types, err := relTypes(q.Filter.Predicates)
	if err != nil {
		return nil, err
	}
	f := q.Filter
	params := map[string]any{
		"subject": nil, "object": nil, "sign": nil, "disorder": nil, "study": nil, "origin": nil,
		"concernKind": nil, "minScore": nil, "modalities": modalityStrings(f.Modalities), "curatedTypes": curatedTypes(), "afterRank": nil, "afterID": nil, "limit": q.First + 1,
	}
	set := func(k, v string) {
		if v != "" {
			params[k] = v
		}
	}
	set("subject", f.Subject)
	set("object", f.Object)
	set("sign", string(f.Sign))
	set("disorder", f.Disorder)
	set("study", f.Study)
	set("origin", f.Origin)
	set("concernKind", f.ConcernKind)
	if f.MinScore > 0 {
		params["minScore"] = f.MinScore
	}
	if rank, id, ok := q.AfterRank(); ok {
		params["afterRank"], params["afterID"] = rank, id
	}
	// The anchor is chosen from constants; the values stay parameters.
	sub, obj := "(s:"+labelEntity+")", "(o:"+labelEntity+")"
	if f.Subject != "" {
		sub = "(s:" + labelEntity + " {id: $subject})"
	} else if f.Object != "" {
		obj = "(o:" + labelEntity + " {id: $object})"
	}
	match := "MATCH " + sub + "-[r:" + types + "]->" + obj + " " +
		"WHERE ($object IS NULL OR o.id = $object) " +
		"AND ($sign IS NULL OR r.sign = $sign) " +
		"AND ($disorder IS NULL OR r." + propDisorder + " = $disorder) " +
		"AND ($study IS NULL OR $study IN coalesce(r." + propPublications + ", [])) " +
		"AND ($origin IS NULL OR r.origin = $origin) " +
		"AND (NOT type(r) IN $curatedTypes OR " + modalityExpr("r") + " IN $modalities) " +
		"AND ($minScore IS NULL OR " + scoreExpr("r") + " >= $minScore) " +
		"AND ($concernKind IS NULL OR EXISTS { MATCH (k:" + labelEntity + ") WHERE k.id IN coalesce(r.concerns, []) AND k.kind = $concernKind }) "
	rank := "0"
	if q.OrderBy != graph.ClaimsByID {
		rank = rankExpr("r")
	}
	cypher := "CALL () { " + match + "RETURN count(DISTINCT r) AS total } " +
		"CALL () { " + match + "WITH DISTINCT r WITH r, " + rank + " AS rank " +
		"WHERE $afterRank IS NULL OR rank > $afterRank OR (rank = $afterRank AND r.id > $afterID) " +
		"WITH r, rank ORDER BY rank, r.id LIMIT $limit " +
		"RETURN collect({props: properties(r), type: type(r), subject: startNode(r).id, object: endNode(r).id}) AS page } " +
		"CALL (page) { UNWIND page AS p " +
		"UNWIND [p.subject, p.object] + coalesce(p.props." + propPublications + ", []) + coalesce(p.props.concerns, []) AS id " +
		"WITH DISTINCT id MATCH (n:" + labelEntity + " {id: id}) RETURN collect(properties(n)) AS nodes } " +
		"RETURN total, page, nodes"
	recs, err := s.query(ctx, "Claims", cypher, params)
	if err != nil {
		return nil, err
	}
	p := &graph.ClaimPage{}
	if len(recs) != 1 {
		return p, nil
	}
	rec := recs[0]
	total, _, err := neo4j.GetRecordValue[int64](rec, "total")
	if err != nil {
		return nil, s.mapErr(ctx, "Claims", err)
	}
	rows, _, err := neo4j.GetRecordValue[[]any](rec, "page")
	if err != nil {
		return nil, s.mapErr(ctx, "Claims", err)
	}
	nodes, _, err := neo4j.GetRecordValue[[]any](rec, "nodes")
	if err != nil {
		return nil, s.mapErr(ctx, "Claims", err)
	}
	p.TotalCount = int(total)
	for _, row := range rows {
		e, err := decodeEdgeMap(row)
		if err != nil {
			return nil, s.mapErr(ctx, "Claims", err)
		}
		if len(p.Edges) == q.First {
			p.HasNext = true
			break
		}
		p.Edges = append(p.Edges, e)
		p.Cursors = append(p.Cursors, q.Cursor(e))
	}
	// The extra row read to learn HasNext named nodes too; keep only the
	// page's.
	keep := map[string]bool{}
	for _, id := range graph.ClaimPageNodeIDs(p.Edges) {
		keep[id] = true
	}
	for _, raw := range nodes {
		m, _ := raw.(map[string]any)
		n, err := decodeNode(m)
		if err != nil {
			return nil, s.mapErr(ctx, "Claims", err)
		}
		if keep[n.ID] {
			p.Nodes = append(p.Nodes, n)
		}
	}
	return p, nil
}

// modalityExpr is graph.Edge.Status in Cypher: the stored modality, or
// NEGATED / ASSERTED by the negated flag for a relationship written
// without one. v is a relationship variable from a constant.
func modalityExpr(v string) string {
	return "coalesce(" + v + ".modality, CASE WHEN coalesce(" + v + ".negated, false) THEN 'NEGATED' ELSE 'ASSERTED' END)"
}

func modalityStrings(ms []graph.Modality) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m)
	}
	return out
}

// curatedTypes are the relationship types that are claims (the others,
// the text's structure, pass every modality filter: graph.HasModality).
func curatedTypes() []string {
	var out []string
	for _, p := range graph.Predicates() {
		if p.Curated() {
			out = append(out, string(p))
		}
	}
	return out
}
