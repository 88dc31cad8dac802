package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// EdgePages implements graph.Store.EdgePages: the page of each node is ordered
// and cut in Cypher, so only the page's relationships (with their
// evidence) cross the wire, whatever the node's degree. The order is
// graph.ClaimOrderRank computed in Cypher; storetest checks it against
// the Go reference.
func (s *Store) EdgePages(ctx context.Context, q graph.EdgePageQuery) (map[string]*graph.EdgePage, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	types, err := relTypes(q.Predicates)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*graph.EdgePage, len(q.NodeIDs))
	for _, id := range q.NodeIDs {
		out[id] = &graph.EdgePage{}
	}
	if len(q.NodeIDs) == 0 {
		return out, nil
	}
	// A first page reads exactly First claims and takes HasNext from the
	// total; a later one reads one more to tell whether another follows.
	params := map[string]any{"ids": uniq(q.NodeIDs), "limit": q.First, "afterRank": nil, "afterID": nil}
	if q.After != nil {
		rank, _ := graph.ParseClaimOrderKey(q.After.Key) // Normalize checked it
		params["afterRank"], params["afterID"] = rank, q.After.ID
		params["limit"] = q.First + 1
	}
	pattern := edgePattern(q.Direction, types) + modalityWhere("r", "modalities", q.Predicates, q.Modalities, params)
	// The rank is graph.ClaimOrderRank (rankExpr).
	cypher := "UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) " +
		"CALL (n) { MATCH " + pattern + " RETURN count(DISTINCT r) AS total } " +
		"CALL (n) { MATCH " + pattern + " WITH DISTINCT r " +
		"WITH r, " + rankExpr("r") + " AS rank " +
		"WHERE $afterRank IS NULL OR rank > $afterRank OR (rank = $afterRank AND r.id > $afterID) " +
		"WITH r, rank ORDER BY rank, r.id LIMIT $limit " +
		"RETURN collect({props: properties(r), type: type(r), subject: startNode(r).id, object: endNode(r).id}) AS page } " +
		"RETURN id, total, page"
	recs, err := s.query(ctx, "EdgePages", cypher, params)
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		id, _, err := neo4j.GetRecordValue[string](rec, "id")
		if err != nil {
			return nil, s.mapErr(ctx, "EdgePages", err)
		}
		total, _, err := neo4j.GetRecordValue[int64](rec, "total")
		if err != nil {
			return nil, s.mapErr(ctx, "EdgePages", err)
		}
		rows, _, err := neo4j.GetRecordValue[[]any](rec, "page")
		if err != nil {
			return nil, s.mapErr(ctx, "EdgePages", err)
		}
		p := out[id]
		p.TotalCount = int(total)
		p.HasNext = q.After == nil && p.TotalCount > q.First
		for _, row := range rows {
			e, err := decodeEdgeMap(row)
			if err != nil {
				return nil, s.mapErr(ctx, "EdgePages", err)
			}
			if len(p.Edges) < q.First {
				p.Edges = append(p.Edges, e)
			} else {
				p.HasNext = true
			}
		}
	}
	return out, nil
}

// modalityWhere is the WHERE clause of a claim page over relationship v
// asking for modalities ms (normalized), its list bound to $param: the
// claims of those modalities and every lexical edge, as
// graph.HasModality. Empty when every modality is asked, so that such a
// page's total stays a plain COUNT; without the lexical half when the
// page's predicates are all curated.
func modalityWhere(v, param string, preds []graph.Predicate, ms []graph.Modality, params map[string]any) string {
	if len(ms) == len(graph.Modalities()) {
		return ""
	}
	params[param] = modalityStrings(ms)
	cond := modalityExpr(v) + " IN $" + param
	lexical := len(preds) == 0 // every type
	for _, p := range preds {
		lexical = lexical || !p.Curated()
	}
	if lexical {
		params["curatedTypes"] = curatedTypes()
		return " WHERE (NOT type(" + v + ") IN $curatedTypes OR " + cond + ")"
	}
	return " WHERE " + cond
}
