package memory

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/kapgraph/kapgraph/graph"
)

// state is one immutable snapshot of the whole graph. A load derives the
// next state from the current one (apply), sharing everything the loaded
// document does not touch, and publishes it with one atomic store.
type state struct {
	docs     pmap[*storedDoc]
	vertices pmap[*vertex]
	// The edge index (edgeindex.go): the lengths of the documents' ids,
	// which a lookup tries as prefixes of an edge id, and the versions of
	// the ids that do not begin with their document's id. edgeCount is
	// the number of edge ids.
	docLens   []docLen
	foreign   pmap[[]*edgeRec]
	edgeCount int
	tokens    postings
	// nums maps the numbers of the nodes in force to their records, which
	// the postings name by number (nodenums.go); nextNum is the number
	// the next record gets.
	nums    numVec
	nextNum uint32
	// entityToks are the search tokens of each shared entity: every
	// review that names one brings its own copy, and a load keeps these
	// rather than tokenize the same names again (tokenizing was the
	// largest cost of a load). Owned nodes, named once, keep none.
	entityToks pmap[[]string]
	counts     *counts
	nodeCount  int
	stats      *graph.Stats
	meta       []*graph.MetaEdge

	sortedMu sync.Mutex
	sorted   map[sortKey]*sortedList

	// version counts the loads that made this state (FanOut.Version);
	// fanOut is computed from the state the first time it is asked for.
	version uint64
	fanOnce sync.Once
	fanOut  *graph.FanOut
	quotes  *lazyQuotes // the claim quote index, built on first use (quotes.go)
}

// counts are the histograms behind Stats and MetaGraph, kept up to date
// by each load so that summarising does not walk the whole graph.
type counts struct {
	cats, preds, designs, levels, years, concerns map[string]int
	meta                                          map[metaTriple]int
}

type metaTriple struct {
	s graph.Category
	p graph.Predicate
	o graph.Category
}

func (c *counts) clone() *counts {
	return &counts{
		cats: maps.Clone(c.cats), preds: maps.Clone(c.preds), designs: maps.Clone(c.designs),
		levels: maps.Clone(c.levels), years: maps.Clone(c.years), concerns: maps.Clone(c.concerns),
		meta: maps.Clone(c.meta),
	}
}

// bump adds d to m[k], deleting the key at zero so that a histogram lists
// only what is present, as a fresh count would.
func bump[K comparable](m map[K]int, k K, d int) {
	if m[k] += d; m[k] == 0 {
		delete(m, k)
	}
}

func (c *counts) node(n *nodeRec, d int) {
	if n == nil {
		return
	}
	cat := n.category()
	bump(c.cats, string(cat), d)
	switch cat {
	case graph.CategoryStudy:
		bump(c.designs, n.str(fDesign), d)
		bump(c.levels, graph.EvidenceLevelKey(n.intAt(fEvidence)), d)
		if y := n.intAt(fYear); y > 0 {
			bump(c.years, graph.YearKey(y), d)
		}
	case graph.CategoryCitationConcern:
		bump(c.concerns, n.str(fConcernKind), d)
	}
}

func emptyState(hash func(string) uint64) *state {
	st := &state{
		docs:       newPmap[*storedDoc](hash),
		vertices:   newPmap[*vertex](hash),
		foreign:    newPmap[[]*edgeRec](hash),
		entityToks: newPmap[[]string](hash),
		counts: &counts{cats: map[string]int{}, preds: map[string]int{}, designs: map[string]int{},
			levels: map[string]int{}, years: map[string]int{}, concerns: map[string]int{}, meta: map[metaTriple]int{}},
		sorted: map[sortKey]*sortedList{},
		quotes: &lazyQuotes{},
	}
	st.summarise()
	return st
}

func (st *state) vertex(id string) *vertex {
	v, _ := st.vertices.get(id)
	return v
}

// node is the node with the id, or nil.
func (st *state) node(id string) *nodeRec {
	if v := st.vertex(id); v != nil {
		return v.node
	}
	return nil
}

// nodeOut is the node with the id as a graph.Node, built for the caller,
// or nil.
func (st *state) nodeOut(id string) *graph.Node { return st.node(id).node() }

func (st *state) outOf(id string) adj {
	if v := st.vertex(id); v != nil {
		return v.out()
	}
	return adj{}
}

func (st *state) inOf(id string) adj {
	if v := st.vertex(id); v != nil {
		return v.in()
	}
	return adj{}
}

// categoryNodes yields the nodes of one category, in no fixed order. It
// walks every node: an index per category cost a map entry per node, and
// its one reader, ListNodes, keeps what it finds (sortedNodes) for the
// life of the state.
func (st *state) categoryNodes(c graph.Category) func(func(*nodeRec) bool) {
	ci := uint8(categoryIndex(c))
	return func(yield func(*nodeRec) bool) {
		for n := range st.allNodes {
			if n.cat == ci && !yield(n) {
				return
			}
		}
	}
}

