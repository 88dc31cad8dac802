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

// ---- paths --------------------------------------------------------------

// Path enumeration, ranking and the cut to the first results all happen in
// one Cypher statement, which returns only the paths asked for, with their
// relationships whole: shipping every enumerated path to Go to rank it
// there made each question megabytes of Bolt records to encode and decode.
// The statement ranks exactly as graph.NewPath and graph.RankShortestFirst
// or graph.RankBestSupported do (the score is the product of the hops'
// scores in hop order, rounded to four decimals the same way; the
// tie-break key is the edge ids joined by '|'), and Go rebuilds the paths
// it returns with graph.NewPath and ranks them again, so the order of what
// is returned is the shared code's in any case.

// simplePath keeps node-simple paths only, as the embedded engine's walk
// does (Cypher itself only keeps relationships unique).
const simplePath = "all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])"

// Path orders to splice after ORDER BY: graph.RankShortestFirst and
// graph.RankBestSupported over the columns rankedPathsTail computes.
const (
	orderShortestFirst = "size(rs) ASC, score DESC, key ASC"
	orderBestSupported = "score DESC, size(rs) ASC, key ASC"
)

// rankedPathsTail follows a MATCH that binds p. It keeps at most
// MaxEnumeratedPaths + 1 paths, so that n (the number enumerated) tells an
// over-limit query apart (graph.TooManyPaths) without enumerating further,
// scores and keys them, and returns the first $first in the given order
// with each relationship's properties, type and start node.
func rankedPathsTail(order string) string {
	return " WITH p LIMIT $limit" +
		" WITH collect(p) AS ps" +
		" UNWIND ps AS p" +
		" WITH size(ps) AS n, p, relationships(p) AS rs" +
		" WITH n, p, rs," +
		" round(reduce(s = 1.0, r IN rs | s * coalesce(r.score, 0.0)) * 10000.0) / 10000.0 AS score," +
		" reduce(k = '', r IN rs | k + r.id + '|') AS key" +
		" ORDER BY " + order +
		" LIMIT $first" +
		" RETURN n, [x IN nodes(p) | x.id] AS nodes, [r IN rs | properties(r)] AS props," +
		" [r IN rs | type(r)] AS types, [r IN rs | startNode(r).id] AS starts"
}

// hopRange is a variable-length bound to splice, from a hop count that
// graph's Normalize already bounded.
func hopRange(min, max int) (string, error) {
	if min < 1 || max < min || max > graph.MaxHopsCap {
		return "", graph.Errorf(graph.EINVALID, "hop range %d..%d out of bounds", min, max)
	}
	return fmt.Sprintf("*%d..%d", min, max), nil
}

// rankedPaths runs match (which binds p) followed by rankedPathsTail and
// decodes the paths, ranked by rank (the Go twin of order). It refuses
// with ELIMIT a query that enumerates more than graph.MaxEnumeratedPaths
// paths, as the embedded engine does.
func rankedPaths(ctx context.Context, tx neo4j.ManagedTransaction, match, order string, rank func([]*graph.Path),
	first int, params map[string]any) ([]*graph.Path, error) {
	params["limit"] = graph.MaxEnumeratedPaths + 1
	params["first"] = first
	recs, err := collect(ctx, tx, match+rankedPathsTail(order), params)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, nil
	}
	n, _, err := neo4j.GetRecordValue[int64](recs[0], "n")
	if err != nil {
		return nil, err
	}
	if n > graph.MaxEnumeratedPaths {
		return nil, graph.TooManyPaths()
	}
	out := make([]*graph.Path, 0, len(recs))
	for _, rec := range recs {
		p, err := decodePath(rec)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	rank(out)
	return out, nil
}

// decodePath rebuilds one path from rankedPathsTail's columns. A hop walks
// its relationship forward when the relationship starts at the hop's first
// node; a simple path never repeats a node, so the other end is the hop's
// other node.
func decodePath(rec *neo4j.Record) (*graph.Path, error) {
	nodes, err := stringList(rec, "nodes")
	if err != nil {
		return nil, err
	}
	types, err := stringList(rec, "types")
	if err != nil {
		return nil, err
	}
	starts, err := stringList(rec, "starts")
	if err != nil {
		return nil, err
	}
	props, _, err := neo4j.GetRecordValue[[]any](rec, "props")
	if err != nil {
		return nil, err
	}
	if len(nodes) != len(props)+1 || len(types) != len(props) || len(starts) != len(props) {
		return nil, fmt.Errorf("path record has %d nodes for %d relationships", len(nodes), len(props))
	}
	hops := make([]graph.Hop, len(props))
	for i, raw := range props {
		m, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("path relationship %d: properties are a %T", i, raw)
		}
		forward := starts[i] == nodes[i]
		subj, obj := nodes[i], nodes[i+1]
		if !forward {
			subj, obj = obj, subj
		}
		e, err := decodeEdge(m, types[i], subj, obj)
		if err != nil {
			return nil, fmt.Errorf("edge %v: %w", m["id"], err)
		}
		hops[i] = graph.Hop{Edge: e, From: nodes[i], To: nodes[i+1], Forward: forward}
	}
	return graph.NewPath(nodes[0], hops), nil
}

func stringList(rec *neo4j.Record, key string) ([]string, error) {
	raw, _, err := neo4j.GetRecordValue[[]any](rec, key)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(raw))
	for i, x := range raw {
		out[i], _ = x.(string)
	}
	return out, nil
}

