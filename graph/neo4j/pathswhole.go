package neo4j

import (
	"fmt"

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
}

// pathsWhole is the store's statement, built on its first path question.
func (s *Store) pathsWhole() *pathsWhole {
	s.wholeOnce.Do(func() { s.whole = newPathsWhole() })
	return s.whole
}

// newPathsWhole builds the statement once for the process's codecs.
func newPathsWhole() *pathsWhole {
	w := &pathsWhole{edge: wholeLayout(edgeCodec.fields), node: wholeLayout(nodeCodec.fields)}
	w.cypher = "UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid WITH eid, r, properties(r) AS p " +
		"RETURN eid, " + w.edge.sentExpr(propsOf("p", edgeCodec.fields)) + " AS vals, type(r) AS type, startNode(r).id AS subject, endNode(r).id AS object" +
		" UNION ALL UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) WITH properties(n) AS p " +
		"RETURN null AS eid, " + w.node.sentExpr(propsOf("p", nodeCodec.fields)) + " AS vals, null AS type, null AS subject, null AS object"
	return w
}

// wholeLayout is the layout of a row of every field of fs and nothing
// else: a rowLayout whose claim is the whole entity.
func wholeLayout(fs []field) *rowLayout {
	l := &rowLayout{claim: fs, typ: -1, subject: -1, object: -1, pubs: -1, n: len(fs)}
	l.ends[0].node, l.ends[0].pages, l.ends[1].node, l.ends[1].pages = -1, -1, -1, -1
	for _, f := range fs {
		l.kinds = append(l.kinds, packKind(f.kind))
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

// decode files the statement's records, taking the edges, the nodes and
// the rows' packed values from one block each.
func (w *pathsWhole) decode(recs []*neo4j.Record, neids, nids int) (wholeRead, error) {
	out := wholeRead{edges: make(map[string]*graph.Edge, neids), nodes: make(map[string]*graph.Node, nids)}
	d := &planDecoder{packs: make([]packed, 0, neids*w.edge.npack+nids*w.node.npack)}
	edges := make([]graph.Edge, 0, neids)
	nodes := make([]graph.Node, 0, nids)
	for _, rec := range recs {
		if len(rec.Values) != 5 {
			return out, fmt.Errorf("paths: a row of %d values", len(rec.Values))
		}
		eid, isEdge := rec.Values[0].(string)
		if !isEdge {
			row, err := d.rowVals(w.node, rec.Values[1])
			if err != nil {
				return out, fmt.Errorf("paths: node: %w", err)
			}
			nodes = append(nodes, graph.Node{})
			n := &nodes[len(nodes)-1]
			if err := d.fields(row, 0, nodeCodec.fields, n); err != nil {
				return out, fmt.Errorf("node %v: %w", n.ID, err)
			}
			out.nodes[n.ID] = n
			continue
		}
		row, err := d.rowVals(w.edge, rec.Values[1])
		if err != nil {
			return out, fmt.Errorf("paths: relationship: %w", err)
		}
		edges = append(edges, graph.Edge{})
		e := &edges[len(edges)-1]
		if err := d.fields(row, 0, edgeCodec.fields, e); err != nil {
			return out, fmt.Errorf("edge %v: %w", e.ID, err)
		}
		e.Predicate = graph.Predicate(str(rec.Values[2]))
		e.Subject, e.Object = str(rec.Values[3]), str(rec.Values[4])
		if e.Predicate != "" {
			deriveSlim(e, row.stored(0, edgeCodec.fields))
		}
		out.edges[eid] = e
	}
	return out, nil
}
