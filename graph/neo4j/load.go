package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// loadChunk is the number of rows sent per UNWIND statement. Every chunk
// runs in the document's one transaction; chunking only bounds the size of
// a single message and of the server's per-statement state.
const loadChunk = 5000

// Load implements graph.Store. The document is validated first, with the
// shared entities it points at looked up in one query. Then one write
// transaction replaces the stored version with the new one and records
// the document: readers see the old version or the new one, and a failure
// anywhere, the process or the server dying included, leaves the old one
// in place. See loadPlan.run for how the replacement is written.
func (s *Store) Load(ctx context.Context, doc *graph.Document) (*graph.LoadResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.WrapError(graph.ETIMEOUT, err, "load")
	}
	// Validate as the embedded engine does, with the stored shared
	// entities as the known ids. If the database cannot be asked, a
	// document that is invalid whatever it holds is still refused as such.
	structural := doc.Validate(func(string) bool { return true })
	known, err := s.knownShared(ctx, doc)
	if err != nil {
		if structural != nil {
			return nil, structural
		}
		return nil, err
	}
	if err := doc.Validate(func(id string) bool { return known[id] }); err != nil {
		return nil, err
	}
	plan, err := planLoad(doc)
	if err != nil {
		return nil, err
	}

	s.loadMu.Lock()
	defer s.loadMu.Unlock()
	meta := map[string]any{"document": doc.ID}
	return runTx(ctx, s, "Load", neo4j.AccessModeWrite, meta, func(ctx context.Context, tx neo4j.ManagedTransaction) (*graph.LoadResult, error) {
		return plan.run(ctx, tx)
	})
}

