package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// ---- Neighborhood -------------------------------------------------------

// Neighborhood implements graph.Store in one statement: the rings of
// graph.ExpandNeighborhood (each ring's new neighbours in id order, cut
// when the limit is reached, nothing further once cut), then the nodes and
// the edges among them. Asking for one ring at a time cost a round trip
// per depth on top of the node and edge reads.
func (s *Store) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (*graph.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	cypher, err := neighborhoodCypher(q)
	if err != nil {
		return nil, err
	}
	recs, err := s.query(ctx, "Neighborhood", cypher, map[string]any{"id": q.ID, "limit": q.Limit})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node with id %q", q.ID)
	}
	sub, err := decodeSubgraph(recs[0], q)
	if err != nil {
		return nil, s.mapErr(ctx, "Neighborhood", err)
	}
	return sub, nil
}

// neighborhoodCypher builds the statement for q: one ring subquery per
// depth (q.Depth is at most graph.MaxDepth), the types from the
// allow-list. ids holds the nodes taken so far, the start first; frontier
// the last ring taken; cut whether the limit cut a ring short.
func neighborhoodCypher(q graph.NeighborhoodQuery) (string, error) {
	types, err := relTypes(q.Predicates)
	if err != nil {
		return "", err
	}
	if q.Depth < 1 || q.Depth > graph.MaxDepth {
		return "", graph.Errorf(graph.EINVALID, "depth %d out of bounds", q.Depth)
	}
	var b strings.Builder
	b.WriteString("MATCH (c:" + labelEntity + " {id: $id}) WITH [c.id] AS ids, [c.id] AS frontier, false AS cut ")
	for range q.Depth {
		b.WriteString("CALL (ids, frontier, cut) { " +
			"UNWIND CASE WHEN cut THEN [] ELSE frontier END AS x " +
			"MATCH (:" + labelEntity + " {id: x})-[:" + types + "]-(m:" + labelEntity + ") " +
			"WITH DISTINCT m.id AS mid WHERE NOT mid IN ids " +
			"WITH mid ORDER BY mid RETURN collect(mid) AS ring } " +
			"WITH ids, ring, cut, $limit - size(ids) AS room " +
			"WITH ids + ring[0..room] AS ids, ring[0..room] AS frontier, cut OR size(ring) > room AS cut ")
	}
	// Nodes and edges whole, or (with the query's fields) as lists of the
	// fields asked for: the evidence of the edges and the descriptions of
	// the nodes were most of what the statement read (db hits, bytes).
	node, edge := "properties(n)", "{props: properties(r), type: type(r), subject: a.id, object: b.id}"
	nfs, efs := subgraphFields(q)
	if nfs != nil {
		node = listProjection("n", nfs)
	}
	if efs != nil {
		edge = "[" + listProjection("r", efs) + ", type(r), a.id, b.id]"
	}
	b.WriteString("CALL (ids) { UNWIND ids AS x MATCH (n:" + labelEntity + " {id: x}) RETURN collect(" + node + ") AS nodes } " +
		"CALL (ids) { UNWIND ids AS x MATCH (a:" + labelEntity + " {id: x})-[r:" + types + "]->(b:" + labelEntity + ") " +
		"WHERE b.id IN ids RETURN collect(" + edge + ") AS edges } " +
		"RETURN cut, nodes, edges")
	return b.String(), nil
}

// subgraphFields is what the statement for a normalized q reads of its
// nodes and edges: the fields q names (as a plan's end nodes and claims
// read them, see nodeFields and pickClaimFields), or nil for whole ones.
func subgraphFields(q graph.NeighborhoodQuery) (nodes, edges []field) {
	if q.NodeFields != nil {
		nodes = nodeCodec.pick(q.NodeFields)
	}
	if q.ClaimFields != nil {
		// Not the score, unlike a plan's claims: nothing is ordered.
		edges = pickClaimFields(q.ClaimFields, q.Predicates)
	}
	return nodes, edges
}

// decodeSubgraph decodes the record of neighborhoodCypher(q): nodes and
// edges whole, or as the lists of subgraphFields(q).
func decodeSubgraph(rec *neo4j.Record, q graph.NeighborhoodQuery) (*graph.Subgraph, error) {
	cut, _, err := neo4j.GetRecordValue[bool](rec, "cut")
	if err != nil {
		return nil, err
	}
	nodes, _, err := neo4j.GetRecordValue[[]any](rec, "nodes")
	if err != nil {
		return nil, err
	}
	edges, _, err := neo4j.GetRecordValue[[]any](rec, "edges")
	if err != nil {
		return nil, err
	}
	nfs, efs := subgraphFields(q)
	sub := &graph.Subgraph{Truncated: cut}
	for _, raw := range nodes {
		n, err := decodeSubgraphNode(raw, nfs)
		if err != nil {
			return nil, err
		}
		sub.Nodes = append(sub.Nodes, n)
	}
	seen := make(map[string]bool, len(edges))
	for _, raw := range edges {
		var e *graph.Edge
		if efs == nil {
			e, err = decodeEdgeMap(raw)
		} else {
			// [fields, type, subject, object], decoded as a plan's claim
			// row of the same fields.
			vals, _ := raw.([]any)
			if len(vals) != 4 {
				return nil, fmt.Errorf("a neighbourhood edge of %d values, want 4", len(vals))
			}
			props, _ := vals[0].([]any)
			typ, _ := vals[1].(string)
			subj, _ := vals[2].(string)
			obj, _ := vals[3].(string)
			e, err = decodeClaim(props, efs, typ, subj, obj)
		}
		if err != nil {
			return nil, err
		}
		if !seen[e.ID] {
			seen[e.ID] = true
			sub.Edges = append(sub.Edges, e)
		}
	}
	graph.SortSubgraph(sub)
	return sub, nil
}

// decodeSubgraphNode is a node of a neighbourhood: a whole property map,
// or with fs the values of a listProjection of fs.
func decodeSubgraphNode(raw any, fs []field) (*graph.Node, error) {
	if fs == nil {
		m, _ := raw.(map[string]any)
		n, err := decodeNode(m)
		if err != nil {
			return nil, fmt.Errorf("node %v: %w", m["id"], err)
		}
		return n, nil
	}
	vals, _ := raw.([]any)
	n := &graph.Node{}
	if err := decodeList(vals, fs, n); err != nil {
		return nil, fmt.Errorf("node %v: %w", vals, err)
	}
	return n, nil
}
