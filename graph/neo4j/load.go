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
	return s.load(ctx, doc, nil)
}

func (s *Store) load(ctx context.Context, doc *graph.Document, src *graph.DocumentSource) (*graph.LoadResult, error) {
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
	plan.src = src

	s.loadMu.Lock()
	defer s.loadMu.Unlock()
	meta := map[string]any{"document": doc.ID}
	// Whatever the outcome, the fan-out counts are read again next time.
	defer s.fan.reset()
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

// loadPlan is a validated document turned into rows. It is built once,
// outside the transaction, so a retried transaction replays exactly the
// same work.
type loadPlan struct {
	doc     string
	src     *graph.DocumentSource // the file the document comes from, recorded on its :KapgraphDocument; nil for none
	nodes   []nodeRow             // every node of the document, in (category, id) order
	edges   int
	nodeIDs []string                      // every node of the document, in id order
	extIDs  []string                      // the edge ends outside the document's nodes (stored shared entities), in id order
	rels    map[graph.Predicate][]edgeRow // every edge of the document, per type, in id order
	stats   map[statKey]int               // the document's nodes' share of the Stats summary
}

type nodeRow struct {
	id    string
	cat   graph.Category
	owned bool // the node belongs to the document (graph.Node.Document)
	hash  string
	row   map[string]any
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
//   - reads, in one statement, whether the document exists, the stored
//     nodes among the document's (id, content hash, and what Stats counts
//     of them) and the owned nodes the new version drops, and, in a
//     second one run only if the document exists, the document's
//     relationships (type, id and content hash);
//   - deletes the relationships whose content changed and the dropped
//     nodes, in one statement;
//   - writes nodes, loadChunk rows a statement: CREATE
//     for the document's own nodes that do not exist (nothing to compare,
//     no label to remove), MERGE for shared entities that do not exist
//     (another document's load may create them concurrently, and MERGE
//     under the uniqueness constraint settles that), and for stored nodes
//     whose hash differs a rewrite of properties and category label; a
//     stored node with the same hash is not touched at all;
//   - creates the relationships that are new or changed, all types
//     together, loadChunk rows a statement, each end found by the
//     element id the read or the node write returned (no index seek);
//   - records the document and applies the document's change to the Stats
//     summary (see statKey).
//
// Reloading an unchanged document writes nothing but its summary check;
// the result is the same as deleting the old version and writing the new
// one.

// propHash is a node and relationship property holding a hash of its
// content (for a relationship: type, ends and other properties), so a
// reload can tell an unchanged one without reading it whole.
const propHash = "content_hash"

func contentHash(what string, v any) string {
	b, err := json.Marshal(v) // map keys marshal sorted
	if err != nil {
		panic(fmt.Sprintf("neo4j: hashing %s: %v", what, err)) // plain data never fails
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

func edgeHash(e *graph.Edge, props map[string]any) string {
	return slimHash(string(e.Predicate), e.Subject, e.Object, props)
}

// slimHash is the content hash of a relationship from its type, ends and
// properties (without the hash). A slim relationship stores none: a
// reload computes it from the properties it reads, which hash the same
// as the ones written (the same keys and values; a list reads back as
// []any, which marshals as the []string written).
func slimHash(typ, subject, object string, props map[string]any) string {
	return contentHash("edge", []any{typ, subject, object, props})
}

// cypherPrevious reads what the transaction decides from, in one
// statement: whether the document exists, how many nodes it owns
// (LoadResult.RemovedNodes, as the embedded engine counts them), the
// stored nodes among $ids with their hash, element id and Stats fields,
// the owned nodes $ids no longer has (with their Stats fields), the
// element ids of the stored nodes among $ext (edge ends outside the
// document's nodes), and whether the Stats summary covers every :Study
// and :CitationConcern node. The element ids let the relationships be
// created without one index seek per end (cypherCreateRelsByElementID).
var cypherPrevious = "OPTIONAL MATCH (d:" + labelDocument + " {id: $doc}) WITH d IS NOT NULL AS existed " +
	"CALL () { MATCH (n:" + labelEntity + " {document: $doc}) RETURN count(n) AS owned } " +
	"CALL () { UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) " +
	"RETURN collect([id, n." + propHash + ", elementId(n), " + statFields + "]) AS stored, " +
	"collect(CASE WHEN n.document <> $doc THEN [id, n.document] END) AS taken } " +
	"CALL () { MATCH (n:" + labelEntity + " {document: $doc}) WHERE NOT n.id IN $ids " +
	"RETURN collect([" + statFields + "]) AS dropped } " +
	"CALL () { UNWIND $ext AS id MATCH (n:" + labelEntity + " {id: id}) RETURN collect([id, elementId(n)]) AS ext } " +
	"CALL () { " + cypherSummaryCovers + " } " +
	"RETURN existed, owned, stored, dropped, covered, ext, taken"

// cypherStudiesTaken clears the propStudiesOwn flag of the edges that
// count on a study another document's load takes over (rewrites: it
// becomes that document's, or a shared entity, or another category, and
// the new owner may drop it). $taken holds [node id, its stored
// document] pairs; only that document's edges can hold the flag for the
// node. One index seek on r.document per type.
var cypherStudiesTaken = func() string {
	var calls []string
	for _, p := range graph.Predicates() {
		calls = append(calls, fmt.Sprintf("CALL (t) { MATCH ()-[r:%s]->() WHERE r.document = t[1] AND r.%s "+
			"AND t[0] IN coalesce(r.%s, []) REMOVE r.%s }", p, propStudiesOwn, propPublications, propStudiesOwn))
	}
	return "UNWIND $taken AS t " + strings.Join(calls, " ")
}()

// cypherPreviousRels reads the document's relationships (type, id,
// element id, hash), one index seek on r.document per type. It is a
// statement of its own so a first load skips it: Load writes a
// document's relationships and its :KapgraphDocument node in one
// transaction, so a document without that node has none. Planning the
// fourteen-way union is the costly part, and it is not paid on the
// fresh loads a bulk import is made of.
//
// A slim relationship (no document property, see slimEdge) is found by
// its id instead: a prefix seek on the type's id index ($slimPrefix,
// $slimLen: graph.StructuralEdgeIDPrefix), only for the types that can
// hold one. It comes with its ends and properties, from which run
// computes its hash (slimHash).
var cypherPreviousRels = func() string {
	var rels []string
	for _, p := range graph.Predicates() {
		rels = append(rels, fmt.Sprintf("MATCH ()-[r:%s]->() WHERE r.document = $doc "+
			"RETURN [type(r), r.id, elementId(r), r.%s] AS rel", p, propHash))
		if !p.Curated() {
			rels = append(rels, fmt.Sprintf("MATCH (a)-[r:%s]->(b) WHERE %s "+
				"RETURN [type(r), r.id, elementId(r), null, a.id, b.id, properties(r)] AS rel", p, slimOfDocument("r")))
		}
	}
	return "CALL () { " + strings.Join(rels, " UNION ALL ") + " } RETURN collect(rel) AS rels"
}()

// slimOfDocument is the condition that relationship v is a slim one of
// the document the parameters $slimPrefix and $slimLen name
// (slimParams); the prefix is a seek on the type's id index.
func slimOfDocument(v string) string {
	return v + ".id STARTS WITH $slimPrefix AND size(" + v + ".id) = $slimLen AND " + v + ".document IS NULL"
}

// slimParams adds the parameters of slimOfDocument for document doc.
func slimParams(params map[string]any, doc string) map[string]any {
	params["slimPrefix"], params["slimLen"] = graph.StructuralEdgeIDPrefix(doc)
	return params
}

// The write statements have one text each whatever the document holds:
// the category label and the relationship type are dynamic ($(...),
// Neo4j 5.26), their values from the allow-list (planLoad checks every
// one with labelOf and relTypes). A text that never changes is planned
// once and then found in the plan cache, and its plan is small: the
// statements they replace spliced one UNWIND subquery per label or type
// into a text that changed with every document, and planning those took
// longer than running them (0.1 to 1 s a statement, profiled on the
// synthetic 10k graph), while row count and index use were the same.
const (
	// cypherCreateNodes creates the document's own nodes that do not
	// exist yet (nothing to compare, no label to remove). It returns each
	// node's element id, for cypherCreateRelsByElementID.
	// A row is a list [id, label, props]: a list is read with fewer
	// strings than a map of the same values (no key per row).
	cypherCreateNodes = "UNWIND $rows AS row CREATE (n:" + labelEntity + ":$(row[1])) SET n = row[2] RETURN row[0], elementId(n)"
	// cypherMergeNodes writes shared entities that do not exist (another
	// document's load may create them concurrently, and MERGE under the
	// uniqueness constraint settles that) and stored nodes whose content
	// changed, category included: the node loses every other category
	// label.
	cypherMergeNodes = "UNWIND $rows AS row MERGE (n:" + labelEntity + " {id: row.id}) SET n = row.props " +
		"SET n:$(row.label) REMOVE n:$(row.others) RETURN row.id, elementId(n)"
	// cypherCreateRels creates relationships, both ends matched through
	// the :Entity(id) uniqueness constraint.
	cypherCreateRels = "UNWIND $rows AS row MATCH (s:" + labelEntity + " {id: row.s}) MATCH (o:" + labelEntity + " {id: row.o}) " +
		"CREATE (s)-[r:$(row.type)]->(o) SET r = row.props RETURN count(*)"
	// cypherCreateRelsByElementID creates relationships with both ends
	// found by the element id the node write or cypherPrevious returned.
	// Such a seek is cheaper than one through the :Entity(id) index,
	// which has to merge in every node the transaction added (profiled:
	// half the statement's time on a fresh synthetic document). The id
	// is checked too: a stored node this transaction did not write is
	// not locked until its relationship is created, and a concurrent
	// delete could free its element id for another node in between. A
	// row whose end fails the check is not counted, and run refuses the
	// load as it does when an end vanished.
	// A row is a list [subject element id, subject id, object element
	// id, object id, type, props].
	cypherCreateRelsByElementID = "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row[0] AND s.id = row[1] " +
		"MATCH (o) WHERE elementId(o) = row[2] AND o.id = row[3] " +
		"CREATE (s)-[r:$(row[4])]->(o) SET r = row[5] RETURN count(*)"
)

// cypherDelete deletes the relationships to replace (by element id) and
// the document's owned nodes the new version does not have, with whatever
// still touches them.
var cypherDelete = "CALL () { UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r } " +
	"CALL () { MATCH (n:" + labelEntity + " {document: $doc}) WHERE NOT n.id IN $ids DETACH DELETE n }"

func planLoad(doc *graph.Document) (*loadPlan, error) {
	p := &loadPlan{doc: doc.ID, edges: len(doc.Edges), rels: map[graph.Predicate][]edgeRow{}, stats: map[statKey]int{}}

	// Nodes in (category, id) order: concurrent loads that share entities
	// then lock them in the same order.
	nodes := slices.Clone(doc.Nodes)
	slices.SortFunc(nodes, func(a, b graph.Node) int {
		if c := strings.Compare(string(a.Category), string(b.Category)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	for i := range nodes {
		n := &nodes[i]
		if _, err := labelOf(n.Category); err != nil {
			return nil, err
		}
		props := nodeProps(n)
		h := contentHash("node "+n.ID, props)
		props[propHash] = h
		p.nodeIDs = append(p.nodeIDs, n.ID)
		p.nodes = append(p.nodes, nodeRow{id: n.ID, cat: n.Category, owned: n.Document == doc.ID, hash: h,
			row: map[string]any{"id": n.ID, "label": string(n.Category), "props": props}})
		if k, ok := statKeyOf(n); ok {
			p.stats[k]++
		}
	}
	slices.Sort(p.nodeIDs)
	own := make(map[string]bool, len(p.nodeIDs))
	for _, id := range p.nodeIDs {
		own[id] = true
	}
	p.extIDs = []string{}
	for i := range doc.Edges {
		for _, id := range []string{doc.Edges[i].Subject, doc.Edges[i].Object} {
			if !own[id] {
				own[id] = true
				p.extIDs = append(p.extIDs, id)
			}
		}
	}
	slices.Sort(p.extIDs)

	// The document's own studies: written with its edges, and removed or
	// rewritten only by its next load, which rewrites every edge whose
	// flag changes (the flag is part of the content hash), or by another
	// document's load taking the node over, which clears the flag
	// (cypherStudiesTaken).
	ownStudies := map[string]bool{}
	for i := range doc.Nodes {
		if n := &doc.Nodes[i]; n.Category == graph.CategoryStudy && n.Document == doc.ID {
			ownStudies[n.ID] = true
		}
	}
	edges := slices.Clone(doc.Edges)
	slices.SortFunc(edges, func(a, b graph.Edge) int { return strings.Compare(a.ID, b.ID) })
	for i := range edges {
		e := &edges[i]
		t, err := relTypes([]graph.Predicate{e.Predicate})
		if err != nil {
			return nil, err
		}
		props := edgeProps(e)
		if pubs, _ := props[propPublications].([]string); len(pubs) > 0 && allIn(pubs, ownStudies) {
			props[propStudiesOwn] = true
		}
		h := edgeHash(e, props)
		if !slimEdge(e) {
			props[propHash] = h
		}
		p.rels[e.Predicate] = append(p.rels[e.Predicate], edgeRow{e.ID, h, map[string]any{"s": e.Subject, "o": e.Object, "type": t, "props": props}})
	}
	return p, nil
}

// allIn is whether every id is in set.
func allIn(ids []string, set map[string]bool) bool {
	for _, id := range ids {
		if !set[id] {
			return false
		}
	}
	return true
}
