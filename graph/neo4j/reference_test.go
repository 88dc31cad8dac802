package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// The Cypher enumerate-rank-cut path code the best-first search replaced,
// kept as the reference the differential tests hold the search to: one
// statement enumerated every simple path with a variable-length pattern,
// ranked and cut them. It refused with ELIMIT a question with more than
// refPathCap paths.

const refPathCap = 20000

func refTooMany() error {
	return graph.Errorf(graph.ELIMIT, "the query matches more than %d paths", refPathCap)
}

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
		" round(reduce(s = 1.0, r IN rs | s * " + scoreExpr("r") + ") * 10000.0) / 10000.0 AS score," +
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
// with ELIMIT a query that enumerates more than refPathCap
// paths, as the embedded engine does.
func rankedPaths(ctx context.Context, tx neo4j.ManagedTransaction, match, order string, rank func([]*graph.Path),
	first int, params map[string]any) ([]*graph.Path, error) {
	params["limit"] = refPathCap + 1
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
	if n > refPathCap {
		return nil, refTooMany()
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

// refPaths is the old Paths.
func (s *Store) refPaths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
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

// refShortestPath is the old ShortestPath. allShortestPaths finds every path
// of the fewest hops (a shortest walk is always simple), and the shared
// ranking breaks ties by evidence score, then edge ids, as the embedded
// engine's iterative deepening does.
func (s *Store) refShortestPath(ctx context.Context, q graph.PathQuery) (*graph.Path, error) {
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

// refMechanismPaths is the old MechanismPaths. The hop filters (causal types,
// forward direction, the disorder rule) are part of the variable-length
// pattern, so the planner prunes while it expands instead of filtering
// finished paths.
func (s *Store) refMechanismPaths(ctx context.Context, q graph.MechanismPathQuery) ([]*graph.Path, error) {
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
