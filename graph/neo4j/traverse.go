package neo4j

import (
	"context"
	"fmt"
	"strconv"
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
	nodeWith, edgeWith := "", ""
	nfs, efs := subgraphFields(q)
	if nfs != nil {
		// The fields' values bound once, then packed (subgraphLayouts).
		vars, with := bindFields("n", nfs, "nv")
		nodeWith, node = with+" ", wholeLayout(nfs, 0).sentExpr(vars)
	}
	if efs != nil {
		vars, with := bindFields("r", efs, "ev")
		edgeWith = with + ", type(r) AS et, a.id AS es, b.id AS eo "
		edge = wholeLayout(efs, 3).sentExpr(append(vars, "et", "es", "eo"))
	}
	b.WriteString("CALL (ids) { UNWIND ids AS x MATCH (n:" + labelEntity + " {id: x}) " + nodeWith + "RETURN collect(" + node + ") AS nodes } " +
		"CALL (ids) { UNWIND ids AS x MATCH (a:" + labelEntity + " {id: x})-[r:" + types + "]->(b:" + labelEntity + ") " +
		"WHERE b.id IN ids " + edgeWith + "RETURN collect(" + edge + ") AS edges } " +
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

// bindFields is a WITH binding the values of fs of variable v to
// variables prefix0, prefix1, ..., and those variables' names: the
// statement reads each property once, and packs the variables.
func bindFields(v string, fs []field, prefix string) (vars []string, with string) {
	vars = make([]string, len(fs))
	binds := make([]string, len(fs))
	for i, f := range fs {
		vars[i] = prefix + strconv.Itoa(i)
		binds[i] = v + "." + f.prop + " AS " + vars[i]
	}
	if len(fs) == 0 {
		return vars, "WITH " + v
	}
	return vars, "WITH " + strings.Join(binds, ", ")
}

// decodeSubgraph decodes the record of neighborhoodCypher(q): nodes and
// edges whole, or as the packed rows of subgraphFields(q) (a row of the
// nodes' fields; of the edges' fields, then type, subject and object),
// taken from one block each.
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
	d := &planDecoder{}
	if nfs != nil {
		l := wholeLayout(nfs, 0)
		block := make([]graph.Node, len(nodes))
		for i, raw := range nodes {
			row, err := d.rowVals(l, raw)
			if err != nil {
				return nil, fmt.Errorf("a neighbourhood node: %w", err)
			}
			if err := d.fields(row, 0, nfs, &block[i]); err != nil {
				return nil, fmt.Errorf("node %v: %w", block[i].ID, err)
			}
			sub.Nodes = append(sub.Nodes, &block[i])
		}
	} else {
		for _, raw := range nodes {
			n, err := decodeSubgraphNode(raw, nil)
			if err != nil {
				return nil, err
			}
			sub.Nodes = append(sub.Nodes, n)
		}
	}
	var l *rowLayout
	var block []graph.Edge
	if efs != nil {
		l, block = wholeLayout(efs, 3), make([]graph.Edge, 0, len(edges))
	}
	seen := make(map[string]bool, len(edges))
	for _, raw := range edges {
		var e *graph.Edge
		if efs == nil {
			e, err = decodeEdgeMap(raw)
		} else {
			e, block, err = d.subgraphEdge(l, efs, raw, block)
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

// subgraphEdge decodes a packed edge row of layout l (the fields efs,
// then type, subject and object) into the next edge of block, as
// decodeClaim decodes a list of the same fields.
func (d *planDecoder) subgraphEdge(l *rowLayout, efs []field, raw any, block []graph.Edge) (*graph.Edge, []graph.Edge, error) {
	row, err := d.rowVals(l, raw)
	if err != nil {
		return nil, block, fmt.Errorf("a neighbourhood edge: %w", err)
	}
	block = append(block, graph.Edge{})
	e := &block[len(block)-1]
	if err := d.fields(row, 0, efs, e); err != nil {
		return nil, block, fmt.Errorf("edge %v: %w", e.ID, err)
	}
	n := len(efs)
	typ := row.str(n)
	e.Predicate, e.Subject, e.Object = graph.Predicate(typ), row.str(n+1), row.str(n+2)
	if typ != "" {
		deriveSlim(e, row.stored(0, efs))
	}
	return e, block, nil
}

// decodeSubgraphNode is a node of a neighbourhood read whole, as a
// property map.
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
