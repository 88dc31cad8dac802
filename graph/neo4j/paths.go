package neo4j

import (
	"context"
	"fmt"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// ---- paths --------------------------------------------------------------

// Paths, ShortestPath and MechanismPaths run the engine-neutral best-first
// search (graph.PathSearch) over the hop-bounded region of the question,
// which one statement reads whole (see regionCypher) as compact rows: ids,
// type, direction, score, the disorder qualifier, the origin, sign and
// modality (the filters graph.PathSearch applies), no evidence. The same
// statement reads the nodes the question names. A second statement reads
// the chosen paths' relationships whole, by element id, and their nodes
// (graph.Path.Resolved), so a selection of path nodes costs no third. So two statements
// whatever the graph's size, as before (endpoints, then paths), and the
// ranking is the embedded engine's because it is the same Go code.
// Enumerating and ranking in Cypher, as before, cost time in the number of
// paths: Neo4j 5's variable-length expansion has no acyclic mode to prune
// with, and ranking needs every path. The expansions here keep DISTINCT
// ends only, which Neo4j plans as a pruning breadth-first expansion
// (TestPathProfile shows the plans).

// regionCypher is the statement for a region: arrow is "-" or "->", types
// an alternation from relTypes (the allow-list), maxHops bounded by
// graph.MaxHopsCap. outcome is a Cypher boolean over v spliced from a
// constant (whether v may end a mechanism path without a target).
//
// Without a target the region is every relationship leaving a node within
// maxHops-1 hops of the source. With one ($to), it is met in the middle:
// the relationships leaving the nodes within a = (maxHops-1)/2 hops of the
// source and those entering the nodes within maxHops-2-a hops of the
// target. Each hop of a path of at most maxHops hops is in one of the two
// (a hop at position i leaves a node within i hops of the source and
// enters one within maxHops-1-i of the target), and two balls of half the
// radius hold far fewer nodes than one of the whole radius around a hub.
func regionCypher(types, arrow string, maxHops int, outcome string, toTarget bool) (string, error) {
	// The query was normalised (graph.CheckHops), which turned a 0 into
	// the default; a bound broken here is a caller's bug.
	if h, err := graph.CheckHops(maxHops); err != nil || h != maxHops {
		return "", graph.Errorf(graph.EINVALID, "maxHops %d out of bounds", maxHops)
	}
	if arrow != "-" && arrow != "->" {
		return "", fmt.Errorf("arrow %q", arrow)
	}
	arc := newArcLayout()
	row := func(from, to string) string {
		return "WITH " + from + ".id AS uid, " + to + ".id AS vid, elementId(r) AS eid, r.id AS rid, type(r) AS typ, startNode(r) = " + from + " AS fwd, " +
			scoreExpr("r") + " AS score, r." + propDisorder + " AS dis, " + outcome + " AS out, r.origin AS origin, r.sign AS sign, r.negated AS neg, r.modality AS modality " +
			"RETURN collect(" + arc.sentExpr(arcValues[:]) + ")"
	}
	fwd := maxHops - 1
	if toTarget {
		fwd = (maxHops - 1) / 2
	}
	c := "CALL () { UNWIND $ends AS x MATCH (n:" + labelEntity + " {id: x}) RETURN collect(properties(n)) AS ends } " +
		"CALL () { MATCH (a:" + labelEntity + " {id: $from}) " +
		"MATCH (a)-[:" + types + "*0.." + strconv.Itoa(fwd) + "]" + arrow + "(u) " +
		"WITH DISTINCT u " +
		"MATCH (u)-[r:" + types + "]" + arrow + "(v) " +
		row("u", "v") + " AS fwd } "
	if back := maxHops - 2 - fwd; toTarget && back >= 0 {
		c += "CALL () { MATCH (b:" + labelEntity + " {id: $to}) " +
			"MATCH (v)-[:" + types + "*0.." + strconv.Itoa(back) + "]" + arrow + "(b) " +
			"WITH DISTINCT v " +
			"MATCH (u)-[r:" + types + "]" + arrow + "(v) " +
			row("u", "v") + " AS back } "
	} else {
		c += "WITH ends, fwd, [] AS back "
	}
	return c + "RETURN ends, fwd + back AS arcs", nil
}

// region is what regionCypher returns, ready for graph.PathSearch.
type region struct {
	ends    map[string]*graph.Node
	arcs    map[string][]graph.Arc
	outcome map[string]bool
	eid     map[*graph.Edge]string // element id of each (partial) edge
}

// readRegion runs regionCypher and decodes its record.
func readRegion(ctx context.Context, tx neo4j.ManagedTransaction, arc *rowLayout, cypher, from, to string, ends []string) (*region, error) {
	recs, err := collect(ctx, tx, cypher, map[string]any{"from": from, "to": to, "ends": uniq(ends)})
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, fmt.Errorf("region: %d records", len(recs))
	}
	rawEnds, _, err := neo4j.GetRecordValue[[]any](recs[0], "ends")
	if err != nil {
		return nil, err
	}
	rawArcs, _, err := neo4j.GetRecordValue[[]any](recs[0], "arcs")
	if err != nil {
		return nil, err
	}
	r := &region{ends: map[string]*graph.Node{}, arcs: map[string][]graph.Arc{},
		outcome: map[string]bool{}, eid: make(map[*graph.Edge]string, len(rawArcs))}
	for _, raw := range rawEnds {
		m, _ := raw.(map[string]any)
		n, err := decodeNode(m)
		if err != nil {
			return nil, fmt.Errorf("node %v: %w", m["id"], err)
		}
		r.ends[n.ID] = n
	}
	edges := make(map[string]*graph.Edge, len(rawArcs))
	block := make([]graph.Edge, 0, len(rawArcs))
	d := &planDecoder{packs: make([]packed, 0, len(rawArcs)*arc.npack)}
	// The two halves of a met-in-the-middle region may hold the same arc.
	type arcKey struct{ u, eid string }
	seen := make(map[arcKey]bool, len(rawArcs))
	for _, raw := range rawArcs {
		row, err := d.rowVals(arc, raw)
		if err != nil {
			return nil, fmt.Errorf("region arc: %w", err)
		}
		u, v, eid := row.str(arcU), row.str(arcV), row.str(arcEID)
		forward := row.str(arcForward) == "true"
		if seen[arcKey{u, eid}] {
			continue
		}
		seen[arcKey{u, eid}] = true
		e := edges[eid]
		if e == nil {
			block = append(block, graph.Edge{Predicate: graph.Predicate(row.str(arcType)), Subject: u, Object: v})
			e = &block[len(block)-1]
			e.ID = row.str(arcID)
			e.Qualifiers.Disorder = row.str(arcDisorder)
			e.Origin = row.str(arcOrigin)
			e.Sign = graph.Sign(row.str(arcSign))
			e.Negated = row.str(arcNegated) == "true"
			e.Modality = graph.Modality(row.str(arcModality))
			if !forward {
				e.Subject, e.Object = v, u
			}
			switch sc := row.raw(arcScore).(type) {
			case float64:
				e.Score = sc
			case int64:
				e.Score = float64(sc)
			}
			edges[eid] = e
			r.eid[e] = eid
		}
		r.arcs[u] = append(r.arcs[u], graph.Arc{Edge: e, To: v, Forward: forward})
		if row.str(arcOutcome) == "true" {
			r.outcome[v] = true
		}
	}
	return r, nil
}

