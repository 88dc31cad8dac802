// The writing half of Store.Load: a planned document written in one
// transaction, nodes then relationships, in chunks of UNWIND rows.

package neo4j

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

func consume(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (neo4j.Counters, error) {
	sctx, span := startTxStatement(ctx, cypher)
	res, err := tx.Run(sctx, cypher, params)
	if err != nil {
		endStatement(span, 0, nil, err)
		return nil, err
	}
	sum, err := res.Consume(sctx)
	endStatement(span, 0, sum, err)
	if err != nil {
		return nil, err
	}
	return sum.Counters(), nil
}

// otherLabels is what a rewritten node of category c loses: every other
// category label (removing a label a node lacks writes nothing).
func otherLabels(c graph.Category) []string {
	var others []string
	for _, o := range graph.Categories() {
		if o != c {
			others = append(others, string(o))
		}
	}
	return others
}

// writeNodes runs a node statement over rows, loadChunk rows a statement,
// and adds each written node's element id to eids, by node id.
func writeNodes[R any](ctx context.Context, tx neo4j.ManagedTransaction, cypher string, rows []R, eids map[string]string) error {
	for len(rows) > 0 {
		k := min(loadChunk, len(rows))
		recs, err := collect(ctx, tx, cypher, map[string]any{"rows": rows[:k]})
		if err != nil {
			return err
		}
		if len(recs) != k {
			return fmt.Errorf("load statement wrote %d of %d nodes", len(recs), k)
		}
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			eid, _ := r.Values[1].(string)
			eids[id] = eid
		}
		rows = rows[k:]
	}
	return nil
}

// writeChunks runs cypher over rows, loadChunk rows a statement, and
// returns how many rows the statements counted (their RETURN count(*)).
func writeChunks[R any](ctx context.Context, tx neo4j.ManagedTransaction, cypher string, rows []R) (int, error) {
	n := 0
	for len(rows) > 0 {
		k := min(loadChunk, len(rows))
		recs, err := collect(ctx, tx, cypher, map[string]any{"rows": rows[:k]})
		if err != nil {
			return 0, err
		}
		if len(recs) != 1 {
			return 0, fmt.Errorf("load statement returned %d records", len(recs))
		}
		got, _ := recs[0].Values[0].(int64)
		n += int(got)
		rows = rows[k:]
	}
	return n, nil
}

