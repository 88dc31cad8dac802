package memory

// vertex is everything the state knows under one node id: the node, and
// the edges that start or end there, kept together so that a path step
// costs one lookup. It is 64 bytes: what nearly every vertex has (a node,
// a short list of edges each way) is in place, and the rest (more
// documents naming the id, a hub's parts) behind one pointer. Each way's
// list was a slice of parts of its own, two allocations more per vertex,
// and the vertex 80 bytes.
type vertex struct {
	// node is the version of the document with the greatest id among those
	// naming the node (a shared entity appears in every review that uses
	// it), or nil when only dangling edges point here.
	node *nodeRec
	// small holds the outgoing (0) and incoming (1) edges of a way whose
	// list is one part, nil when it is empty or in more; both share one
	// array when both are one part.
	small [2][]*edgeRec
	more  *vertexMore
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

// list is way w's edges: a view of small, or more's parts.
func (v *vertex) list(w int) edgeList {
	if v.small[w] != nil {
		return v.small[w : w+1 : w+1]
	}
	if v.more != nil {
		return v.more.parts[w]
	}
	return nil
}

// out is the edges that start here.
func (v *vertex) out() edgeList { return v.list(0) }

// in is the edges that end here.
func (v *vertex) in() edgeList { return v.list(1) }

func (v *vertex) empty() bool { return v.node == nil && v.out() == nil && v.in() == nil }

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
	if sameSlice(one[0], v.small[0]) && sameSlice(one[1], v.small[1]) {
		v.setMore(m)
		return
	}
	v.small = [2][]*edgeRec{}
	if size > 0 {
		buf := make([]*edgeRec, size)
		k := 0
		for w, p := range one {
			if len(p) > 0 {
				copy(buf[k:], p)
				v.small[w] = buf[k : k+len(p) : k+len(p)]
				k += len(p)
			}
		}
	}
	v.setMore(m)
}

// sameSlice says whether a and b are the same slice.
func sameSlice(a, b []*edgeRec) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
