package neo4j

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// The second statement of a path question (region.search) reads the
// chosen paths' relationships and nodes whole. As property maps, the
// driver made a key string, a value and a box for every property, and a
// map for every row: about 2,900 allocations of d-paths4's 5,600 at 10k.
// Here each row's values come as a claim row's do (rowLayout): the
// scalars packed into one string, which the decoder slices, and the
// floats and lists beside it. The values are read out of properties(x),
// which costs the same db hits as before; a property read by name
// (x.prop) would cost one for every field the entity lacks.

// pathsWhole is the statement and the rows' layouts: every field of the
// relationship codec, and of the node codec, in codec order.
type pathsWhole struct {
	cypher     string
	edge, node *rowLayout
	arc        *rowLayout // the region's arcs (readRegion)
	regions    sync.Map   // regionKey → the region statement's text (regionCypher)
	nregions   atomic.Int32
}

// maxRegions bounds the kept region statements: Paths takes its
// predicates from the caller, and subsets of the allow-list are many.
const maxRegions = 256

// regionKey is what a region statement's text depends on.
type regionKey struct {
	types, arrow, outcome string
	maxHops               int
	toTarget              bool
}

// region is regionCypher's text, built once for each kind of question:
// building it cost about thirty allocations a path question.
func (w *pathsWhole) region(types, arrow string, maxHops int, outcome string, toTarget bool) (string, error) {
	k := regionKey{types, arrow, outcome, maxHops, toTarget}
	if c, ok := w.regions.Load(k); ok {
		return c.(string), nil
	}
	c, err := regionCypher(types, arrow, maxHops, outcome, toTarget)
	if err != nil {
		return "", err
	}
	if w.nregions.Add(1) <= maxRegions {
		w.regions.Store(k, c)
	}
	return c, nil
}

// pathsWhole is the store's statement, built on its first path question.
func (s *Store) pathsWhole() *pathsWhole {
	s.wholeOnce.Do(func() { s.whole = newPathsWhole() })
	return s.whole
}

// newPathsWhole builds the statement once for the process's codecs. It
// returns one record of two lists, not a record a row: the driver spent
// about ten allocations on each record's message (its reader, its
// context, its queue entry) besides its values.
func newPathsWhole() *pathsWhole {
	w := &pathsWhole{edge: wholeLayout(edgeCodec.fields, 4), node: wholeLayout(nodeCodec.fields, 0), arc: newArcLayout()}
	edge := append(propsOf("p", edgeCodec.fields), "eid", "t", "s", "o")
	w.cypher = "CALL () { UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid WITH eid, properties(r) AS p, type(r) AS t, startNode(r).id AS s, endNode(r).id AS o " +
		"RETURN collect(" + w.edge.sentExpr(edge) + ") AS edges } " +
		"CALL () { UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) WITH properties(n) AS p " +
		"RETURN collect(" + w.node.sentExpr(propsOf("p", nodeCodec.fields)) + ") AS nodes } " +
		"RETURN edges, nodes"
	return w
}

// wholeLayout is the layout of a row of every field of fs, then extra
// strings: a rowLayout whose claim is the whole entity.
func wholeLayout(fs []field, extra int) *rowLayout {
	l := &rowLayout{claim: fs, typ: -1, subject: -1, object: -1, pubs: -1, n: len(fs) + extra}
	l.ends[0].node, l.ends[0].pages, l.ends[1].node, l.ends[1].pages = -1, -1, -1, -1
	for _, f := range fs {
		l.kinds = append(l.kinds, packKind(f.kind))
	}
	for range extra {
		l.kinds = append(l.kinds, kindString)
	}
	l.pack()
	return l
}

// propsOf is the expressions reading fs out of the map variable m.
func propsOf(m string, fs []field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = m + "." + f.prop
	}
	return out
}

// wholeRead is what the statement returned: relationships by element id,
// nodes by id.
type wholeRead struct {
	edges map[string]*graph.Edge
	nodes map[string]*graph.Node
}

// decode files the statement's record, taking the edges, the nodes and
// the rows' packed values from one block each.
func (w *pathsWhole) decode(recs []*neo4j.Record) (wholeRead, error) {
	var out wholeRead
	if len(recs) != 1 || len(recs[0].Values) != 2 {
		return out, fmt.Errorf("paths: %d records", len(recs))
	}
	rawEdges, _ := recs[0].Values[0].([]any)
	rawNodes, _ := recs[0].Values[1].([]any)
	out = wholeRead{edges: make(map[string]*graph.Edge, len(rawEdges)), nodes: make(map[string]*graph.Node, len(rawNodes))}
	d := &planDecoder{packs: make([]packed, 0, len(rawEdges)*w.edge.npack+len(rawNodes)*w.node.npack)}
	edges := make([]graph.Edge, len(rawEdges))
	nodes := make([]graph.Node, len(rawNodes))
	for i, raw := range rawNodes {
		row, err := d.rowVals(w.node, raw)
		if err != nil {
			return out, fmt.Errorf("paths: node: %w", err)
		}
		n := &nodes[i]
		if err := d.fields(row, 0, nodeCodec.fields, n); err != nil {
			return out, fmt.Errorf("node %v: %w", n.ID, err)
		}
		out.nodes[n.ID] = n
	}
	nf := len(edgeCodec.fields)
	for i, raw := range rawEdges {
		row, err := d.rowVals(w.edge, raw)
		if err != nil {
			return out, fmt.Errorf("paths: relationship: %w", err)
		}
		e := &edges[i]
		if err := d.fields(row, 0, edgeCodec.fields, e); err != nil {
			return out, fmt.Errorf("edge %v: %w", e.ID, err)
		}
		e.Predicate = graph.Predicate(row.str(nf + 1))
		e.Subject, e.Object = row.str(nf+2), row.str(nf+3)
		if e.Predicate != "" {
			deriveSlim(e, row.stored(0, edgeCodec.fields))
		}
		out.edges[row.str(nf)] = e
	}
	return out, nil
}

// The positions of a region's arc (regionCypher): the scalars packed into
// one string, the score beside it. As a list of 13 values the driver made
// two allocations of each of its 7 strings.
const (
	arcU = iota
	arcV
	arcEID
	arcID
	arcType
	arcForward
	arcScore
	arcDisorder
	arcOutcome
	arcOrigin
	arcSign
	arcNegated
	arcModality
	arcWidth
)

// arcValues are the variables regionCypher binds each position to.
var arcValues = [arcWidth]string{"uid", "vid", "eid", "rid", "typ", "fwd", "score", "dis", "out", "origin", "sign", "neg", "modality"}

// newArcLayout is the layout of a region's arc rows.
func newArcLayout() *rowLayout {
	l := &rowLayout{typ: -1, subject: -1, object: -1, pubs: -1, n: arcWidth}
	l.ends[0].node, l.ends[0].pages, l.ends[1].node, l.ends[1].pages = -1, -1, -1, -1
	l.kinds = make([]fieldKind, arcWidth)
	for i := range l.kinds {
		l.kinds[i] = kindString
	}
	l.kinds[arcForward], l.kinds[arcOutcome], l.kinds[arcNegated] = kindBool, kindBool, kindBool
	l.kinds[arcScore] = kindRaw
	l.pack()
	return l
}
