package memory

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/kapgraph/kapgraph/graph"
)

// storedDoc is a document as the store keeps it. Its nodes are kept as
// nodeRecs (noderec.go), and a shared entity equal to the version the
// store already has is that version: every review carries its own copy of
// each entity it names, and those copies were more than a third of all
// nodes stored. Its edges are kept as edgeRecs. Most edges of a review are
// lexical (HAS_PASSAGE, CITES, MENTIONS, ...): ids, a score and a handful
// of values every edge of the same kind repeats, where a graph.Edge spends
// about 400 bytes on fields such an edge leaves empty. Those edges were
// most of the store.
type storedDoc struct {
	id    string
	nodes []*nodeRec // in the document's order
	edges []edgeRec
	// byID indexes the edges whose id begins with the document's id, by
	// id (edgeindex.go).
	byID []int32
	// nextNum is the number after those of the records made for it.
	nextNum uint32
}

// edgeShape holds what the plain edges of one kind in one document have
// in common, once per document rather than once per edge: a lexical
// edge's score depends on its kind only, so it is here too. A claim
// shares the shape of its kind, without the score (its own is in its
// claimRec): a shape of its own, as before, cost 150 bytes a claim.
type edgeShape struct {
	predicate                          graph.Predicate
	biolink, knowledgeLevel, agentType string
	document                           string
	score                              float64
	// claims are the document's edges that are not plain, which its
	// edgeRecs name by index (fullEdge). built is claims.built, kept here
	// too: a path search reads the built claim of every arc it walks, and
	// reaching the slots through claims cost one more cache miss an arc
	// (BenchmarkPathsAfterLoad/1m: builtClaim was 8% of the search's CPU).
	claims *docClaims
	built  []atomic.Pointer[graph.Edge]
	// ends are the node ids the document's edges start and end at, which
	// its edgeRecs name by index: most ids are the ends of several edges.
	ends []string
	// ids holds the ids of the document's plain edges end to end, each
	// without the document's id (docID) when it begins with it: a string
	// per edge id, which repeats the document's id, cost as much as the
	// rest of the edge (edgeRec.id).
	ids, docID string
	// structural says that the shape's edges are plain edges whose ids
	// have graph.StructuralEdgeID's shape for their document: each keeps
	// its id's 16 hex digits as a number in idOff and idLen instead of 19
	// bytes in ids (structuralID).
	structural bool
}

// shapeKey tells shapes apart. The score is compared by its bits: as a
// float, -0 would share a shape with 0 and come back as 0.
type shapeKey struct {
	predicate                                    graph.Predicate
	biolink, knowledgeLevel, agentType, document string
	score                                        uint64
	structural                                   bool
}

// edgeRec is one stored edge. A plain edge (see plainEdge) is only its
// ids and shape; any other edge also has a claimRec (claimrec.go). Both
// are rebuilt as a graph.Edge when a reader asks for one. Both kinds fill
// every field here so that indexing and filtering never need the rest.
type edgeRec struct {
	shape *edgeShape
	s, o  int32 // subject and object, in shape.ends
	// The id of a plain edge is shape.ids[idOff:idOff+idLen&^ownID],
	// after shape.docID when idLen has ownID set. For a claim, idLen is
	// fullEdge and idOff its index in shape.claims.recs, which has its
	// id's place. In a structural shape, idOff and idLen are the high and
	// low halves of the number the id's hex digits write (structuralID).
	idOff, idLen uint32
}

const (
	ownID    = 1 << 31 // an edge id kept without its document's id
	fullEdge = 1<<31 - 1
)

// isClaim says whether r has a claimRec.
func (r *edgeRec) isClaim() bool { return r.idLen == fullEdge && !r.shape.structural }

// claim is r's claimRec, nil for a plain edge.
func (r *edgeRec) claim() *claimRec {
	if r.isClaim() {
		return &r.shape.claims.recs[r.idOff]
	}
	return nil
}

func (r *edgeRec) subject() string            { return r.shape.ends[r.s] }
func (r *edgeRec) object() string             { return r.shape.ends[r.o] }
func (r *edgeRec) predicate() graph.Predicate { return r.shape.predicate }
func (r *edgeRec) document() string           { return r.shape.document }

// edge is the graph.Edge r stands for, new at every call; reads go
// through an edgeView, which allocates them in batches and, for the
// searches that tell edges apart by pointer, gives one per edge.
func (r *edgeRec) edge() *graph.Edge { return r.build(new(graph.Edge), r.id()) }

// build fills e with the edge r stands for, whose id, r's, the caller
// gives: a reader that has it (from a lookup by id) saves making it again.
func (r *edgeRec) build(e *graph.Edge, id string) *graph.Edge { return r.buildIn(e, id, nil) }