// allNodes yields every node, in no fixed order.
func (st *state) allNodes(yield func(*nodeRec) bool) {
	st.vertices.all(func(_ string, v *vertex) bool { return v.node == nil || yield(v.node) })
}

// apply derives the state in which document id is next (nil: removed)
// instead of whatever version old has. It touches only the ids the old
// and new versions name, and the posting lists of their tokens, so a load
// costs about the size of the document, not of the graph.
func (old *state) apply(id string, next *storedDoc) *state {
	tx := &txn{}
	prev, _ := old.docs.get(id)
	st := &state{
		docs: old.docs, vertices: old.vertices, docLens: old.docLens, foreign: old.foreign, edgeCount: old.edgeCount,
		tokens: old.tokens, nums: old.nums, nextNum: old.nextNum, entityToks: old.entityToks,
		counts: old.counts.clone(), nodeCount: old.nodeCount,
		sorted: map[sortKey]*sortedList{}, version: old.version + 1,
		quotes: &lazyQuotes{},
	}
	if next != nil {
		st.nextNum = max(st.nextNum, next.nextNum)
		st.docs = st.docs.set(tx, id, next)
	} else {
		st.docs = st.docs.del(tx, id)
	}
	var prevNodes, nextNodes []*nodeRec
	var prevEdges, nextEdges []edgeRec
	if prev != nil {
		prevNodes, prevEdges = prev.nodes, prev.edges
	}
	if next != nil {
		nextNodes, nextEdges = next.nodes, next.edges
	}

	// The ids whose vertex changes, with the document's new version of the
	// node (nil when it no longer names it) and its edges there.
	type change struct {
		node     *nodeRec
		named    bool // the old version named the node
		out, in  []*edgeRec
		adjacent bool // edges of the document start or end here
	}
	changes := map[string]*change{}
	ch := func(id string) *change {
		c := changes[id]
		if c == nil {
			c = &change{}
			changes[id] = c
		}
		return c
	}
	for _, n := range prevNodes {
		ch(n.id).named = true
	}
	for _, n := range nextNodes {
		ch(n.id).node = n
	}
	for i := range prevEdges {
		ch(prevEdges[i].subject()).adjacent = true
		ch(prevEdges[i].object()).adjacent = true
	}
	for i := range nextEdges {
		e := &nextEdges[i]
		s, o := ch(e.subject()), ch(e.object())
		s.adjacent, o.adjacent = true, true
		s.out = append(s.out, e)
		o.in = append(o.in, e)
	}

	// Edges whose meta-graph triple may change: those of the document and
	// those touching a node that appears, disappears or changes category.
	// Their contributions are taken out under the old state and put back
	// under the new one.
	metaIDs := map[string]bool{}
	for i := range prevEdges {
		metaIDs[prevEdges[i].id()] = true
	}
	for i := range nextEdges {
		metaIDs[nextEdges[i].id()] = true
	}

	newVertex := map[string]*vertex{}
	pend := tokenChanges{}
	for nid, c := range changes {
		ov := old.vertex(nid)
		nv := &vertex{}
		if ov != nil {
			*nv = *ov
		}
		if c.named || c.node != nil {
			// Made at its exact length: an insert into a clone grew the
			// array by half again, and a shared entity's list lives
			// until the next document naming it.
			was := nv.names()
			named := make([]docNode, 0, len(was)+1)
			for _, dn := range was {
				if dn.doc != id {
					named = append(named, dn)
				}
			}
			if c.node != nil {
				i, _ := slices.BinarySearchFunc(named, id, func(dn docNode, d string) int { return strings.Compare(dn.doc, d) })
				named = slices.Insert(named, i, docNode{id, c.node})
			}
			if len(named) < cap(named) {
				named = slices.Clone(named)
			}
			nv.setNames(named)
		}
		if c.adjacent {
			nv.setEdges(splice(nv.out().asParts(), id, c.out), splice(nv.in().asParts(), id, c.in))
		}
		var was *nodeRec
		if ov != nil {
			was = ov.node
		}
		if was != nv.node {
			st.counts.node(was, -1)
			st.counts.node(nv.node, +1)
			st.reindex(tx, pend, ov, nv)
			if was == nil || nv.node == nil || was.cat != nv.node.cat {
				if ov != nil {
					for e := range ov.out().all {
						metaIDs[e.id()] = true
					}
					for e := range ov.in().all {
						metaIDs[e.id()] = true
					}
				}
			}
		}
		newVertex[nid] = nv
	}

	pend.apply(tx, &st.tokens)
	for eid := range metaIDs {
		old.countEdge(st.counts, eid, -1)
	}
	for nid, nv := range newVertex {
		if nv.empty() {
			st.vertices = st.vertices.del(tx, nid)
		} else {
			st.vertices = st.vertices.set(tx, nid, nv)
		}
	}
	st.reindexEdges(tx, old, id, prev, next)
	for eid := range metaIDs {
		st.countEdge(st.counts, eid, +1)
	}
	st.summarise()
	return st
}