func str(x any) string { s, _ := x.(string); return s }

// search runs ps over the region and replaces the compact edges of the
// answers by the whole relationships.
func (r *region) search(ctx context.Context, tx neo4j.ManagedTransaction, w *pathsWhole, ps graph.PathSearch) ([]*graph.Path, error) {
	ps.Arcs = func(id string, yield func(graph.Arc)) {
		for _, a := range r.arcs[id] {
			yield(a)
		}
	}
	found, err := ps.Run(ctx)
	if err != nil || len(found) == 0 {
		return nil, err
	}
	var eids, ids []string
	for _, p := range found {
		ids = append(ids, p.Nodes...)
		for _, h := range p.Hops {
			eids = append(eids, r.eid[h.Edge])
		}
	}
	eids, ids = uniq(eids), uniq(ids)
	recs, err := collect(ctx, tx, w.cypher, map[string]any{"eids": eids, "ids": ids})
	if err != nil {
		return nil, err
	}
	read, err := w.decode(recs)
	if err != nil {
		return nil, err
	}
	whole, nodes := read.edges, read.nodes
	out := make([]*graph.Path, len(found))
	for i, p := range found {
		hops := make([]graph.Hop, len(p.Hops))
		for j, h := range p.Hops {
			e := whole[r.eid[h.Edge]]
			if e == nil {
				return nil, fmt.Errorf("relationship %s of a path is gone", h.Edge.ID)
			}
			h.Edge = e
			hops[j] = h
		}
		out[i] = graph.NewPath(p.Nodes[0], hops)
	}
	graph.ResolvePathNodes(out, func(id string) *graph.Node { return nodes[id] })
	return out, nil
}

