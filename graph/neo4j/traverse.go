package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// ---- Neighborhood -------------------------------------------------------

// Neighborhood implements graph.Store. graph.ExpandNeighborhood decides
// which nodes are in, asking the database for one ring at a time; all the
// rings, the nodes and the edges among them are read in one transaction.
func (s *Store) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (*graph.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	types, err := relTypes(q.Predicates)
	if err != nil {
		return nil, err
	}
	ringCypher := "UNWIND $ids AS id MATCH (:" + labelEntity + " {id: id})-[:" + types + "]-(m:" + labelEntity + ") RETURN DISTINCT m.id AS id"
	edgesCypher := "UNWIND $ids AS id MATCH (a:" + labelEntity + " {id: id})-[r:" + types + "]->(b:" + labelEntity + ") " +
		"WHERE b.id IN $ids RETURN " + edgeColumns
	return readTx(ctx, s, "Neighborhood", func(ctx context.Context, tx neo4j.ManagedTransaction) (*graph.Subgraph, error) {
		centre, err := nodesByID(ctx, tx, []string{q.ID})
		if err != nil {
			return nil, err
		}
		if len(centre) == 0 {
			return nil, graph.Errorf(graph.ENOTFOUND, "no node with id %q", q.ID)
		}
		var ringErr error
		neighbours := func(frontier []string) []string {
			if ringErr != nil {
				return nil
			}
			recs, err := collect(ctx, tx, ringCypher, map[string]any{"ids": frontier})
			if err != nil {
				ringErr = err
				return nil
			}
			next := make([]string, 0, len(recs))
			for _, r := range recs {
				if id, ok := r.Values[0].(string); ok {
					next = append(next, id)
				}
			}
			return next
		}
		ids, truncated := graph.ExpandNeighborhood(q, neighbours)
		if ringErr != nil {
			return nil, ringErr
		}
		sub := &graph.Subgraph{Truncated: truncated}
		if sub.Nodes, err = nodesByID(ctx, tx, ids); err != nil {
			return nil, err
		}
		recs, err := collect(ctx, tx, edgesCypher, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		if sub.Edges, err = decodeEdges(recs); err != nil {
			return nil, err
		}
		graph.SortSubgraph(sub)
		return sub, nil
	})
}

// ---- paths --------------------------------------------------------------

// Path enumeration is Cypher's; choosing and ordering is Go's. Each path
// comes back compact (node ids, and per relationship its element id, id,
// score, sign and start node), the shared graph.NewPath and ranking
// functions order them exactly as the embedded engine does, and only the
// relationships of the paths returned are then read whole.

// simplePath keeps node-simple paths only, as the embedded engine's walk
// does (Cypher itself only keeps relationships unique).
const simplePath = "all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])"

const pathColumns = "[x IN nodes(p) | x.id] AS nodes, " +
	"[r IN relationships(p) | elementId(r)] AS eids, " +
	"[r IN relationships(p) | r.id] AS ids, " +
	"[r IN relationships(p) | coalesce(r.score, 0.0)] AS scores, " +
	"[r IN relationships(p) | coalesce(r.sign, '')] AS signs, " +
	"[r IN relationships(p) | startNode(r).id] AS starts"

// hopRange is a variable-length bound to splice, from a hop count that
// graph's Normalize already bounded.
func hopRange(min, max int) (string, error) {
	if min < 1 || max < min || max > graph.MaxHopsCap {
		return "", graph.Errorf(graph.EINVALID, "hop range %d..%d out of bounds", min, max)
	}
	return fmt.Sprintf("*%d..%d", min, max), nil
}

// pathSet is the result of one enumeration: paths whose hops point at
// placeholder edges (id, score and sign only) until fill reads them.
type pathSet struct {
	paths []*graph.Path
	stubs map[string]*graph.Edge // by element id
	eid   map[*graph.Edge]string
}

func enumerate(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (*pathSet, error) {
	params["limit"] = graph.MaxEnumeratedPaths + 1
	recs, err := collect(ctx, tx, cypher+" RETURN "+pathColumns+" LIMIT $limit", params)
	if err != nil {
		return nil, err
	}
	if len(recs) > graph.MaxEnumeratedPaths {
		return nil, graph.TooManyPaths()
	}
	ps := &pathSet{stubs: map[string]*graph.Edge{}, eid: map[*graph.Edge]string{}}
	for _, rec := range recs {
		nodes, err := stringList(rec, "nodes")
		if err != nil {
			return nil, err
		}
		eids, err1 := stringList(rec, "eids")
		ids, err2 := stringList(rec, "ids")
		signs, err3 := stringList(rec, "signs")
		starts, err4 := stringList(rec, "starts")
		scores, _, err5 := neo4j.GetRecordValue[[]any](rec, "scores")
		for _, err := range []error{err1, err2, err3, err4, err5} {
			if err != nil {
				return nil, err
			}
		}
		hops := make([]graph.Hop, len(eids))
		for i, eid := range eids {
			e := ps.stubs[eid]
			if e == nil {
				score, _ := scores[i].(float64)
				e = &graph.Edge{ID: ids[i], Score: score, Sign: graph.Sign(signs[i])}
				ps.stubs[eid] = e
				ps.eid[e] = eid
			}
			hops[i] = graph.Hop{Edge: e, From: nodes[i], To: nodes[i+1], Forward: starts[i] == nodes[i]}
		}
		ps.paths = append(ps.paths, graph.NewPath(nodes[0], hops))
	}
	return ps, nil
}

// fill reads whole the edges of the given paths and rebuilds the paths on
// them.
func (ps *pathSet) fill(ctx context.Context, tx neo4j.ManagedTransaction, paths []*graph.Path) ([]*graph.Path, error) {
	var eids []string
	seen := map[string]bool{}
	for _, p := range paths {
		for _, h := range p.Hops {
			if eid := ps.eid[h.Edge]; !seen[eid] {
				seen[eid] = true
				eids = append(eids, eid)
			}
		}
	}
	full := map[string]*graph.Edge{}
	if len(eids) > 0 {
		recs, err := collect(ctx, tx, "UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid RETURN eid, "+edgeColumns,
			map[string]any{"eids": eids})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			e, err := decodeEdgeRecord(rec)
			if err != nil {
				return nil, err
			}
			eid, _ := rec.Values[0].(string)
			full[eid] = e
		}
	}
	out := make([]*graph.Path, len(paths))
	for i, p := range paths {
		hops := make([]graph.Hop, len(p.Hops))
		for j, h := range p.Hops {
			e := full[ps.eid[h.Edge]]
			if e == nil {
				return nil, fmt.Errorf("edge %s vanished inside a read transaction", h.Edge.ID)
			}
			h.Edge = e
			hops[j] = h
		}
		out[i] = graph.NewPath(p.Nodes[0], hops)
	}
	return out, nil
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
		ps, err := enumerate(ctx, tx, cypher, map[string]any{"from": q.From, "to": q.To})
		if err != nil {
			return nil, err
		}
		if len(ps.paths) == 0 {
			return nil, nil
		}
		graph.RankShortestFirst(ps.paths)
		if len(ps.paths) > q.First {
			ps.paths = ps.paths[:q.First]
		}
		return ps.fill(ctx, tx, ps.paths)
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
		ps, err := enumerate(ctx, tx, cypher, map[string]any{"from": q.From, "to": q.To})
		if err != nil {
			return nil, err
		}
		if len(ps.paths) == 0 {
			return nil, nil
		}
		graph.RankShortestFirst(ps.paths)
		out, err := ps.fill(ctx, tx, ps.paths[:1])
		if err != nil {
			return nil, err
		}
		return out[0], nil
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
		ps, err := enumerate(ctx, tx, cypher, params)
		if err != nil {
			return nil, err
		}
		if len(ps.paths) == 0 {
			return nil, nil
		}
		graph.RankBestSupported(ps.paths)
		if len(ps.paths) > q.First {
			ps.paths = ps.paths[:q.First]
		}
		return ps.fill(ctx, tx, ps.paths)
	})
}
