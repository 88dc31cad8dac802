package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// Evidence implements graph.Store.Evidence in one statement: the two
// ends, the drug's claims that concern the disorder, and the studies they
// cite and the objects they reach, assembled by graph.AssembleEvidence as
// on every engine.
func (s *Store) Evidence(ctx context.Context, drug, disorder string) (*graph.EvidenceReport, error) {
	if err := graph.CheckEvidenceIDs(drug, disorder); err != nil {
		return nil, err
	}
	types, err := relTypes(graph.CuratedPredicates())
	if err != nil {
		return nil, err
	}
	study, err := labelOf(graph.CategoryStudy)
	if err != nil {
		return nil, err
	}
	claims := "MATCH (d)-[r:" + types + "]->(o) WHERE o.id = $disorder OR r." + propDisorder + " = $disorder"
	cypher := "OPTIONAL MATCH (d:" + labelEntity + " {id: $drug}) " +
		"OPTIONAL MATCH (x:" + labelEntity + " {id: $disorder}) " +
		"RETURN properties(d) AS drug, properties(x) AS disorder, " +
		"COLLECT { " + claims + " RETURN {props: properties(r), type: type(r), subject: d.id, object: o.id} } AS claims, " +
		"COLLECT { " + claims + " RETURN DISTINCT properties(o) } + " +
		"COLLECT { " + claims + " UNWIND coalesce(r." + propPublications + ", []) AS sid MATCH (st:" + study + " {id: sid}) RETURN DISTINCT properties(st) } AS nodes"
	recs, err := s.query(ctx, "Evidence", cypher, map[string]any{"drug": drug, "disorder": disorder})
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, s.mapErr(ctx, "Evidence", fmt.Errorf("evidence returned %d rows, want 1", len(recs)))
	}
	rec := recs[0]
	var ends [2]*graph.Node
	for i, col := range []string{"drug", "disorder"} {
		props, isNil, err := neo4j.GetRecordValue[map[string]any](rec, col)
		if err != nil && !isNil {
			return nil, s.mapErr(ctx, "Evidence", err)
		}
		if isNil {
			id := drug
			if i == 1 {
				id = disorder
			}
			return nil, graph.Errorf(graph.ENOTFOUND, "no node with id %q", id)
		}
		if ends[i], err = decodeNode(props); err != nil {
			return nil, s.mapErr(ctx, "Evidence", err)
		}
	}
	if err := graph.CheckEvidenceEnds(ends[0], ends[1]); err != nil {
		return nil, err
	}
	rows, _, err := neo4j.GetRecordValue[[]any](rec, "claims")
	if err != nil {
		return nil, s.mapErr(ctx, "Evidence", err)
	}
	var edges []*graph.Edge
	for _, row := range rows {
		e, err := decodeEdgeMap(row)
		if err != nil {
			return nil, s.mapErr(ctx, "Evidence", err)
		}
		edges = append(edges, e)
	}
	rows, _, err = neo4j.GetRecordValue[[]any](rec, "nodes")
	if err != nil {
		return nil, s.mapErr(ctx, "Evidence", err)
	}
	var nodes []*graph.Node
	for _, row := range rows {
		props, _ := row.(map[string]any)
		n, err := decodeNode(props)
		if err != nil {
			return nil, s.mapErr(ctx, "Evidence", err)
		}
		nodes = append(nodes, n)
	}
	return graph.AssembleEvidence(ends[0], ends[1], edges, nodes), nil
}
