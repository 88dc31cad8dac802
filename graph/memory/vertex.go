package memory

// vertex is everything the state knows under one node id: the node, and
// the edges that start or end there, kept together so that a path step
// costs one lookup. It is 48 bytes: what nearly every vertex has (a node,
// a short list of edges each way) is in place, and the rest (more
// documents naming the id, a hub's parts) behind one pointer. Each way's
// list was a slice of parts of its own, two allocations more per vertex,
// and the vertex 80 bytes; then a slice a way in place, 64 bytes (a
// million vertices at 1M nodes).
type vertex struct {
	// node is the version of the document with the greatest id among those
	// naming the node (a shared entity appears in every review that uses
	// it), or nil when only dangling edges point here.
	node *nodeRec
	// small holds the edges of the ways whose list is one part, outgoing
	// (small[:nOut]) then incoming (small[nOut:]), in one array of their
	// exact length; a way that is empty or in more has none there.
	small []*edgeRec
	more  *vertexMore
	nOut  uint32
}

// vertexMore is what few vertices have. It is never changed once
// published: setNames and setEdges make a new one.
type vertexMore struct {
	// named lists the documents naming the id, by document id, with their
	// versions; nil when that is node's own document alone, as it is for
	// nearly every node (see names).
	named []docNode
	// A way's list when it has more than one part (a hub's).
	parts [2]edgeList
}

// adj is one way's edges of a vertex: one part (one), or the parts of a
// hub's list (parts), or none.
type adj struct {
	one   []*edgeRec
	parts edgeList
}

// all yields the edges.
func (a adj) all(yield func(*edgeRec) bool) {
	for _, e := range a.one {
		if !yield(e) {
			return
		}
	}
	a.parts.all(yield)
}

// each yields the parts, none empty.
func (a adj) each(yield func([]*edgeRec) bool) {
	if len(a.one) > 0 {
		yield(a.one)
		return
	}
	for _, p := range a.parts {
		if !yield(p) {
			return
		}
	}
}

func (a adj) empty() bool { return len(a.one) == 0 && len(a.parts) == 0 }

// asParts is the edges as an edgeList, for a load to change: one part
// makes a list of its own.
func (a adj) asParts() edgeList {
	if len(a.one) > 0 {
		return edgeList{a.one}
	}
	return a.parts
}

// edgeList is a vertex's edges in parts of at most 2*partSize that are
// never changed once published, so that a load adding a few edges to a hub
// (a drug that thousands of passages mention) copies the part they go in
// and not the whole list. Every document's edges are there, also those
// whose id another document reuses, ordered by document id and then by
// position in the document: the order a build from scratch gives.
type edgeList [][]*edgeRec

func (l edgeList) all(yield func(*edgeRec) bool) {
	for _, part := range l {
		for _, e := range part {
			if !yield(e) {
				return
			}
		}
	}
}

type docNode struct {
	doc string
	n   *nodeRec
}

// small is way w's part in small, empty when it has none there.
func (v *vertex) smallOf(w int) []*edgeRec {
	if w == 0 {
		return v.small[:v.nOut:v.nOut]
	}
	return v.small[v.nOut:]
}

// list is way w's edges: a view of small, or more's parts.
func (v *vertex) list(w int) adj {
	if one := v.smallOf(w); len(one) > 0 {
		return adj{one: one}
	}
	if v.more != nil {
		return adj{parts: v.more.parts[w]}
	}
	return adj{}
}

// out is the edges that start here.
func (v *vertex) out() adj { return v.list(0) }

// in is the edges that end here.
func (v *vertex) in() adj { return v.list(1) }

func (v *vertex) empty() bool { return v.node == nil && v.out().empty() && v.in().empty() }

// named is the documents naming the id when they are not node's alone.
func (v *vertex) named() []docNode {
	if v.more != nil {
		return v.more.named
	}
	return nil
}

// names is named spelled out.
func (v *vertex) names() []docNode {
	if named := v.named(); named != nil || v.node == nil {
		return named
	}
	return []docNode{{v.node.doc(), v.node}}
}

// editMore is a copy of more for a change, new when there is none.
func (v *vertex) editMore() *vertexMore {
	m := &vertexMore{}
	if v.more != nil {
		*m = *v.more
	}
	return m
}

// setMore keeps m, or nothing when it holds nothing.
func (v *vertex) setMore(m *vertexMore) {
	if m.named == nil && m.parts[0] == nil && m.parts[1] == nil {
		m = nil
	}
	v.more = m
}

// setNames sets named and node from the documents naming the id.
func (v *vertex) setNames(named []docNode) {
	m := v.editMore()
	v.node, m.named = nil, nil
	if len(named) > 0 {
		v.node = named[len(named)-1].n
		if len(named) > 1 || named[0].doc != v.node.doc() {
			m.named = named
		}
	}
	v.setMore(m)
}

// setEdges sets the lists of both ways. Lists of one part go in small,
// both in one array of their exact length.
func (v *vertex) setEdges(out, in edgeList) {
	// out and in may be views of v.small: read them before it changes.
	m := v.editMore()
	m.parts = [2]edgeList{}
	one := [2][]*edgeRec{}
	size := 0
	for w, l := range [2]edgeList{out, in} {
		switch len(l) {
		case 0:
		case 1:
			one[w] = l[0]
			size += len(l[0])
		default:
			m.parts[w] = l
		}
	}
	if sameSlice(one[0], v.smallOf(0)) && sameSlice(one[1], v.smallOf(1)) {
		v.setMore(m)
		return
	}
	v.small, v.nOut = nil, uint32(len(one[0]))
	if size > 0 {
		v.small = make([]*edgeRec, size)
		copy(v.small, one[0])
		copy(v.small[len(one[0]):], one[1])
	}
	v.setMore(m)
}

// sameSlice says whether a and b are the same slice.
func sameSlice(a, b []*edgeRec) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
