package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// ---- splicing ------------------------------------------------------------

// labelOf returns a category as a label to splice into Cypher, after the
// allow-list accepted it.
func labelOf(c graph.Category) (string, error) {
	if !c.Valid() {
		return "", graph.Errorf(graph.EINVALID, "unknown category %q", string(c))
	}
	return string(c), nil
}

// relTypes returns predicates as a relationship type alternation
// ("AFFECTS|CORRELATED_WITH") to splice into Cypher, after the allow-list
// accepted each of them. An empty list means every predicate.
func relTypes(ps []graph.Predicate) (string, error) {
	if len(ps) == 0 {
		ps = graph.Predicates()
	}
	if err := graph.CheckPredicates(ps); err != nil {
		return "", err
	}
	ss := make([]string, len(ps))
	for i, p := range ps {
		ss[i] = string(p)
	}
	slices.Sort(ss)
	return strings.Join(slices.Compact(ss), "|"), nil
}

// Columns that return an edge; decodeEdgeRecord reads them back.
const edgeColumns = "properties(r) AS props, type(r) AS type, startNode(r).id AS subject, endNode(r).id AS object"

func decodeEdgeRecord(rec *neo4j.Record) (*graph.Edge, error) {
	props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
	if err != nil {
		return nil, err
	}
	typ, _, err := neo4j.GetRecordValue[string](rec, "type")
	if err != nil {
		return nil, err
	}
	subj, _, err := neo4j.GetRecordValue[string](rec, "subject")
	if err != nil {
		return nil, err
	}
	obj, _, err := neo4j.GetRecordValue[string](rec, "object")
	if err != nil {
		return nil, err
	}
	e, err := decodeEdge(props, typ, subj, obj)
	if err != nil {
		return nil, fmt.Errorf("edge %v: %w", props["id"], err)
	}
	return e, nil
}

// edgePattern is the pattern of the relationships r of the given types
// touching n in direction d; types comes from relTypes (the allow-list).
func edgePattern(d graph.Direction, types string) string {
	switch d {
	case graph.Out:
		return "(n)-[r:" + types + "]->()"
	case graph.In:
		return "(n)<-[r:" + types + "]-()"
	default:
		return "(n)-[r:" + types + "]-()"
	}
}

// decodeEdgeMap decodes an edge returned as a map with the keys props,
// type, subject and object (relationships collected inside a statement).
func decodeEdgeMap(raw any) (*graph.Edge, error) {
	row, _ := raw.(map[string]any)
	props, _ := row["props"].(map[string]any)
	typ, _ := row["type"].(string)
	subj, _ := row["subject"].(string)
	obj, _ := row["object"].(string)
	e, err := decodeEdge(props, typ, subj, obj)
	if err != nil {
		return nil, fmt.Errorf("edge %v: %w", props["id"], err)
	}
	return e, nil
}