// run is the transaction body. It is idempotent: a retry starts again
// from the database's state before the first attempt, and everything it
// decides it decides from what it reads inside the transaction.
func (p *loadPlan) run(ctx context.Context, tx neo4j.ManagedTransaction) (*graph.LoadResult, error) {
	res := &graph.LoadResult{Document: p.doc, Nodes: len(p.nodes), Edges: p.edges}

	recs, err := collect(ctx, tx, cypherPrevious, map[string]any{"doc": p.doc, "ids": p.nodeIDs, "ext": p.extIDs})
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, fmt.Errorf("load: reading the stored document returned %d records", len(recs))
	}
	rec := recs[0]
	res.Replaced, _ = rec.Values[0].(bool)
	if res.Replaced {
		n, _ := rec.Values[1].(int64)
		res.RemovedNodes = int(n)
	}
	storedRows, _ := rec.Values[2].([]any)
	droppedRows, _ := rec.Values[3].([]any)
	covered, _ := rec.Values[4].(bool)
	extRows, _ := rec.Values[5].([]any)
	taken, _ := rec.Values[6].([]any)
	var relRows []any
	if res.Replaced {
		recs, err := collect(ctx, tx, cypherPreviousRels, slimParams(map[string]any{"doc": p.doc}, p.doc))
		if err != nil {
			return nil, err
		}
		if len(recs) != 1 {
			return nil, fmt.Errorf("load: reading the stored relationships returned %d records", len(recs))
		}
		relRows, _ = recs[0].Values[0].([]any)
	}

	// The Stats summary changes by what the document's nodes count now
	// minus what the nodes it rewrites or drops counted before.
	delta := maps.Clone(p.stats)
	storedHash := make(map[string]string, len(storedRows))
	// Element ids by node id: of the stored nodes read here, then of the
	// nodes written below (which replace them).
	eids := make(map[string]string, len(p.nodes)+len(extRows))
	for _, raw := range storedRows {
		row, _ := raw.([]any)
		if len(row) != 3+statWidth {
			return nil, fmt.Errorf("load: malformed stored node %v", raw)
		}
		id, _ := row[0].(string)
		h, _ := row[1].(string)
		storedHash[id] = h
		eids[id], _ = row[2].(string)
		if k, ok := statKeyFromRow(row[3:]); ok {
			delta[k]--
		}
	}
	for _, raw := range extRows {
		row, _ := raw.([]any)
		if len(row) != 2 {
			return nil, fmt.Errorf("load: malformed stored node %v", raw)
		}
		id, _ := row[0].(string)
		eids[id], _ = row[1].(string)
	}
	for _, raw := range droppedRows {
		row, _ := raw.([]any)
		if k, ok := statKeyFromRow(row); ok {
			delta[k]--
		}
	}

	// The stored relationships of the document, by type and id.
	type stored struct{ eid, hash string }
	old := map[string][]stored{}
	for _, raw := range relRows {
		row, _ := raw.([]any)
		if len(row) != 4 && len(row) != 7 {
			return nil, fmt.Errorf("load: malformed stored relationship %v", raw)
		}
		typ, _ := row[0].(string)
		id, _ := row[1].(string)
		eid, _ := row[2].(string)
		h, _ := row[3].(string)
		if len(row) == 7 {
			// A slim relationship: ends and properties, no stored hash.
			s, _ := row[4].(string)
			o, _ := row[5].(string)
			props, _ := row[6].(map[string]any)
			h = slimHash(typ, s, o, props)
		}
		old[typ+"\x00"+id] = append(old[typ+"\x00"+id], stored{eid, h})
	}
	if res.Replaced {
		res.RemovedEdges = len(relRows)
	}
	drop := []string{}
	create := map[graph.Predicate][]map[string]any{}
	for _, pr := range graph.Predicates() {
		for _, e := range p.rels[pr] {
			k := string(pr) + "\x00" + e.id
			kept := false
			for _, o := range old[k] {
				if !kept && o.hash == e.hash {
					kept = true
					continue
				}
				drop = append(drop, o.eid)
			}
			delete(old, k)
			if !kept {
				create[pr] = append(create[pr], e.row)
			}
		}
	}
	for _, list := range old {
		for _, o := range list {
			drop = append(drop, o.eid)
		}
	}
	slices.Sort(drop)
	changed := !res.Replaced || len(drop) > 0 || len(droppedRows) > 0
	if len(drop) > 0 || len(droppedRows) > 0 {
		for first := true; first || len(drop) > 0; first = false {
			k := min(loadChunk, len(drop))
			if _, err := consume(ctx, tx, cypherDelete, map[string]any{"eids": drop[:k], "doc": p.doc, "ids": p.nodeIDs}); err != nil {
				return nil, err
			}
			drop = drop[k:]
		}
	}

	if len(taken) > 0 {
		// Before the nodes are rewritten: a study this load takes over
		// from another document no longer backs that document's edges.
		if _, err := consume(ctx, tx, cypherStudiesTaken, map[string]any{"taken": taken}); err != nil {
			return nil, err
		}
		changed = true
	}

	// Nodes: created, merged, or rewritten; the rows keep the plan's
	// (category, id) order, so concurrent loads lock shared entities in
	// the same order.
	var fresh []any
	var merge []map[string]any
	for _, n := range p.nodes {
		h, ok := storedHash[n.id]
		switch {
		case !ok && n.owned:
			fresh = append(fresh, []any{n.id, n.row["label"], n.row["props"]})
		case !ok || h != n.hash:
			merge = append(merge, map[string]any{"id": n.id, "label": n.row["label"], "others": otherLabels(n.cat), "props": n.row["props"]})
		}
	}
	if err := writeNodes(ctx, tx, cypherCreateNodes, fresh, eids); err != nil {
		return nil, err
	}
	if err := writeNodes(ctx, tx, cypherMergeNodes, merge, eids); err != nil {
		return nil, err
	}

	// Relationships, all types together: by element id where both ends'
	// are known (every end the document names, stored or written here),
	// the others through the :Entity(id) index.
	var byEID []any
	var byID []map[string]any
	for _, pr := range graph.Predicates() {
		for _, row := range create[pr] {
			se, sok := eids[row["s"].(string)]
			oe, ook := eids[row["o"].(string)]
			if sok && ook {
				byEID = append(byEID, []any{se, row["s"], oe, row["o"], row["type"], row["props"]})
			} else {
				byID = append(byID, row)
			}
		}
	}
	changed = changed || len(fresh) > 0 || len(merge) > 0 || len(byEID) > 0 || len(byID) > 0
	got, err := writeChunks(ctx, tx, cypherCreateRelsByElementID, byEID)
	if err != nil {
		return nil, err
	}
	n, err := writeChunks(ctx, tx, cypherCreateRels, byID)
	if err != nil {
		return nil, err
	}
	got += n
	if rels := len(byEID) + len(byID); got != rels {
		// An end node vanished between validation and the write (a
		// concurrent wipe): refuse rather than commit a partial document.
		return nil, graph.Errorf(graph.EINVALID, "document %s: %d of %d edges found both end nodes", p.doc, got, rels)
	}

	var file, hash any // nil removes the properties: a plain Load no longer holds the file's content
	if p.src != nil {
		file, hash = p.src.File, p.src.Hash
	}
	if _, err := consume(ctx, tx, "MERGE (d:"+labelDocument+" {id: $doc}) "+
		"FOREACH (_ IN CASE WHEN d.nodes = $nodes AND d.edges = $edges THEN [] ELSE [1] END | SET d.nodes = $nodes, d.edges = $edges) "+
		"FOREACH (_ IN CASE WHEN d.source_hash = $hash AND d.source_file = $file THEN [] ELSE [1] END | SET d.source_file = $file, d.source_hash = $hash)",
		map[string]any{"doc": p.doc, "nodes": len(p.nodes), "edges": p.edges, "file": file, "hash": hash}); err != nil {
		return nil, err
	}
	if changed {
		// A new version of the graph: FanOut answers from its cache only
		// while every document keeps the version it was computed with.
		if _, err := consume(ctx, tx, "MATCH (d:"+labelDocument+" {id: $doc}) SET d.version = randomUUID()",
			map[string]any{"doc": p.doc}); err != nil {
			return nil, err
		}
	}
	if err := updateSummary(ctx, tx, covered, delta); err != nil {
		return nil, err
	}
	return res, nil
}