// buildIn is build with a claim's evidence in *buf when buf is not nil:
// for a scratch edge that is read and dropped, as a scan of every claim
// does, so that it decodes their evidence without an allocation each.
func (r *edgeRec) buildIn(e *graph.Edge, id string, buf *[]graph.Evidence) *graph.Edge {
	sh := r.shape
	*e = graph.Edge{
		ID: id, Subject: r.subject(), Predicate: sh.predicate, Object: r.object(),
		Biolink: sh.biolink, KnowledgeLevel: sh.knowledgeLevel, AgentType: sh.agentType,
		Document: sh.document, Score: sh.score,
	}
	if c := r.claim(); c != nil {
		sh.claims.fill(e, c, buf)
	}
	return e
}

// builtClaim is the graph.Edge of claim r, built on its first read and
// kept (docClaims.built): one pointer per claim for every reader.
func (r *edgeRec) builtClaim() *graph.Edge {
	slot := &r.shape.built[r.idOff]
	if e := slot.Load(); e != nil {
		return e
	}
	e := r.edge()
	if slot.CompareAndSwap(nil, e) {
		return e
	}
	return slot.Load()
}

// plainEdge says whether e is all edgeRec.edge gives back for a plain
// edge, so that storing it as one loses nothing. TestPlainEdgeSeesEveryField
// keeps this in step with graph.Edge's fields.
func plainEdge(e *graph.Edge) bool {
	q := &e.Qualifiers
	return e.Sign == "" && !e.Negated && e.Modality == "" && !e.Hedged && e.Curation == "" && e.Origin == "" && e.Note == "" && e.Evidence == nil && e.Concerns == nil && e.InferredFrom == nil &&
		q.Mechanism == "" && q.Aspect == "" && q.CombinedWith == nil && q.TimePoint == "" && q.EffectSize == "" &&
		q.Comparator == "" && q.Disorder == "" && q.Population == "" && q.Location == ""
}

// storeDoc makes the stored form of doc, to be loaded into old. Its nodes
// and claims are copies, so that later changes by the caller cannot reach
// the snapshot; short strings are copied into strs (strarena.go).
func storeDoc(doc *graph.Document, old *state, strs *strArena) *storedDoc {
	in := newInterner(strs)
	sd := &storedDoc{id: in.of(doc.ID), nodes: make([]*nodeRec, len(doc.Nodes)), edges: make([]edgeRec, len(doc.Edges)), nextNum: old.nextNum}
	nOwn := 0
	for i := range doc.Nodes {
		if doc.Nodes[i].Document != "" {
			nOwn++
		}
	}
	// The owned nodes' values go in one nodeCols per owning document
	// (the document itself, in practice).
	var colsMade []*colsBuilder
	ownCols := func(doc string) *colsBuilder {
		for _, b := range colsMade {
			if b.c.doc == doc {
				return b
			}
		}
		b := newColsBuilder(doc)
		colsMade = append(colsMade, b)
		return b
	}
	// Owned nodes go in one array, which lives and dies with the
	// document. A shared entity is allocated on its own, so that another
	// document reusing it keeps only it alive, not this document's array.
	own := make([]nodeRec, nOwn)
	cols := newColsBuilder("")
	for i := range doc.Nodes {
		n := &doc.Nodes[i]
		in.of(n.ID)
		if n.Document != "" {
			r := &own[0]
			own = own[1:]
			if cols.c.doc != n.Document {
				cols = ownCols(in.of(n.Document))
			}
			makeNodeRecIn(r, n, in, cols)
			r.num, sd.nextNum = sd.nextNum, sd.nextNum+1
			sd.nodes[i] = r
			continue
		}
		if same := old.sameShared(doc.ID, n); same != nil {
			sd.nodes[i] = same
			continue
		}
		r := new(nodeRec)
		makeNodeRec(r, n, in)
		r.num, sd.nextNum = sd.nextNum, sd.nextNum+1
		sd.nodes[i] = r
	}
	for _, b := range colsMade {
		b.finish(in)
	}
	var ends []string
	endIdx := map[string]int32{}
	end := func(id string) int32 {
		i, ok := endIdx[id]
		if !ok {
			i = int32(len(ends))
			ends = append(ends, in.of(id))
			endIdx[id] = i
		}
		return i
	}
	shapes := map[shapeKey]*edgeShape{}
	nFull := 0
	for i := range doc.Edges {
		if !plainEdge(&doc.Edges[i]) {
			nFull++
		}
	}
	claims := newClaimPacker(nFull, in)
	ids := packEdgeIDs(doc, sd.edges)
	for i := range doc.Edges {
		e := &doc.Edges[i]
		r := &sd.edges[i]
		r.s, r.o = end(e.Subject), end(e.Object)
		sh := edgeShape{predicate: graph.Predicate(in.of(string(e.Predicate))), biolink: in.of(e.Biolink), knowledgeLevel: in.of(e.KnowledgeLevel),
			agentType: in.of(e.AgentType), document: in.of(e.Document), score: e.Score, ids: ids, docID: sd.id}
		if !plainEdge(e) {
			r.idOff, r.idLen = claims.add(e, r.idOff, r.idLen), fullEdge
			sh.score = 0
		} else if v, ok := structuralID(doc.ID, e.ID); ok {
			r.idOff, r.idLen = uint32(v>>32), uint32(v)
			sh.structural = true
		}
		k := shapeKey{sh.predicate, sh.biolink, sh.knowledgeLevel, sh.agentType, sh.document, math.Float64bits(sh.score), sh.structural}
		if r.shape = shapes[k]; r.shape == nil {
			r.shape = &sh
			shapes[k] = r.shape
		}
	}
	ends = slices.Clone(ends) // without the room append left: it lives as long as the document
	dc := claims.finish()
	for _, sh := range shapes {
		sh.ends, sh.claims, sh.built = ends, dc, dc.built
	}
	sd.indexOwnEdges()
	return sd
}