func arrow(directed bool) string {
	if directed {
		return "->"
	}
	return "-"
}

// pathQuery answers a normalized PathQuery: the region, the endpoint
// checks and the search, in one read transaction.
func (s *Store) pathQuery(ctx context.Context, op string, q graph.PathQuery) ([]*graph.Path, error) {
	types, err := relTypes(q.Predicates)
	if err != nil {
		return nil, err
	}
	cypher, err := s.pathsWhole().region(types, arrow(q.Directed), q.MaxHops, "false", true)
	if err != nil {
		return nil, err
	}
	return readTx(ctx, s, op, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*graph.Path, error) {
		r, err := readRegion(ctx, tx, s.pathsWhole().arc, cypher, q.From, q.To, nonEmpty(q.From, q.To, q.Via))
		if err != nil {
			return nil, err
		}
		if _, err := graph.LookupEnds(r.end, graph.PathEnd{Role: "from", ID: q.From}, graph.PathEnd{Role: "to", ID: q.To}, graph.PathEnd{Role: "via", ID: q.Via}); err != nil {
			return nil, err
		}
		if q.From == q.To {
			return nil, nil // no simple path returns to its start
		}
		return r.search(ctx, tx, s.pathsWhole(), graph.PathSearch{
			From: q.From, MaxHops: q.MaxHops, First: q.First, Order: graph.OrderShortestFirst,
			Accept:     func(id string) (bool, bool) { return id == q.To, id != q.To },
			StatedOnly: q.StatedOnly, Via: q.Via, Modalities: q.Modalities,
		})
	})
}

// Paths implements graph.Store.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	return s.pathQuery(ctx, "Paths", q)
}

// ShortestPath implements graph.Store: the first of Paths.
func (s *Store) ShortestPath(ctx context.Context, q graph.PathQuery) (*graph.Path, error) {
	q.First = 1
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	ps, err := s.pathQuery(ctx, "ShortestPath", q)
	if err != nil || len(ps) == 0 {
		return nil, err
	}
	return ps[0], nil
}

// MechanismPaths implements graph.Store. The disorder rule is applied to
// the region's arcs in Go (graph.DisorderAllows), as the embedded engine
// applies it.
func (s *Store) MechanismPaths(ctx context.Context, q graph.MechanismPathQuery) ([]*graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	types, err := relTypes(graph.CausalPredicates())
	if err != nil {
		return nil, err
	}
	// graph.MechanismTarget, as a label test. No meeting in the middle
	// with a target: causal claims fan out little from a source but
	// converge on outcomes, so the ball around the source is the small one.
	cypher, err := s.pathsWhole().region(types, "->", q.MaxHops, "v:"+string(graph.CategoryOutcome), false)
	if err != nil {
		return nil, err
	}
	return readTx(ctx, s, "MechanismPaths", func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*graph.Path, error) {
		r, err := readRegion(ctx, tx, s.pathsWhole().arc, cypher, q.From, q.To, nonEmpty(q.From, q.To, q.Disorder, q.Via))
		if err != nil {
			return nil, err
		}
		ends, err := graph.LookupEnds(r.end, graph.PathEnd{Role: "from", ID: q.From}, graph.PathEnd{Role: "to", ID: q.To}, graph.PathEnd{Role: "disorder", ID: q.Disorder}, graph.PathEnd{Role: "via", ID: q.Via})
		if err != nil {
			return nil, err
		}
		from, to, dis := ends[0], ends[1], ends[2]
		if err := graph.CheckMechanismEndpoints(from, to, dis); err != nil {
			return nil, err
		}
		if q.Disorder != "" {
			for id, as := range r.arcs {
				kept := as[:0:0]
				for _, a := range as {
					if graph.DisorderAllows(a.Edge, q.Disorder) {
						kept = append(kept, a)
					}
				}
				r.arcs[id] = kept
			}
		}
		accept := func(id string) (bool, bool) { return r.outcome[id], true }
		if to != nil {
			accept = func(id string) (bool, bool) { return id == to.ID, id != to.ID }
		}
		return r.search(ctx, tx, s.pathsWhole(), graph.PathSearch{
			From: q.From, MaxHops: q.MaxHops, First: q.First, Order: graph.OrderBestSupported, Accept: accept,
			StatedOnly: q.StatedOnly, Via: q.Via, Modalities: q.Modalities, SignedOnly: true,
		})
	})
}

func nonEmpty(ids ...string) []string {
	var out []string
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	return out
}

// end is the region's lookup of a question's endpoint (graph.LookupEnds).
func (r *region) end(id string) *graph.Node { return r.ends[id] }