// endpoints reads the nodes a path query names, by id.
func endpoints(ctx context.Context, tx neo4j.ManagedTransaction, ids ...string) (map[string]*graph.Node, error) {
	var want []string
	for _, id := range ids {
		if id != "" {
			want = append(want, id)
		}
	}
	ns, err := nodesByID(ctx, tx, uniq(want))
	if err != nil {
		return nil, err
	}
	m := make(map[string]*graph.Node, len(ns))
	for _, n := range ns {
		m[n.ID] = n
	}
	return m, nil
}

func mustExist(ctx context.Context, tx neo4j.ManagedTransaction, from, to string) error {
	m, err := endpoints(ctx, tx, from, to)
	if err != nil {
		return err
	}
	if m[from] == nil {
		return graph.Errorf(graph.ENOTFOUND, "from: no node with id %q", from)
	}
	if m[to] == nil {
		return graph.Errorf(graph.ENOTFOUND, "to: no node with id %q", to)
	}
	return nil
}

func arrow(directed bool) string {
	if directed {
		return "->"
	}
	return "-"
}

// Paths implements graph.Store.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	types, err := relTypes(q.Predicates)
	if err != nil {
		return nil, err
	}
	hops, err := hopRange(1, q.MaxHops)
	if err != nil {
		return nil, err
	}
	// A simple path ends at its last node, so a path never runs on past
	// the target: the embedded engine's rule.
	cypher := "MATCH (a:" + labelEntity + " {id: $from}) MATCH (b:" + labelEntity + " {id: $to}) " +
		"MATCH p = (a)-[:" + types + hops + "]" + arrow(q.Directed) + "(b) WHERE " + simplePath
	return readTx(ctx, s, "Paths", func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*graph.Path, error) {
		if err := mustExist(ctx, tx, q.From, q.To); err != nil {
			return nil, err
		}
		if q.From == q.To {
			return nil, nil // no simple path returns to its start
		}
		return rankedPaths(ctx, tx, cypher, orderShortestFirst, graph.RankShortestFirst, q.First,
			map[string]any{"from": q.From, "to": q.To})
	})
}

// ShortestPath implements graph.Store. allShortestPaths finds every path
// of the fewest hops (a shortest walk is always simple), and the shared
// ranking breaks ties by evidence score, then edge ids, as the embedded
// engine's iterative deepening does.
func (s *Store) ShortestPath(ctx context.Context, q graph.PathQuery) (*graph.Path, error) {
	q.First = 1
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	types, err := relTypes(q.Predicates)
	if err != nil {
		return nil, err
	}
	hops, err := hopRange(1, q.MaxHops)
	if err != nil {
		return nil, err
	}
	cypher := "MATCH (a:" + labelEntity + " {id: $from}) MATCH (b:" + labelEntity + " {id: $to}) " +
		"MATCH p = allShortestPaths((a)-[:" + types + hops + "]" + arrow(q.Directed) + "(b))"
	return readTx(ctx, s, "ShortestPath", func(ctx context.Context, tx neo4j.ManagedTransaction) (*graph.Path, error) {
		if err := mustExist(ctx, tx, q.From, q.To); err != nil {
			return nil, err
		}
		if q.From == q.To {
			return nil, nil
		}
		ps, err := rankedPaths(ctx, tx, cypher, orderShortestFirst, graph.RankShortestFirst, 1,
			map[string]any{"from": q.From, "to": q.To})
		if err != nil || len(ps) == 0 {
			return nil, err
		}
		return ps[0], nil
	})
}

// MechanismPaths implements graph.Store. The hop filters (causal types,
// forward direction, the disorder rule) are part of the variable-length
// pattern, so the planner prunes while it expands instead of filtering
// finished paths.
func (s *Store) MechanismPaths(ctx context.Context, q graph.MechanismPathQuery) ([]*graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	types, err := relTypes(graph.CausalPredicates())
	if err != nil {
		return nil, err
	}
	hops, err := hopRange(1, q.MaxHops)
	if err != nil {
		return nil, err
	}
	params := map[string]any{"from": q.From}
	cypher := "MATCH (a:" + labelEntity + " {id: $from}) "
	end := "(m:" + labelEntity + ":" + string(graph.CategoryOutcome) + ")" // graph.MechanismTarget
	if q.To != "" {
		cypher += "MATCH (m:" + labelEntity + " {id: $to}) "
		end = "(m)" // a simple path ending at the target never runs past it
		params["to"] = q.To
	}
	cypher += "MATCH p = (a)-[:" + types + hops + "]->" + end + " WHERE "
	if q.Disorder != "" {
		// graph.DisorderAllows, per relationship.
		cypher += "all(r IN relationships(p) WHERE r." + propDisorder + " IS NULL OR r." + propDisorder + " = $disorder) AND "
		params["disorder"] = q.Disorder
	}
	cypher += simplePath
	return readTx(ctx, s, "MechanismPaths", func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*graph.Path, error) {
		m, err := endpoints(ctx, tx, q.From, q.To, q.Disorder)
		if err != nil {
			return nil, err
		}
		get := func(id, what string) (*graph.Node, error) {
			if id == "" {
				return nil, nil
			}
			if n := m[id]; n != nil {
				return n, nil
			}
			return nil, graph.Errorf(graph.ENOTFOUND, "%s: no node with id %q", what, id)
		}
		from, err := get(q.From, "from")
		if err != nil {
			return nil, err
		}
		to, err := get(q.To, "to")
		if err != nil {
			return nil, err
		}
		dis, err := get(q.Disorder, "disorder")
		if err != nil {
			return nil, err
		}
		if err := graph.CheckMechanismEndpoints(from, to, dis); err != nil {
			return nil, err
		}
		if to != nil && to.ID == from.ID {
			return nil, nil
		}
		return rankedPaths(ctx, tx, cypher, orderBestSupported, graph.RankBestSupported, q.First, params)
	})
}