// splice returns the edges of l from other documents than doc, with add,
// doc's edges in document order, where doc's id sorts among them. Only
// the parts that hold doc's old edges or the place of its new ones are
// rebuilt; the others are shared with l.
func splice(l edgeList, doc string, add []*edgeRec) edgeList {
	// Parts [a, b) hold doc's edges or, when a == b, the new ones go
	// between parts a-1 and a.
	a := sort.Search(len(l), func(i int) bool { p := l[i]; return p[len(p)-1].document() >= doc })
	b := a + sort.Search(len(l)-a, func(i int) bool { return l[a+i][0].document() > doc })
	if a == b {
		if len(add) == 0 {
			return l
		}
		if a > 0 && len(l[a-1]) < partSize {
			a-- // grow a small part rather than add another
		}
	}
	var flat []*edgeRec
	for _, p := range l[a:b] {
		for _, e := range p {
			if e.document() < doc {
				flat = append(flat, e)
			}
		}
	}
	flat = append(flat, add...)
	for _, p := range l[a:b] {
		for _, e := range p {
			if e.document() > doc {
				flat = append(flat, e)
			}
		}
	}
	out := make(edgeList, 0, len(l)-(b-a)+len(flat)/partSize+1)
	out = append(out, l[:a]...)
	for len(flat) > 2*partSize {
		out = append(out, slices.Clip(flat[:partSize]))
		flat = flat[partSize:]
	}
	if len(flat) > 0 {
		out = append(out, flat)
	}
	out = append(out, l[b:]...)
	if len(out) == 0 {
		return nil
	}
	return out
}

// reindex replaces the node of ov by that of nv (either may be nil) in the
// node count and the search postings, noting the change to these in pend.
func (st *state) reindex(tx *txn, pend tokenChanges, ov, nv *vertex) {
	var was, now *nodeRec
	if ov != nil {
		was = ov.node
	}
	now = nv.node
	if now != nil {
		st.nodeCount++
	}
	if was != nil {
		st.nodeCount--
	}
	var wasNode, nowNode *graph.Node
	var wasToks, nowToks []string
	if was != nil {
		wasToks, _ = st.entityToks.get(was.id)
		if was.doc() != "" {
			wasNode = was.node()
			wasToks = nodeTokens(wasNode)
		}
	}
	if was != nil && was.doc() == "" && (now == nil || now.doc() != "") {
		st.entityToks = st.entityToks.del(tx, was.id)
	}
	if now != nil {
		nowNode = now.node()
		if was != nil && wasNode == nil {
			wasNode = was.node()
		}
		if was != nil && graph.SameSearchFields(wasNode, nowNode) {
			nowToks = wasToks
		} else {
			nowToks = nodeTokens(nowNode)
		}
		if now.doc() == "" {
			st.entityToks = st.entityToks.set(tx, now.id, nowToks)
		}
	}
	for _, t := range wasToks {
		d := pend.of(t)
		d.dels = append(d.dels, was.num)
	}
	for _, t := range nowToks {
		d := pend.of(t)
		d.puts = append(d.puts, now.num)
	}
	if was != nil {
		st.nums = st.nums.set(tx, was.num, nil)
	}
	if now != nil {
		st.nums = st.nums.set(tx, now.num, now)
	}
}

// countEdge adds d times the contribution of edge id, as st resolves it,
// to the predicate and meta-graph counts.
func (st *state) countEdge(c *counts, id string, d int) {
	e := st.edge(id)
	if e == nil {
		return
	}
	bump(c.preds, string(e.predicate()), d)
	s, o := st.node(e.subject()), st.node(e.object())
	if s != nil && o != nil {
		bump(c.meta, metaTriple{s.category(), e.predicate(), o.category()}, d)
	}
}

// summarise turns the counts into what Stats and MetaGraph return.
func (st *state) summarise() {
	c := st.counts
	var m []*graph.MetaEdge
	for t, n := range c.meta {
		m = append(m, &graph.MetaEdge{Subject: t.s, Predicate: t.p, Object: t.o, Count: n})
	}
	graph.SortMeta(m)
	st.meta = m
	st.stats = &graph.Stats{
		Nodes: st.nodeCount, Edges: st.edgeCount, Documents: st.docs.len(),
		ByCategory: graph.Counts(c.cats), ByPredicate: graph.Counts(c.preds),
		ByDesign: graph.Counts(c.designs), ByEvidenceLevel: graph.Counts(c.levels),
		ByYear: graph.Counts(c.years), ByConcernKind: graph.Counts(c.concerns),
	}
}