// decodeEdges returns nil for no records, as the embedded engine's
// EdgesOf and Neighborhood do.
func decodeEdges(recs []*neo4j.Record) ([]*graph.Edge, error) {
	var out []*graph.Edge
	seen := make(map[string]bool, len(recs))
	for _, rec := range recs {
		e, err := decodeEdgeRecord(rec)
		if err != nil {
			return nil, err
		}
		if !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// Column that returns a node; decodeNodes reads it back.
const nodeColumn = "properties(n) AS props"

func decodeNodes(recs []*neo4j.Record) ([]*graph.Node, error) {
	out := make([]*graph.Node, 0, len(recs))
	for _, rec := range recs {
		props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
		if err != nil {
			return nil, err
		}
		n, err := decodeNode(props)
		if err != nil {
			return nil, fmt.Errorf("node %v: %w", props["id"], err)
		}
		out = append(out, n)
	}
	return out, nil
}

func uniq(ids []string) []string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// ---- nodes and edges by id ----------------------------------------------

var (
	cypherNode      = "MATCH (n:" + labelEntity + " {id: $id}) RETURN " + nodeColumn
	cypherNodesByID = "UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) RETURN " + nodeColumn
)

// Node implements graph.Store.
func (s *Store) Node(ctx context.Context, id string) (*graph.Node, error) {
	recs, err := s.query(ctx, "Node", cypherNode, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	ns, err := decodeNodes(recs)
	if err != nil {
		return nil, s.mapErr(ctx, "Node", err)
	}
	if len(ns) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node with id %q", id)
	}
	return ns[0], nil
}

// NodesByID implements graph.Store.
func (s *Store) NodesByID(ctx context.Context, ids []string) ([]*graph.Node, error) {
	if len(ids) == 0 {
		return []*graph.Node{}, nil
	}
	recs, err := s.query(ctx, "NodesByID", cypherNodesByID, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	ns, err := decodeNodes(recs)
	if err != nil {
		return nil, s.mapErr(ctx, "NodesByID", err)
	}
	return ns, nil
}

func nodesByID(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]*graph.Node, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := collect(ctx, tx, cypherNodesByID, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return decodeNodes(recs)
}

// cypherEdgesByID looks relationships up by their id property. Indexes on
// relationships are per type, so the lookup is a union of one index seek
// per type of the allow-list.
var cypherEdgesByID = func() string {
	var parts []string
	for _, p := range graph.Predicates() {
		parts = append(parts, fmt.Sprintf("MATCH ()-[r:%s]->() WHERE r.id IN $ids RETURN %s", p, edgeColumns))
	}
	return strings.Join(parts, "\nUNION ALL\n")
}()

// EdgesByID implements graph.Store.
func (s *Store) EdgesByID(ctx context.Context, ids []string) ([]*graph.Edge, error) {
	if len(ids) == 0 {
		return []*graph.Edge{}, nil
	}
	recs, err := s.query(ctx, "EdgesByID", cypherEdgesByID, map[string]any{"ids": uniq(ids)})
	if err != nil {
		return nil, err
	}
	es, err := decodeEdges(recs)
	if err != nil {
		return nil, s.mapErr(ctx, "EdgesByID", err)
	}
	if es == nil {
		es = []*graph.Edge{}
	}
	return es, nil
}

// ---- ListNodes ----------------------------------------------------------

// sortKeyCypher is graph.SortKey in Cypher: the same string for the same
// node, so the database orders and pages exactly as the embedded engine.
func sortKeyCypher(o graph.NodeOrder) string {
	switch o {
	case graph.OrderByID:
		return "n.id"
	case graph.OrderByYear:
		return "toString(10000 + coalesce(n.year, 0))"
	}
	return "toLower(coalesce(n.name, ''))"
}

// listFilter is graph.MatchNode in Cypher. Absent properties are the zero
// value, so "n.kind = $kind" fails for a node without a kind exactly as
// the Go comparison with "" does.
func listFilter(q graph.NodeQuery) (string, map[string]any) {
	var conds []string
	params := map[string]any{}
	if q.Kind != "" {
		conds = append(conds, "n.kind = $kind")
		params["kind"] = q.Kind
	}
	if q.Document != "" {
		conds = append(conds, "n.document = $document")
		params["document"] = q.Document
	}
	if q.Design != "" {
		conds = append(conds, "n.design = $design")
		params["design"] = q.Design
	}
	if q.MaxEvidence > 0 {
		conds = append(conds, "coalesce(n.evidenceLevel, 0) <> 0 AND n.evidenceLevel <= $maxEvidence")
		params["maxEvidence"] = q.MaxEvidence
	}
	if q.YearFrom > 0 {
		conds = append(conds, "coalesce(n.year, 0) >= $yearFrom")
		params["yearFrom"] = q.YearFrom
	}
	if q.YearTo > 0 {
		conds = append(conds, "coalesce(n.year, 0) <> 0 AND n.year <= $yearTo")
		params["yearTo"] = q.YearTo
	}
	if q.NameContains != "" {
		conds = append(conds, "(toLower(coalesce(n.name, '')) CONTAINS $needle OR "+
			"any(syn IN coalesce(n.synonyms, []) WHERE toLower(syn) CONTAINS $needle))")
		params["needle"] = strings.ToLower(q.NameContains)
	}
	if len(conds) == 0 {
		return "", params
	}
	return "WHERE " + strings.Join(conds, " AND "), params
}

// ListNodes implements graph.Store.
func (s *Store) ListNodes(ctx context.Context, q graph.NodeQuery) (*graph.NodePage, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	label := labelEntity
	if q.Category != "" {
		if label, err = labelOf(q.Category); err != nil {
			return nil, err
		}
	}
	where, params := listFilter(q)
	match := "MATCH (n:" + label + ") " + where
	key := sortKeyCypher(q.OrderBy)
	dir, cmp := "ASC", ">"
	if q.Descending {
		dir, cmp = "DESC", "<"
	}
	var cursor *graph.Cursor
	after := ""
	if q.After != "" {
		c, err := graph.DecodeCursor(q.After)
		if err != nil {
			return nil, err
		}
		cursor = &c
		// graph.CursorAfter.
		after = fmt.Sprintf("WHERE k %[1]s $afterKey OR (k = $afterKey AND n.id %[1]s $afterID) ", cmp)
		params["afterKey"], params["afterID"] = c.Key, c.ID
	}
	params["limit"] = q.First + 1
	page := "COLLECT { " + match + " WITH n, " + key + " AS k " + after +
		fmt.Sprintf("WITH n, k ORDER BY k %[1]s, n.id %[1]s LIMIT $limit RETURN {props: properties(n), key: k} } AS page", dir)
	if p, ok := yearIndexPage(q, cursor, dir, cmp, params); ok {
		page = p
	}
	total := "RETURN COUNT { " + match + " } AS total"
	if t, ok := summaryTotal(q); ok {
		total = t
	}
	// One statement: the total and the page are subqueries of one row,
	// so the list costs one round trip and an empty page keeps its total.
	cypher := "CALL () { " + total + " } RETURN total, " + page

	recs, err := s.query(ctx, "ListNodes", cypher, params)
	if err != nil {
		return nil, err
	}
	p, err := decodeNodePage(recs, q.First)
	if err != nil {
		return nil, s.mapErr(ctx, "ListNodes", err)
	}
	return p, nil
}

// decodeNodePage reads ListNodes' one row: the total and up to first+1
// entries {props, key}.
func decodeNodePage(recs []*neo4j.Record, first int) (*graph.NodePage, error) {
	if len(recs) != 1 {
		return nil, fmt.Errorf("ListNodes returned %d rows, want 1", len(recs))
	}
	total, _, err := neo4j.GetRecordValue[int64](recs[0], "total")
	if err != nil {
		return nil, err
	}
	rows, _, err := neo4j.GetRecordValue[[]any](recs[0], "page")
	if err != nil {
		return nil, err
	}
	p := &graph.NodePage{TotalCount: int(total)}
	if len(rows) > first {
		p.HasNext = true
		rows = rows[:first]
	}
	for _, row := range rows {
		m, _ := row.(map[string]any)
		props, _ := m["props"].(map[string]any)
		k, _ := m["key"].(string)
		n, err := decodeNode(props)
		if err != nil {
			return nil, fmt.Errorf("node %v: %w", props["id"], err)
		}
		p.Nodes = append(p.Nodes, n)
		p.Cursors = append(p.Cursors, graph.EncodeCursor(graph.Cursor{Key: k, ID: n.ID}))
	}
	if len(p.Cursors) > 0 {
		p.StartCursor, p.EndCursor = p.Cursors[0], p.Cursors[len(p.Cursors)-1]
	}
	return p, nil
}

// ---- EdgesOf ------------------------------------------------------------

// EdgesOf implements graph.Store.
func (s *Store) EdgesOf(ctx context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	types, err := relTypes(q.Predicates)
	if err != nil {
		return nil, err
	}
	if len(q.NodeIDs) == 0 {
		return nil, nil
	}
	cypher := "UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) MATCH " + edgePattern(q.Direction, types) + " RETURN " + edgeColumns
	recs, err := s.query(ctx, "EdgesOf", cypher, map[string]any{"ids": uniq(q.NodeIDs)})
	if err != nil {
		return nil, err
	}
	es, err := decodeEdges(recs)
	if err != nil {
		return nil, s.mapErr(ctx, "EdgesOf", err)
	}
	return es, nil
}

// ---- Stats and MetaGraph ------------------------------------------------

// cypherStats answers Stats in one statement: totals and per-label and
// per-type counts from the count store, and the Study and CitationConcern
// histograms from the summary Load keeps (see summary.go), or from one
// pass over each label when the summary does not cover them, grouped by
// every key at once (Go folds the groups into the three Study
// histograms). Nine statements, three of them scanning :Study, cost a
// round trip each.
//
// Each per-label and per-type count is a subquery of its own returning
// count() alone: Neo4j then answers it from its count store (kept at
// write time) without touching a node. A UNION of them with the key as a
// second column, as this statement once was, scans every label and type
// instead: at 100k nodes 424,750 db hits, now a few hundred.
var cypherStats = func() string {
	var calls, cats, preds []string
	for i, c := range graph.Categories() {
		calls = append(calls, fmt.Sprintf("CALL () { MATCH (n:%s) RETURN count(n) AS c%d } ", c, i))
		cats = append(cats, fmt.Sprintf("['%s', c%d]", c, i))
	}
	for i, p := range graph.Predicates() {
		calls = append(calls, fmt.Sprintf("CALL () { MATCH ()-[r:%s]->() RETURN count(r) AS p%d } ", p, i))
		preds = append(preds, fmt.Sprintf("['%s', p%d]", p, i))
	}
	return "CALL () { MATCH (n:" + labelEntity + ") RETURN count(n) AS nodes } " +
		"CALL () { MATCH ()-[r]->() RETURN count(r) AS edges } " +
		"CALL () { MATCH (d:" + labelDocument + ") RETURN count(d) AS documents } " +
		strings.Join(calls, "") +
		cypherStatsHistograms +
		"RETURN nodes, edges, documents, [" + strings.Join(cats, ", ") + "] AS byCategory, [" + strings.Join(preds, ", ") + "] AS byPredicate, studies, concerns"
}()