// knownShared returns which of the ids the document's edges point at,
// outside the document itself, are stored shared entities (Document ""):
// the nodes graph.Document.Validate may accept as edge ends.
func (s *Store) knownShared(ctx context.Context, doc *graph.Document) (map[string]bool, error) {
	own := make(map[string]bool, len(doc.Nodes))
	for i := range doc.Nodes {
		own[doc.Nodes[i].ID] = true
	}
	var ext []string
	for i := range doc.Edges {
		for _, id := range []string{doc.Edges[i].Subject, doc.Edges[i].Object} {
			if !own[id] {
				ext = append(ext, id)
			}
		}
	}
	known := map[string]bool{}
	if len(ext) == 0 {
		return known, nil
	}
	recs, err := s.query(ctx, "Load", "UNWIND $ids AS id MATCH (n:"+labelEntity+" {id: id}) WHERE n.document IS NULL RETURN n.id AS id",
		map[string]any{"ids": uniq(ext)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		if id, ok := r.Values[0].(string); ok {
			known[id] = true
		}
	}
	return known, nil
}

// loadPlan is a validated document turned into statements and rows. It is
// built once, outside the transaction, so a retried transaction replays
// exactly the same work.
type loadPlan struct {
	doc     string
	nodes   int
	edges   int
	nodeIDs []string // every node of the document
	steps   []loadStep
	rels    map[graph.Predicate][]edgeRow // every edge of the document, per type, in id order
}

type loadStep struct {
	cypher string
	rows   []map[string]any
}

type edgeRow struct {
	id   string
	hash string
	row  map[string]any
}

// The replacement is a difference, not a delete and re-create: Neo4j pays
// for every node and relationship a transaction writes (time, and memory
// under db.memory.transaction.max), deleting and re-creating the same ids
// in one transaction is its slowest path (a reload of 5,000 nodes and
// 20,000 edges that way ran out of the default 128 MiB transaction
// memory), and index seeks on relationships the same transaction created
// grow slower with their number (MERGE of 20,000 relationships by id took
// minutes). So the transaction
//
//   - merges nodes by id (the unique :Entity(id) index), writing properties
//     only where they changed, and deletes the document's owned nodes the
//     new version no longer has;
//   - reads the document's relationships (type, id and a hash of their
//     content), keeps those whose content is unchanged, deletes the others
//     by element id and creates the new ones with CREATE.
//
// Reloading an unchanged document writes nothing; the result is the same
// as deleting the old version and writing the new one.

// propHash is a relationship property holding a hash of its type, ends
// and other properties, so a reload can tell an unchanged relationship
// without reading it whole.
const propHash = "content_hash"

func edgeHash(e *graph.Edge, props map[string]any) string {
	b, err := json.Marshal([]any{e.Predicate, e.Subject, e.Object, props}) // map keys marshal sorted
	if err != nil {
		panic(fmt.Sprintf("neo4j: hashing edge %s: %v", e.ID, err)) // plain data never fails
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// cypherPrevious says whether the document exists and counts its owned
// nodes (LoadResult.RemovedNodes, as the embedded engine counts them).
var cypherPrevious = "OPTIONAL MATCH (d:" + labelDocument + " {id: $doc}) WITH d IS NOT NULL AS existed " +
	"CALL { MATCH (n:" + labelEntity + " {document: $doc}) RETURN count(n) AS nodes } RETURN existed, nodes"

// cypherDocEdges lists the document's relationships (one index seek per
// type on r.document).
var cypherDocEdges = func() string {
	var parts []string
	for _, p := range graph.Predicates() {
		parts = append(parts, fmt.Sprintf("MATCH ()-[r:%s]->() WHERE r.document = $doc "+
			"RETURN type(r) AS type, r.id AS id, elementId(r) AS eid, r.%s AS hash", p, propHash))
	}
	return strings.Join(parts, " UNION ALL ")
}()

var (
	cypherDeleteEdges = "UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r"
	// cypherPruneNodes deletes the document's owned nodes the new version
	// does not have, with whatever still touches them.
	cypherPruneNodes = "MATCH (n:" + labelEntity + " {document: $doc}) WHERE NOT n.id IN $ids DETACH DELETE n"
)

func planLoad(doc *graph.Document) (*loadPlan, error) {
	p := &loadPlan{doc: doc.ID, nodes: len(doc.Nodes), edges: len(doc.Edges), rels: map[graph.Predicate][]edgeRow{}}

	// Nodes per category label, in (label, id) order: concurrent loads that
	// share entities then lock them in the same order.
	byCat := map[graph.Category][]map[string]any{}
	nodes := slices.Clone(doc.Nodes)
	slices.SortFunc(nodes, func(a, b graph.Node) int { return strings.Compare(a.ID, b.ID) })
	for i := range nodes {
		n := &nodes[i]
		p.nodeIDs = append(p.nodeIDs, n.ID)
		byCat[n.Category] = append(byCat[n.Category], map[string]any{"id": n.ID, "props": nodeProps(n)})
	}
	for _, c := range graph.Categories() {
		rows := byCat[c]
		if len(rows) == 0 {
			continue
		}
		label, err := labelOf(c)
		if err != nil {
			return nil, err
		}
		// A shared entity that changed category loses its old label
		// (adding a label a node has, or removing one it lacks, writes
		// nothing), and properties are written only when they changed.
		var others []string
		for _, o := range graph.Categories() {
			if o != c {
				others = append(others, string(o))
			}
		}
		cypher := "UNWIND $rows AS row MERGE (n:" + labelEntity + " {id: row.id}) " +
			"FOREACH (_ IN CASE WHEN properties(n) = row.props THEN [] ELSE [1] END | SET n = row.props) " +
			"SET n:" + label + " REMOVE n:" + strings.Join(others, ":")
		for len(rows) > 0 {
			k := min(loadChunk, len(rows))
			p.steps = append(p.steps, loadStep{cypher: cypher, rows: rows[:k]})
			rows = rows[k:]
		}
	}

	edges := slices.Clone(doc.Edges)
	slices.SortFunc(edges, func(a, b graph.Edge) int { return strings.Compare(a.ID, b.ID) })
	for i := range edges {
		e := &edges[i]
		if _, err := relTypes([]graph.Predicate{e.Predicate}); err != nil {
			return nil, err
		}
		props := edgeProps(e)
		h := edgeHash(e, props)
		props[propHash] = h
		p.rels[e.Predicate] = append(p.rels[e.Predicate], edgeRow{e.ID, h, map[string]any{"s": e.Subject, "o": e.Object, "props": props}})
	}
	return p, nil
}

func consume(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (neo4j.Counters, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	return sum.Counters(), nil
}

// run is the transaction body. It is idempotent: a retry starts again
// from the database's state before the first attempt, and everything it
// decides it decides from what it reads inside the transaction.
func (p *loadPlan) run(ctx context.Context, tx neo4j.ManagedTransaction) (*graph.LoadResult, error) {
	res := &graph.LoadResult{Document: p.doc, Nodes: p.nodes, Edges: p.edges}
	doc := map[string]any{"doc": p.doc}

	recs, err := collect(ctx, tx, cypherPrevious, doc)
	if err != nil {
		return nil, err
	}
	res.Replaced, _ = recs[0].Values[0].(bool)
	if res.Replaced {
		n, _ := recs[0].Values[1].(int64)
		res.RemovedNodes = int(n)
	}

	// The stored relationships of the document, by type and id.
	type stored struct{ eid, hash string }
	old := map[string][]stored{}
	recs, err = collect(ctx, tx, cypherDocEdges, doc)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		typ, _ := r.Values[0].(string)
		id, _ := r.Values[1].(string)
		eid, _ := r.Values[2].(string)
		h, _ := r.Values[3].(string)
		old[typ+"\x00"+id] = append(old[typ+"\x00"+id], stored{eid, h})
	}
	if res.Replaced {
		res.RemovedEdges = len(recs)
	}
	var drop []string
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

	for len(drop) > 0 {
		k := min(loadChunk, len(drop))
		if _, err := consume(ctx, tx, cypherDeleteEdges, map[string]any{"eids": drop[:k]}); err != nil {
			return nil, err
		}
		drop = drop[k:]
	}
	if _, err := consume(ctx, tx, cypherPruneNodes, map[string]any{"doc": p.doc, "ids": p.nodeIDs}); err != nil {
		return nil, err
	}
	for _, st := range p.steps {
		if _, err := consume(ctx, tx, st.cypher, map[string]any{"rows": st.rows}); err != nil {
			return nil, err
		}
	}
	for _, pr := range graph.Predicates() {
		rows := create[pr]
		if len(rows) == 0 {
			continue
		}
		t, err := relTypes([]graph.Predicate{pr})
		if err != nil {
			return nil, err
		}
		cypher := "UNWIND $rows AS row MATCH (s:" + labelEntity + " {id: row.s}) MATCH (o:" + labelEntity + " {id: row.o}) " +
			"CREATE (s)-[r:" + t + "]->(o) SET r = row.props"
		for len(rows) > 0 {
			k := min(loadChunk, len(rows))
			c, err := consume(ctx, tx, cypher, map[string]any{"rows": rows[:k]})
			if err != nil {
				return nil, err
			}
			if c.RelationshipsCreated() != k {
				// An end node vanished between validation and the write (a
				// concurrent wipe): refuse rather than commit a partial
				// document.
				return nil, graph.Errorf(graph.EINVALID, "document %s: %d of %d %s edges found both end nodes",
					p.doc, c.RelationshipsCreated(), k, pr)
			}
			rows = rows[k:]
		}
	}

	if _, err := consume(ctx, tx, "MERGE (d:"+labelDocument+" {id: $doc}) "+
		"FOREACH (_ IN CASE WHEN d.nodes = $nodes AND d.edges = $edges THEN [] ELSE [1] END | SET d.nodes = $nodes, d.edges = $edges)",
		map[string]any{"doc": p.doc, "nodes": p.nodes, "edges": p.edges}); err != nil {
		return nil, err
	}
	return res, nil
}
