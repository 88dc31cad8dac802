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
	sub, err := decodeSubgraph(recs[0])
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
	b.WriteString("CALL (ids) { UNWIND ids AS x MATCH (n:" + labelEntity + " {id: x}) RETURN collect(properties(n)) AS nodes } " +
		"CALL (ids) { UNWIND ids AS x MATCH (a:" + labelEntity + " {id: x})-[r:" + types + "]->(b:" + labelEntity + ") " +
		"WHERE b.id IN ids RETURN collect({props: properties(r), type: type(r), subject: a.id, object: b.id}) AS edges } " +
		"RETURN cut, nodes, edges")
	return b.String(), nil
}

func decodeSubgraph(rec *neo4j.Record) (*graph.Subgraph, error) {
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
	sub := &graph.Subgraph{Truncated: cut}
	for _, raw := range nodes {
		m, _ := raw.(map[string]any)
		n, err := decodeNode(m)
		if err != nil {
			return nil, fmt.Errorf("node %v: %w", m["id"], err)
		}
		sub.Nodes = append(sub.Nodes, n)
	}
	seen := make(map[string]bool, len(edges))
	for _, raw := range edges {
		e, err := decodeEdgeMap(raw)
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