// packEdgeIDs sets the id of each edge of doc in recs (idOff, idLen)
// and returns the string they index. A plain edge with a structural id
// (structuralID) is left out: its record keeps its id as a number.
func packEdgeIDs(doc *graph.Document, recs []edgeRec) string {
	keep := func(e *graph.Edge) bool {
		if !plainEdge(e) {
			return true
		}
		_, ok := structuralID(doc.ID, e.ID)
		return !ok
	}
	size := 0
	for i := range doc.Edges {
		e := &doc.Edges[i]
		if !keep(e) {
			continue
		}
		size += len(e.ID)
		if ownEdge(doc.ID, e.ID) {
			size -= len(doc.ID)
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i := range doc.Edges {
		e := &doc.Edges[i]
		if !keep(e) {
			continue
		}
		rest, own := e.ID, uint32(0)
		if ownEdge(doc.ID, e.ID) {
			rest, own = e.ID[len(doc.ID):], ownID
		}
		recs[i].idOff, recs[i].idLen = uint32(b.Len()), uint32(len(rest))|own
		b.WriteString(rest)
	}
	return b.String()
}

// sameShared is the version of shared entity n that st already holds and
// that equals it, if any: the one in force or the one document doc gave
// before. Those are the versions a reload or the next review repeats; the
// others are not worth comparing with.
func (st *state) sameShared(doc string, n *graph.Node) *nodeRec {
	v := st.vertex(n.ID)
	if v == nil {
		return nil
	}
	if v.node != nil && v.node.doc() == "" && reflect.DeepEqual(v.node.node(), n) {
		return v.node
	}
	named := v.names()
	i, found := slices.BinarySearchFunc(named, doc, func(dn docNode, d string) int { return strings.Compare(dn.doc, d) })
	if found && named[i].n != v.node && named[i].n.doc() == "" && reflect.DeepEqual(named[i].n.node(), n) {
		return named[i].n
	}
	return nil
}

// edgeView hands out the graph.Edges of one question. It rebuilds edges
// in slabs rather than one allocation each: a hub's edges are
// thousands, and one allocation per edge made listing them several times
// slower than when they were stored whole. With seen set (newEdgeView) it
// gives one pointer per stored edge, which the path searches need: they
// tell edges apart by pointer.
type edgeView struct {
	seen map[*edgeRec]*graph.Edge
	slab []graph.Edge
}

func newEdgeView() *edgeView { return &edgeView{seen: map[*edgeRec]*graph.Edge{}} }

func (v *edgeView) of(r *edgeRec) *graph.Edge { return v.withID(r, "") }

// withID is of for an edge whose id, when not "", the caller has.
func (v *edgeView) withID(r *edgeRec, id string) *graph.Edge {
	if r.isClaim() {
		return r.builtClaim()
	}
	if e := v.seen[r]; e != nil {
		return e
	}
	if len(v.slab) == cap(v.slab) {
		v.slab = make([]graph.Edge, 0, min(max(8, 2*cap(v.slab)), 256))
	}
	v.slab = v.slab[:len(v.slab)+1]
	if id == "" {
		id = r.id()
	}
	e := r.build(&v.slab[len(v.slab)-1], id)
	if v.seen != nil {
		v.seen[r] = e
	}
	return e
}
