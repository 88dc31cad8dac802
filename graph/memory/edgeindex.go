package memory

import (
	"slices"
	"strings"
)

// The edge index finds an edge by id without an entry per edge. Edge ids
// begin with their document's id (the loader names a structural edge
// "<document>.e.<hash>"), so a document keeps its own edges sorted by id
// (storedDoc.byID, 4 bytes an edge), and a lookup tries the prefixes of
// the id that have the length of some document's id. A map entry per edge
// cost about as much as the edge itself: at 1M nodes the map of 3.2M edge
// ids was an eighth of the store. Edges whose id does not begin with their
// document's id are kept in a map (foreign), by id, with every version.

// docLen is how many documents have ids of one length.
type docLen struct{ len, docs int }

// withDocLen is lens with d more documents of length l.
func withDocLen(lens []docLen, l, d int) []docLen {
	out := slices.Clone(lens)
	i := slices.IndexFunc(out, func(x docLen) bool { return x.len == l })
	if i < 0 {
		return append(out, docLen{l, d})
	}
	if out[i].docs += d; out[i].docs == 0 {
		out = slices.Delete(out, i, i+1)
	}
	return out
}

// ownEdge says whether e is found through its document's id.
func ownEdge(doc, id string) bool { return strings.HasPrefix(id, doc) }

// own says whether r, an edge of document doc, is found through doc's id.
func (r *edgeRec) own(doc string) bool {
	return r.ownIDKept() || ownEdge(doc, r.id())
}

// indexOwnEdges sets sd.byID from sd.edges.
func (sd *storedDoc) indexOwnEdges() {
	n := 0
	for i := range sd.edges {
		if sd.edges[i].own(sd.id) {
			n++
		}
	}
	idx := make([]int32, 0, n) // exactly: it lives as long as the document
	for i := range sd.edges {
		if sd.edges[i].own(sd.id) {
			idx = append(idx, int32(i))
		}
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmpEdgeIDs(&sd.edges[a], &sd.edges[b]) })
	sd.byID = idx
}

// edgeByID is sd's edge with the id among those found through sd's id, or nil.
func (sd *storedDoc) edgeByID(id string) *edgeRec {
	i, found := slices.BinarySearchFunc(sd.byID, id, func(k int32, id string) int { return sd.edges[k].cmpID(id) })
	if !found {
		return nil
	}
	return &sd.edges[sd.byID[i]]
}

// versions yields every document's version of edge id, in no fixed order.
func (st *state) versions(id string, yield func(*edgeRec)) {
	for _, l := range st.docLens {
		if l.len > len(id) {
			continue
		}
		if sd, ok := st.docs.get(id[:l.len]); ok {
			if r := sd.edgeByID(id); r != nil {
				yield(r)
			}
		}
	}
	if es, ok := st.foreign.get(id); ok {
		for _, r := range es {
			yield(r)
		}
	}
}

// edge is the edge with the id: the version of the greatest document
// that has one, or nil.
func (st *state) edge(id string) *edgeRec {
	var best *edgeRec
	st.versions(id, func(r *edgeRec) {
		if best == nil || r.document() > best.document() {
			best = r
		}
	})
	return best
}

// edgeVersions is every version of edge id, by document.
func (st *state) edgeVersions(id string) []*edgeRec {
	var es []*edgeRec
	st.versions(id, func(r *edgeRec) { es = append(es, r) })
	slices.SortFunc(es, func(a, b *edgeRec) int { return strings.Compare(a.document(), b.document()) })
	return es
}

// inForce says whether r is the version of its id that st gives.
func (st *state) inForce(r *edgeRec) bool { return st.edge(r.id()) == r }

// allEdges yields the edge in force of every id once, in no fixed order.
func (st *state) allEdges(yield func(*edgeRec) bool) { st.edgesWhere(nil, yield) }

// edgesWhere yields the edges in force that keep (when given) passes, in
// no fixed order. keep is asked first: finding whether an edge is in
// force costs a lookup or two.
func (st *state) edgesWhere(keep func(*edgeRec) bool, yield func(*edgeRec) bool) {
	st.docs.all(func(_ string, sd *storedDoc) bool {
		for i := range sd.edges {
			r := &sd.edges[i]
			if (keep == nil || keep(r)) && st.inForce(r) && !yield(r) {
				return false
			}
		}
		return true
	})
}

// reindexEdges brings the edge index of st, a state derived from old
// whose docs already hold doc's next version, up to date with doc's
// change from prev to next (either may be nil), and the count of edge ids
// with it.
func (st *state) reindexEdges(tx *txn, old *state, doc string, prev, next *storedDoc) {
	switch {
	case prev == nil && next != nil:
		st.docLens = withDocLen(st.docLens, len(doc), 1)
	case prev != nil && next == nil:
		st.docLens = withDocLen(st.docLens, len(doc), -1)
	}
	ids := map[string]bool{}
	for _, sd := range []*storedDoc{prev, next} {
		if sd == nil {
			continue
		}
		for i := range sd.edges {
			r := &sd.edges[i]
			id := r.id()
			ids[id] = true
			if r.own(doc) {
				continue
			}
			es, _ := st.foreign.get(id)
			es = slices.DeleteFunc(slices.Clone(es), func(x *edgeRec) bool { return x.document() == doc })
			if sd == next {
				i, _ := slices.BinarySearchFunc(es, doc, func(x *edgeRec, d string) int { return strings.Compare(x.document(), d) })
				es = slices.Insert(es, i, r)
			}
			if len(es) == 0 {
				st.foreign = st.foreign.del(tx, id)
			} else {
				st.foreign = st.foreign.set(tx, id, slices.Clip(es))
			}
		}
	}
	for id := range ids {
		if old.edge(id) != nil {
			st.edgeCount--
		}
		if st.edge(id) != nil {
			st.edgeCount++
		}
	}
}
